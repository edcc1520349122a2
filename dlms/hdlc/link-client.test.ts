import { expect } from 'chai';
import { clientAddress, serverAddress } from './address';
import type { HdlcFrame } from './frame';
import { initialLinkState, step, type LinkAction, type LinkConfig, type LinkState } from './link';
import { infoOfParameters, parameterList, type HdlcSettings } from './parameters';

const client = clientAddress(16);
const server = serverAddress(1);
const settings: HdlcSettings = { maxInfoFieldLengthTransmit: 32, maxInfoFieldLengthReceive: 64, windowSizeTransmit: 3, windowSizeReceive: 2 };
const config: LinkConfig = { role: 'client', local: client, remote: server, settings, responseTimeoutMs: 1000, maxRetries: 1 };

const sent = (actions: readonly LinkAction[]): HdlcFrame[] => actions.flatMap((a) => (a.type === 'transmit' ? [a.frame] : []));
const kinds = (actions: readonly LinkAction[]): string[] =>
  actions.map((a) => (a.type === 'transmit' ? `transmit ${a.frame.type}` : a.type === 'violation' ? `violation ${a.code}` : a.type));
const from = (frame: Record<string, unknown> & { type: HdlcFrame['type'] }): HdlcFrame =>
  ({ destination: client, source: server, pf: true, ...frame }) as HdlcFrame;

/** Connected with the server accepting the proposal as it stands. */
function connected(): LinkState {
  const c = step(initialLinkState(config), { type: 'connect' }, 0).state;
  const mirror = { maxInfoFieldLengthTransmit: 64, maxInfoFieldLengthReceive: 32, windowSizeTransmit: 2, windowSizeReceive: 3 };
  const r = step(c, { type: 'receive', frame: from({ type: 'UA', info: infoOfParameters(parameterList(mirror)) }) }, 0);
  expect(r.state.settings).to.deep.equal(settings);
  return r.state;
}

describe('HDLC link, client side', () => {
  it('sends a segmented message a window at a time, P on the last frame of each', () => {
    const r = step(connected(), { type: 'send', payload: new Uint8Array(100) }, 0);
    expect(sent(r.actions).map((f) => f.type === 'I' && `${f.ns}${f.pf ? 'P' : ''}${f.segmented ? 'S' : ''}`)).to.deep.equal(['0S', '1S', '2PS']);
    const next = step(r.state, { type: 'receive', frame: from({ type: 'RR', nr: 3 }) }, 10);
    expect(sent(next.actions).map((f) => f.type === 'I' && `${f.ns}${f.pf ? 'P' : ''}${f.segmented ? 'S' : ''}`)).to.deep.equal(['3P']);
  });

  it('flags an information field longer than negotiated and more I frames per poll than the window', () => {
    let s = step(connected(), { type: 'send', payload: Uint8Array.of(1) }, 0).state;
    let r = step(s, { type: 'receive', frame: from({ type: 'I', ns: 0, nr: 1, pf: false, segmented: true, info: new Uint8Array(65) }) }, 1);
    expect(kinds(r.actions)).to.deep.equal(['violation HDLC_INFO_TOO_LONG']);
    s = r.state;
    r = step(s, { type: 'receive', frame: from({ type: 'I', ns: 1, nr: 1, pf: false, segmented: true, info: new Uint8Array(8) }) }, 2);
    expect(kinds(r.actions)).to.deep.equal([]);
    r = step(r.state, { type: 'receive', frame: from({ type: 'I', ns: 2, nr: 1, pf: true, segmented: false, info: new Uint8Array(8) }) }, 3);
    expect(kinds(r.actions)).to.deep.equal(['violation HDLC_WINDOW_EXCEEDED', 'deliver']);
  });

  it('polls with RR on request when no poll is out, and not while one is', () => {
    const s = connected();
    const r = step(s, { type: 'poll' }, 5);
    expect(sent(r.actions)).to.deep.equal([{ type: 'RR', destination: server, source: client, pf: true, nr: 0 }]);
    expect(r.state.deadline).to.equal(1005);
    expect(step(r.state, { type: 'poll' }, 6).actions).to.deep.equal([]);
  });

  it('sends and takes UI frames without sequence numbers', () => {
    const s = connected();
    expect(sent(step(s, { type: 'send-ui', payload: Uint8Array.of(7) }, 0).actions)).to.deep.equal([
      { type: 'UI', destination: server, source: client, pf: false, segmented: false, info: Uint8Array.of(7) },
    ]);
    const r = step(s, { type: 'receive', frame: from({ type: 'UI', pf: false, segmented: false, info: Uint8Array.of(8) }) }, 0);
    expect(r.actions).to.deep.equal([{ type: 'deliver', payload: Uint8Array.of(8), unnumbered: true }]);
    expect(r.state.vr).to.equal(0);
  });

  it('sends the whole outstanding window again when the response timeout passes', () => {
    const r = step(connected(), { type: 'send', payload: new Uint8Array(40) }, 0);
    const again = step(r.state, { type: 'tick' }, 1000);
    expect(kinds(again.actions)).to.deep.equal(['timeout', 'transmit I', 'transmit I']);
    expect(again.actions.filter((a) => a.type === 'transmit').every((a) => a.type === 'transmit' && a.retransmission)).to.equal(true);
  });
});
