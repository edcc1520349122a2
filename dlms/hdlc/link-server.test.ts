import { expect } from 'chai';
import { toHex } from '../bytes/hex';
import { clientAddress, serverAddress } from './address';
import type { HdlcFrame } from './frame';
import { initialLinkState, step, type LinkAction, type LinkConfig, type LinkState } from './link';
import { infoOfParameters, parameterList, parametersOfInfo, settingsOf, type HdlcSettings } from './parameters';

const client = clientAddress(16);
const server = serverAddress(1, 16);
const serverShort = serverAddress(1);
const MAX: HdlcSettings = { maxInfoFieldLengthTransmit: 2030, maxInfoFieldLengthReceive: 2030, windowSizeTransmit: 7, windowSizeReceive: 7 };
const SUPPORTED: HdlcSettings = { maxInfoFieldLengthTransmit: 512, maxInfoFieldLengthReceive: 256, windowSizeTransmit: 7, windowSizeReceive: 3 };

const config: LinkConfig = {
  role: 'server',
  local: server,
  aliases: [serverShort],
  settings: SUPPORTED,
  responseTimeoutMs: 1000,
  maxRetries: 0,
  inactivityTimeoutMs: 5000,
};

const sent = (actions: readonly LinkAction[]): HdlcFrame[] => actions.flatMap((a) => (a.type === 'transmit' ? [a.frame] : []));
const kinds = (actions: readonly LinkAction[]): string[] =>
  actions.map((a) => (a.type === 'transmit' ? `transmit ${a.frame.type}` : a.type === 'violation' ? `violation ${a.code}` : a.type));
const to = (frame: Record<string, unknown> & { type: HdlcFrame['type'] }, destination = server): HdlcFrame =>
  ({ destination, source: client, pf: true, ...frame }) as HdlcFrame;
const iFrame = (ns: number, nr: number, info: Uint8Array, pf = true, segmented = false): HdlcFrame => to({ type: 'I', ns, nr, pf, segmented, info });

function connected(settings: HdlcSettings = MAX, now = 0): LinkState {
  const r = step(initialLinkState(config), { type: 'receive', frame: to({ type: 'SNRM', info: infoOfParameters(parameterList(settings)) }) }, now);
  expect(r.state.mode).to.equal('NRM');
  return r.state;
}

