import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromHex, toHex } from '../../dlms/bytes';
import { clientAddress, serverAddress } from '../../dlms/hdlc/address';
import { decodeFrame, encodeFrame, encodeRawFrame, type HdlcFrame } from '../../dlms/hdlc/frame';
import { addLlc, stripLlc } from '../../dlms/hdlc/llc';
import { parametersOfInfo, settingsOf, infoOfParameters, parameterList } from '../../dlms/hdlc/parameters';
import { NO_FAULTS } from '../faults';
import { DEFAULT_METER } from '../meter/load';
import { parseMeterDefinition } from '../meter/load';
import { aarqBytes, CLIENT, DEFAULT, getBytes, pdu, SERVER, T0 } from '../../test/support/simulator/testing';
import { createHdlcServerLink, type HdlcServerLink } from './hdlc-link';
import { createSession } from './session';

/** c_hdlc_none.trace (GuruxDLMS.c meter and client, see its header): the frames in order. */
const TRACE = fs
  .readFileSync(path.join(__dirname, '../../test/vectors/recordings/c_hdlc_none.trace'), 'utf8')
  .split('\n')
  .filter((l) => /^(C2S|S2C) /.test(l))
  .map((l) => ({ dir: l.slice(0, 3), bytes: fromHex(l.slice(4)) }));
const c2s = TRACE.filter((f) => f.dir === 'C2S').map((f) => f.bytes);
const s2c = TRACE.filter((f) => f.dir === 'S2C').map((f) => f.bytes);

function link(meter = DEFAULT): HdlcServerLink {
  return createHdlcServerLink(meter.hdlc, NO_FAULTS, createSession(meter, NO_FAULTS, T0));
}

function frame(f: Record<string, unknown> & { type: HdlcFrame['type'] }): Uint8Array {
  return encodeFrame({ destination: SERVER, source: CLIENT, pf: true, ...f } as HdlcFrame);
}

const decoded = (out: Uint8Array[]) => out.map((b) => decodeFrame(b));

