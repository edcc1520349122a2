import { expect } from 'chai';
import fc from 'fast-check';
import { concatBytes, toHex } from '../bytes/hex';
import { readRecording } from '../../test/vectors/recording';
import { clientAddress, serverAddress } from './address';
import { decodeFrame, encodeFrame, type HdlcFrame } from './frame';
import { initialLinkState, LinkUsageError, step, type LinkAction, type LinkConfig, type LinkEvent, type LinkState } from './link';
import { DEFAULT_SETTINGS, infoOfParameters, parameterList } from './parameters';

const client = clientAddress(16);
const server = serverAddress(1);

const clientConfig: LinkConfig = {
  role: 'client',
  local: client,
  remote: server,
  settings: DEFAULT_SETTINGS,
  proposeParameters: false,
  responseTimeoutMs: 1000,
  maxRetries: 2,
};
const serverConfig: LinkConfig = {
  role: 'server',
  local: server,
  settings: DEFAULT_SETTINGS,
  parameterSizes: { windowSizeTransmit: 4, windowSizeReceive: 4 },
  segmentLimit: 125,
  responseTimeoutMs: 1000,
  maxRetries: 2,
};

const sent = (actions: readonly LinkAction[]): HdlcFrame[] => actions.flatMap((a) => (a.type === 'transmit' ? [a.frame] : []));
const hexes = (actions: readonly LinkAction[]): string[] => sent(actions).map((f) => toHex(encodeFrame(f)));
const delivered = (actions: readonly LinkAction[]): string[] => actions.flatMap((a) => (a.type === 'deliver' ? [toHex(a.payload)] : []));
const kinds = (actions: readonly LinkAction[]): string[] =>
  actions.map((a) => (a.type === 'transmit' ? `transmit ${a.frame.type}` : a.type === 'violation' ? `violation ${a.code}` : a.type));

/** The recording's messages per direction: I frame information fields joined until S clears. */
function messages(dir: 'C2S' | 'S2C'): Uint8Array[] {
  const out: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  for (const r of readRecording('c_hdlc_none.trace')) {
    if (r.dir !== dir) continue;
    const f = decodeFrame(r.bytes);
    if (f.type !== 'I') continue;
    parts.push(f.info);
    if (!f.segmented) {
      out.push(concatBytes(...parts));
      parts = [];
    }
  }
  return out;
}

function run(s: LinkState, e: LinkEvent, now = 0): { state: LinkState; actions: readonly LinkAction[] } {
  return step(s, e, now);
}