describe('HDLC link, server side', () => {
  it('answers an SNRM proposing the largest values with what it supports, seen from its side', () => {
    const r = step(initialLinkState(config), { type: 'receive', frame: to({ type: 'SNRM', info: infoOfParameters(parameterList(MAX)) }) }, 0);
    const [ua] = sent(r.actions);
    expect(ua?.type).to.equal('UA');
    expect(settingsOf(parametersOfInfo((ua as { info: Uint8Array }).info))).to.deep.equal(SUPPORTED);
    expect(r.state.deadline).to.equal(5000);
  });

  it('answers from the form of its address that the client used', () => {
    const r = step(initialLinkState(config), { type: 'receive', frame: to({ type: 'SNRM', info: new Uint8Array(0) }, serverShort) }, 0);
    expect(sent(r.actions)[0]?.source).to.deep.equal(serverShort);
    const rr = step(r.state, { type: 'receive', frame: to({ type: 'RR', nr: 0 }, serverShort) }, 1);
    expect(sent(rr.actions)[0]).to.deep.equal({ type: 'RR', destination: client, source: serverShort, pf: true, nr: 0 });
  });

  it('drops to NDM when the inactivity timeout passes, whether a tick or the next frame tells it', () => {
    const s = connected();
    expect(step(s, { type: 'tick' }, 4999).state.mode).to.equal('NRM');
    expect(kinds(step(s, { type: 'tick' }, 5000).actions)).to.deep.equal(['disconnected']);
    const late = step(s, { type: 'receive', frame: to({ type: 'DISC' }) }, 6000);
    expect(kinds(late.actions)).to.deep.equal(['disconnected', 'transmit DM']);
    // Each frame for this station restarts the count.
    const kept = step(s, { type: 'receive', frame: to({ type: 'RR', nr: 0 }) }, 4000);
    expect(kept.state.deadline).to.equal(9000);
  });

  it('rejects an information field longer than negotiated with FRMR (Y), repeated until SNRM or DISC', () => {
    const s = connected({ ...MAX, maxInfoFieldLengthTransmit: 64 });
    const r = step(s, { type: 'receive', frame: iFrame(0, 0, new Uint8Array(65)) }, 1);
    expect(kinds(r.actions)).to.deep.equal(['violation HDLC_INFO_TOO_LONG', 'transmit FRMR']);
    expect(toHex((sent(r.actions)[0] as { info: Uint8Array }).info)).to.equal('100004');
    const again = step(r.state, { type: 'receive', frame: to({ type: 'RR', nr: 0 }) }, 2);
    expect(kinds(again.actions)).to.deep.equal(['transmit FRMR']);
    const disc = step(again.state, { type: 'receive', frame: to({ type: 'DISC' }) }, 3);
    expect(kinds(disc.actions)).to.deep.equal(['transmit UA', 'disconnected']);
  });

  it('ignores a two-byte client address, the no-station address and non-UI frames for all stations', () => {
    const s = connected();
    const twoByteSource = { ...to({ type: 'RR', nr: 0 }), source: serverAddress(1, 17) } as HdlcFrame;
    expect(kinds(step(s, { type: 'receive', frame: twoByteSource }, 1).actions)).to.deep.equal(['ignored']);
    expect(kinds(step(s, { type: 'receive', frame: to({ type: 'RR', nr: 0 }, serverAddress(0)) }, 1).actions)).to.deep.equal(['ignored']);
    expect(kinds(step(s, { type: 'receive', frame: to({ type: 'RR', nr: 0 }, serverAddress(0x7f)) }, 1).actions)).to.deep.equal(['ignored']);
    const broadcast = step(s, { type: 'receive', frame: to({ type: 'UI', segmented: false, info: Uint8Array.of(0xe6, 0xe6, 0) }, serverAddress(0x7f)) }, 1);
    expect(kinds(broadcast.actions)).to.deep.equal(['deliver']);
  });

  it('ignores a repeated I frame and retransmits the unacknowledged answer instead', () => {
    let s = connected();
    let r = step(s, { type: 'receive', frame: iFrame(0, 0, Uint8Array.of(1, 2, 3)) }, 1);
    expect(kinds(r.actions)).to.deep.equal(['deliver']);
    r = step(r.state, { type: 'send', payload: Uint8Array.of(9) }, 1);
    expect(sent(r.actions).map((f) => f.type === 'I' && [f.ns, f.nr])).to.deep.equal([[0, 1]]);
    s = r.state;
    r = step(s, { type: 'receive', frame: iFrame(0, 0, Uint8Array.of(1, 2, 3)) }, 2);
    expect(kinds(r.actions)).to.deep.equal(['ignored', 'transmit I']);
    expect(r.actions[1]).to.deep.include({ retransmission: true });
  });

  it('frees a held poll with RR when there is nothing to answer', () => {
    const r = step(connected(), { type: 'receive', frame: iFrame(0, 0, Uint8Array.of(1)) }, 1);
    expect(sent(r.actions)).to.deep.equal([]);
    expect(sent(step(r.state, { type: 'nothing-to-send' }, 1).actions)).to.deep.equal([{ type: 'RR', destination: client, source: server, pf: true, nr: 1 }]);
  });

  it('sends up to the negotiated window of I frames per poll, F on the last', () => {
    const s = step(
      connected({ ...MAX, maxInfoFieldLengthReceive: 32, windowSizeReceive: 3 }),
      { type: 'receive', frame: iFrame(0, 0, Uint8Array.of(1)) },
      1,
    ).state;
    const r = step(s, { type: 'send', payload: new Uint8Array(200) }, 1);
    expect(sent(r.actions).map((f) => f.type === 'I' && `${f.ns}${f.pf ? 'F' : ''}${f.segmented ? 'S' : ''}`)).to.deep.equal(['0S', '1S', '2FS']);
    const next = step(r.state, { type: 'receive', frame: to({ type: 'RR', nr: 3 }) }, 2);
    expect(sent(next.actions).map((f) => f.type === 'I' && f.ns)).to.deep.equal([3, 4, 5]);
  });
});