describe('HDLC server link (Green Book 8.4)', () => {
  it('answers the recorded SNRM (server 0x03, client 0x21) with a UA to that client with the default parameters', () => {
    // Golden input: 7E A007 03 21 93 0F01 7E, an SNRM with no information field.
    expect(toHex(c2s[0]!)).to.equal('7EA0070321930F017E');
    const [ua, ...more] = decoded(link().handleFrame(c2s[0]!, T0));
    expect(more).to.deep.equal([]);
    expect(ua).to.deep.include({ type: 'UA', pf: true, destination: { size: 1, upper: 16 }, source: { size: 1, upper: 1 } });
    if (ua?.type !== 'UA') throw new Error();
    // Green Book 8.4.5.3.2: nothing proposed, so 128 bytes and window 1 each way, as the recorded meter answered.
    const recorded = decodeFrame(s2c[0]!);
    if (recorded.type !== 'UA') throw new Error();
    expect(settingsOf(parametersOfInfo(ua.info))).to.deep.equal(settingsOf(parametersOfInfo(recorded.info)));
  });

  it('answers the recorded AARQ with the recorded AARE frame, byte for byte, when it offers what that meter offered', () => {
    // The recorded meter granted GET and SET with a 512-byte max receive PDU.
    const text = fs
      .readFileSync(DEFAULT_METER, 'utf8')
      .replace(
        'conformance: [get, set, selective-access, block-transfer-with-get-or-read, multiple-references]\n    maxPduSize: 1024',
        'conformance: [get, set]\n    maxPduSize: 512',
      );
    const l = link(parseMeterDefinition(text, 'recorded-offer.yaml'));
    l.handleFrame(c2s[0]!, T0);
    const out = l.handleFrame(c2s[1]!, T0);
    // 7E A037 21 03 30 (I, N(R)=1 N(S)=0 F) HCS E6E700 6129… (AARE accepted, GET|SET, 512, VAA 7) FCS 7E
    expect(out.map((b) => toHex(b))).to.deep.equal([toHex(s2c[1]!)]);
  });

  it('sends a long response in segments with the S bit, the next one each time the client polls with RR', () => {
    const l = link();
    l.handleFrame(c2s[0]!, T0);
    l.handleFrame(c2s[1]!, T0);
    // The recorded GET of the object list (I N(S)=1 N(R)=1), then the first three recorded RR
    // polls (N(R) = 2, 3, 4; that meter then switched to block transfer), then RRs of our own.
    let out = decoded(l.handleFrame(c2s[2]!, T0));
    const recordedPolls = c2s.slice(3).filter((b) => decodeFrame(b).type === 'RR');
    const parts: Uint8Array[] = [];
    let expectedNs = 1;
    for (let i = 0; i < 100; i++) {
      const f = out[0];
      if (out.length !== 1 || f?.type !== 'I') throw new Error(`expected one I frame, got ${out.map((x) => x.type).join(', ')}`);
      expect(f.ns).to.equal(expectedNs);
      expect(f.nr).to.equal(2);
      expect(f.info.length).to.be.at.most(128);
      parts.push(f.info);
      expectedNs = (expectedNs + 1) % 8;
      if (!f.segmented) break;
      const recorded = recordedPolls[i];
      const poll = recorded && decodeFrame(recorded).type === 'RR' && i < 3 ? recorded : frame({ type: 'RR', nr: expectedNs });
      expect(decodeFrame(poll)).to.deep.include({ type: 'RR', nr: expectedNs });
      out = decoded(l.handleFrame(poll, T0));
    }
    expect(parts.length).to.be.greaterThan(1);
    const response = pdu(stripLlc(Uint8Array.from(parts.flatMap((p) => [...p])), 'response').apdu);
    expect(response).to.deep.include({ type: 'get-response', variant: 'normal' });
  });

  it('negotiates the smaller of the proposal and its own limits', () => {
    const proposal = infoOfParameters(
      parameterList({ maxInfoFieldLengthTransmit: 512, maxInfoFieldLengthReceive: 64, windowSizeTransmit: 7, windowSizeReceive: 7 }),
    );
    const [ua] = decoded(link().handleFrame(frame({ type: 'SNRM', info: proposal }), T0));
    if (ua?.type !== 'UA') throw new Error();
    expect(settingsOf(parametersOfInfo(ua.info))).to.deep.equal({
      maxInfoFieldLengthTransmit: 64,
      maxInfoFieldLengthReceive: 128,
      windowSizeTransmit: 1,
      windowSizeReceive: 1,
    });
  });

  it('accepts the two-byte server address with its physical address and answers from it', () => {
    const two = serverAddress(1, 16);
    const [ua] = decoded(link().handleFrame(encodeFrame({ type: 'SNRM', destination: two, source: CLIENT, pf: true, info: new Uint8Array(0) }), T0));
    expect(ua).to.deep.include({ type: 'UA', source: two });
  });

  it('ignores frames for another server address', () => {
    const other = encodeFrame({ type: 'SNRM', destination: serverAddress(2), source: CLIENT, pf: true, info: new Uint8Array(0) });
    expect(link().handleFrame(other, T0)).to.deep.equal([]);
    const otherPhysical = encodeFrame({ type: 'SNRM', destination: serverAddress(1, 17), source: CLIENT, pf: true, info: new Uint8Array(0) });
    expect(link().handleFrame(otherPhysical, T0)).to.deep.equal([]);
  });

  it('discards a frame with a wrong FCS silently, and one with a wrong HCS', () => {
    const l = link();
    const badFcs = encodeRawFrame({ destination: SERVER, source: CLIENT, control: 0x93, overrides: { fcs: 'corrupt' } });
    expect(l.handleFrame(badFcs, T0)).to.deep.equal([]);
    expect(l.connected).to.equal(false);
    l.handleFrame(c2s[0]!, T0);
    const badHcs = encodeRawFrame({ destination: SERVER, source: CLIENT, control: 0x10, info: addLlc('request', aarqBytes()), overrides: { hcs: 'corrupt' } });
    expect(l.handleFrame(badHcs, T0)).to.deep.equal([]);
    // The link still works: the same I frame intact is answered.
    expect(decoded(l.handleFrame(frame({ type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', aarqBytes()) }), T0))[0]).to.deep.include({
      type: 'I',
      ns: 0,
      nr: 1,
    });
  });

  it('answers an I frame before SNRM with DM', () => {
    const out = decoded(link().handleFrame(frame({ type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', aarqBytes()) }), T0));
    expect(out).to.deep.equal([{ type: 'DM', pf: true, destination: CLIENT, source: SERVER }]);
  });

  it('answers DISC with UA, then treats the link as disconnected and the association as gone', () => {
    const l = link();
    l.handleFrame(c2s[0]!, T0);
    l.handleFrame(frame({ type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', aarqBytes()) }), T0);
    expect(decoded(l.handleFrame(frame({ type: 'DISC' }), T0))[0]).to.deep.include({ type: 'UA' });
    expect(decoded(l.handleFrame(frame({ type: 'DISC' }), T0))[0]).to.deep.include({ type: 'DM' });
    // A new link, and the GET finds no association.
    l.handleFrame(c2s[0]!, T0);
    const [r] = decoded(l.handleFrame(frame({ type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', getBytes(3, '1-0:1.8.0.255', 2)) }), T0));
    if (r?.type !== 'I') throw new Error();
    expect(pdu(stripLlc(r.info, 'response').apdu).type).to.equal('exception-response');
  });

  it('sends its response again when the client polls without acknowledging it', () => {
    const l = link();
    l.handleFrame(c2s[0]!, T0);
    const [first] = decoded(l.handleFrame(frame({ type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', aarqBytes()) }), T0));
    const [again] = decoded(l.handleFrame(frame({ type: 'RR', nr: 0 }), T0));
    expect(again).to.deep.equal(first);
    const [rr] = decoded(l.handleFrame(frame({ type: 'RR', nr: 1 }), T0));
    expect(rr).to.deep.include({ type: 'RR', nr: 1 });
  });

  it('reassembles a segmented request before answering, acknowledging each segment with RR', () => {
    const l = link();
    l.handleFrame(c2s[0]!, T0);
    const payload = addLlc('request', aarqBytes());
    const [ack] = decoded(l.handleFrame(frame({ type: 'I', ns: 0, nr: 0, segmented: true, info: payload.subarray(0, 20) }), T0));
    expect(ack).to.deep.include({ type: 'RR', nr: 1 });
    const [answer] = decoded(l.handleFrame(frame({ type: 'I', ns: 1, nr: 0, segmented: false, info: payload.subarray(20) }), T0));
    if (answer?.type !== 'I') throw new Error();
    expect(answer.nr).to.equal(2);
    expect(pdu(stripLlc(answer.info, 'response').apdu)).to.deep.include({ type: 'aare', result: 'accepted' });
  });

  it('does not answer a frame from a second client while the first holds the link', () => {
    const l = link();
    l.handleFrame(c2s[0]!, T0);
    const intruder = encodeFrame({ type: 'RR', destination: SERVER, source: clientAddress(1), pf: true, nr: 0 });
    expect(l.handleFrame(intruder, T0)).to.deep.equal([]);
  });
});