describe('HDLC link state machine', () => {
  it('plays the client side of the whole recording, frame for frame', () => {
    const trace = readRecording('c_hdlc_none.trace');
    const requests = messages('C2S');
    let s = initialLinkState(clientConfig);
    let r = run(s, { type: 'connect' });
    let out = [...hexes(r.actions)];
    s = r.state;
    const got: string[] = [];
    for (const rec of trace) {
      if (rec.dir === 'C2S') {
        if (out.length === 0) {
          // The link is idle: the next client frame starts a new message, or the release.
          const f = decodeFrame(rec.bytes);
          r = f.type === 'DISC' ? run(s, { type: 'disconnect' }) : run(s, { type: 'send', payload: requests.shift()! });
          s = r.state;
          out = hexes(r.actions);
        }
        expect(out.shift(), `line ${rec.line}`).to.equal(rec.hex);
      } else {
        r = run(s, { type: 'receive', frame: decodeFrame(rec.bytes) });
        s = r.state;
        expect(
          r.actions.filter((a) => a.type === 'violation'),
          `line ${rec.line}`,
        ).to.deep.equal([]);
        got.push(...delivered(r.actions));
        out.push(...hexes(r.actions));
      }
    }
    expect(requests).to.deep.equal([]);
    expect(got).to.deep.equal(messages('S2C').map((m) => toHex(m)));
    expect(s.mode).to.equal('NDM');
  });

  it('plays the server side of the whole recording, frame for frame', () => {
    const trace = readRecording('c_hdlc_none.trace');
    const responses = messages('S2C');
    let s = initialLinkState(serverConfig);
    const out: string[] = [];
    const got: string[] = [];
    for (const rec of trace) {
      if (rec.dir === 'C2S') {
        const r = run(s, { type: 'receive', frame: decodeFrame(rec.bytes) });
        s = r.state;
        out.push(...hexes(r.actions));
        const requests = delivered(r.actions);
        got.push(...requests);
        for (const _ of requests) {
          const answer = run(s, { type: 'send', payload: responses.shift()! });
          s = answer.state;
          out.push(...hexes(answer.actions));
        }
      } else {
        const f = decodeFrame(rec.bytes);
        const mine = out.shift();
        // Gurux answers DISC with a UA carrying parameters; IEC 62056-46 needs none, and we send none.
        if (f.type === 'UA' && rec === trace[trace.length - 1]) expect(decodeFrame(Buffer.from(mine!, 'hex')).type).to.equal('UA');
        else expect(mine, `line ${rec.line}`).to.equal(rec.hex);
      }
    }
    expect(got).to.deep.equal(messages('C2S').map((m) => toHex(m)));
    expect(s.mode).to.equal('NDM');
  });

  it('retransmits an unanswered SNRM at each timeout, then reports the link lost', () => {
    let r = run(initialLinkState(clientConfig), { type: 'connect' }, 0);
    expect(r.state.deadline).to.equal(1000);
    expect(run(r.state, { type: 'tick' }, 999).actions).to.deep.equal([]);
    r = run(r.state, { type: 'tick' }, 1000);
    expect(r.actions[0]).to.deep.equal({ type: 'timeout', waitedMs: 1000, retransmitting: true });
    expect(r.actions.slice(1).map((a) => a.type === 'transmit' && a.retransmission)).to.deep.equal([true]);
    r = run(r.state, { type: 'tick' }, 2000);
    r = run(r.state, { type: 'tick' }, 3000);
    expect(r.actions).to.deep.equal([
      { type: 'timeout', waitedMs: 1000, retransmitting: false },
      { type: 'disconnected', reason: 'timeout' },
    ]);
    expect(r.state.mode).to.equal('NDM');
    expect(r.state.deadline).to.equal(undefined);
  });

  it('proposes its parameters in the SNRM and flags a UA that raises them', () => {
    const cfg = { ...clientConfig, proposeParameters: true };
    let r = run(initialLinkState(cfg), { type: 'connect' });
    expect(toHex((sent(r.actions)[0] as { info: Uint8Array }).info)).to.equal(toHex(infoOfParameters(parameterList(DEFAULT_SETTINGS))));
    const ua: HdlcFrame = {
      type: 'UA',
      destination: client,
      source: server,
      pf: true,
      info: infoOfParameters(parameterList({ ...DEFAULT_SETTINGS, windowSizeTransmit: 7 })),
    };
    r = run(r.state, { type: 'receive', frame: ua });
    expect(kinds(r.actions)).to.deep.equal(['violation HDLC_NEGOTIATION_EXCEEDED', 'connected']);
    expect(r.state.settings).to.deep.equal(DEFAULT_SETTINGS);
  });

  it('gives up connecting on DM and on a UA with undecodable parameters', () => {
    const start = run(initialLinkState(clientConfig), { type: 'connect' }).state;
    expect(run(start, { type: 'receive', frame: { type: 'DM', destination: client, source: server, pf: true } }).actions).to.deep.equal([
      { type: 'disconnected', reason: 'dm' },
    ]);
    const bad: HdlcFrame = { type: 'UA', destination: client, source: server, pf: true, info: Uint8Array.of(0x81, 0x80, 0x03, 0x09, 0x01, 0x01) };
    expect(kinds(run(start, { type: 'receive', frame: bad }).actions)).to.deep.equal(['violation HDLC_PARAM_UNKNOWN', 'disconnected']);
  });

  it('ignores a frame addressed to another station', () => {
    const start = run(initialLinkState(clientConfig), { type: 'connect' }).state;
    const r = run(start, { type: 'receive', frame: { type: 'UA', destination: clientAddress(17), source: server, pf: true, info: new Uint8Array(0) } });
    expect(kinds(r.actions)).to.deep.equal(['ignored']);
    expect(r.state).to.equal(start);
  });

  it('answers a command with P in NDM with DM, on the server', () => {
    const r = run(initialLinkState(serverConfig), { type: 'receive', frame: { type: 'RR', destination: server, source: client, pf: true, nr: 0 } });
    expect(sent(r.actions)).to.deep.equal([{ type: 'DM', destination: client, source: server, pf: true }]);
  });

  it('reports an I frame out of sequence and answers the poll with RR', () => {
    let s = run(initialLinkState(serverConfig), {
      type: 'receive',
      frame: { type: 'SNRM', destination: server, source: client, pf: true, info: new Uint8Array(0) },
    }).state;
    const r = run(s, {
      type: 'receive',
      frame: { type: 'I', destination: server, source: client, pf: true, ns: 3, nr: 0, segmented: false, info: Uint8Array.of(1) },
    });
    expect(kinds(r.actions)).to.deep.equal(['violation HDLC_SEQUENCE_ERROR', 'transmit RR']);
    s = r.state;
    expect(s.vr).to.equal(0);
  });

  it('rejects an N(R) that acknowledges frames never sent with FRMR, reason Z (ISO/IEC 13239 5.5.3.4.4)', () => {
    const s = run(initialLinkState(serverConfig), {
      type: 'receive',
      frame: { type: 'SNRM', destination: server, source: client, pf: true, info: new Uint8Array(0) },
    }).state;
    const r = run(s, { type: 'receive', frame: { type: 'RR', destination: server, source: client, pf: true, nr: 5 } });
    expect(kinds(r.actions)).to.deep.equal(['violation HDLC_BAD_NR', 'transmit FRMR']);
    // Rejected control B1 (RR N(R)=5 P), V(S)=0 V(R)=0, Z.
    expect(toHex((sent(r.actions)[0] as { info: Uint8Array }).info)).to.equal('B10008');
    expect(r.state.mode).to.equal('frame-reject');
  });

  it('reports FRMR and drops the link', () => {
    let s = run(initialLinkState(clientConfig), { type: 'connect' }).state;
    s = run(s, { type: 'receive', frame: { type: 'UA', destination: client, source: server, pf: true, info: new Uint8Array(0) } }).state;
    const r = run(s, { type: 'receive', frame: { type: 'FRMR', destination: client, source: server, pf: true, info: Uint8Array.of(0x10, 0, 1) } });
    expect(kinds(r.actions)).to.deep.equal(['violation HDLC_FRMR_RECEIVED', 'disconnected']);
  });

  it('refuses local events its mode cannot take', () => {
    expect(() => run(initialLinkState(clientConfig), { type: 'send', payload: Uint8Array.of(1) })).to.throw(LinkUsageError);
  });

  it('carries messages both ways intact between a client and a server, whatever the sizes and windows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 32, max: 200 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 700 }), { minLength: 1, maxLength: 4 }),
        (maxInfo, windowSize, payloads) => {
          const settings = {
            maxInfoFieldLengthTransmit: maxInfo,
            maxInfoFieldLengthReceive: maxInfo,
            windowSizeTransmit: windowSize,
            windowSizeReceive: windowSize,
          };
          let c = initialLinkState({ ...clientConfig, settings, proposeParameters: true });
          let sv = initialLinkState({ ...serverConfig, settings });
          const toServer: HdlcFrame[] = [];
          const toClient: HdlcFrame[] = [];
          const atServer: string[] = [];
          const atClient: string[] = [];
          const pump = (): void => {
            for (let guard = 0; guard < 10_000 && (toServer.length > 0 || toClient.length > 0); guard++) {
              const f = toServer.shift();
              if (f !== undefined) {
                const r = step(sv, { type: 'receive', frame: decodeFrame(encodeFrame(f)) }, 0);
                sv = r.state;
                expect(r.actions.filter((a) => a.type === 'violation')).to.deep.equal([]);
                toClient.push(...sent(r.actions));
                for (const m of delivered(r.actions)) {
                  atServer.push(m);
                  // The server echoes every request, reversed, as its response.
                  const a = step(sv, { type: 'send', payload: Uint8Array.from(Buffer.from(m, 'hex')).reverse() }, 0);
                  sv = a.state;
                  toClient.push(...sent(a.actions));
                }
              }
              const g = toClient.shift();
              if (g !== undefined) {
                const r = step(c, { type: 'receive', frame: decodeFrame(encodeFrame(g)) }, 0);
                c = r.state;
                expect(r.actions.filter((a) => a.type === 'violation')).to.deep.equal([]);
                toServer.push(...sent(r.actions));
                atClient.push(...delivered(r.actions));
              }
            }
          };
          let r = step(c, { type: 'connect' }, 0);
          c = r.state;
          toServer.push(...sent(r.actions));
          pump();
          expect(c.mode).to.equal('NRM');
          for (const p of payloads) {
            r = step(c, { type: 'send', payload: p }, 0);
            c = r.state;
            toServer.push(...sent(r.actions));
            pump();
          }
          expect(atServer).to.deep.equal(payloads.map((p) => toHex(p)));
          expect(atClient).to.deep.equal(payloads.map((p) => toHex(Uint8Array.from(p).reverse())));
          for (const f of [...toServer, ...toClient]) expect(f.type === 'I' ? f.info.length : 0).to.be.at.most(maxInfo);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
