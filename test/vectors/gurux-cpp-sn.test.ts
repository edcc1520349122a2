/**
 * The independent meter's short-name answers (gurux_cpp_sn_hdlc.trace, provenance in its header)
 * against our decoders: each lead of the SN interop probe judged on the meter's exact bytes. One
 * was dlmsct's (a block-transferred READ whose raw-data is the value alone, an allowed reading now
 * accepted with a remark); the others are the meter's, and the decoders must keep saying so.
 */
import { expect } from 'chai';
import { concatBytes } from '../../dlms/bytes/hex';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { decodeFrame, frameInfo } from '../../dlms/hdlc/frame';
import { stripLlc } from '../../dlms/hdlc/llc';
import { decodePduBytes } from '../../dlms/pdu/pdu';
import type { Link } from '../../client/link';
import { RAW_DATA_VALUE_ALONE, readVariables, type SnRemark } from '../../client/sn-service';
import { readRecording } from './recording';
import { methodAnswer } from '../../harness/steps/object-walk';

const frames = readRecording('gurux_cpp_sn_hdlc.trace');

/** The APDUs each side sent, in order: I-frame segments joined, the LLC header removed. */
function apdusOf(dir: 'C2S' | 'S2C'): Uint8Array[] {
  const out: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  for (const f of frames.filter((x) => x.dir === dir)) {
    const frame = decodeFrame(f.bytes);
    if (frame.type !== 'I') continue;
    parts.push(frameInfo(frame));
    if (frame.segmented) continue;
    out.push(stripLlc(concatBytes(...parts), dir === 'C2S' ? 'request' : 'response').apdu);
    parts = [];
  }
  return out;
}

const fromMeter = apdusOf('S2C');
const [accessRightsBlock1, accessRightsBlock2, profileBuffer, rlre] = fromMeter;

/** A link that answers each exchange with the next of the meter's APDUs, as it sent them. */
function replay(answers: Uint8Array[], sent: Uint8Array[]): Link {
  const queue = [...answers];
  return {
    open: async () => ({ kind: 'open', note: '' }),
    exchange: async (bytes) => {
      sent.push(bytes);
      const next = queue.shift();
      return next ? { kind: 'apdu', bytes: next } : { kind: 'silence', waitedMs: 1 };
    },
    receive: async () => ({ kind: 'silence', waitedMs: 1 }),
    close: async () => undefined,
  };
}

function decodeErrorOf(bytes: Uint8Array): string {
  try {
    decodePduBytes(bytes);
  } catch (e) {
    if (isDecodeError(e)) return e.message;
    throw e;
  }
  return 'decoded';
}

describe('gurux_cpp_sn_hdlc.trace (dlmsct ↔ the Gurux C++ meter over short names)', () => {
  it('holds the four answers its header announces: two access-rights blocks, the profile buffer, the RLRE', () => {
    expect(fromMeter).to.have.length(4);
  });

  it('reads the access_rights_list the meter block-transfers as its value alone, remarking the non-preferred form', async () => {
    const sent: Uint8Array[] = [];
    const remarks: SnRemark[] = [];
    const outcome = await readVariables(replay([accessRightsBlock1!, accessRightsBlock2!], sent), [{ variableName: 0xfa10 }], (r) => remarks.push(r));
    if (outcome.kind !== 'read' || outcome.results[0]?.kind !== 'data') throw new Error(JSON.stringify(outcome));
    const value = outcome.results[0].data;
    // 24 objects, each a structure of base_name, attribute access and method access.
    expect(value.type === 'array' && value.items.length).to.equal(24);
    expect(outcome.blocks).to.equal(2);
    expect(remarks).to.deep.equal([RAW_DATA_VALUE_ALONE]);
    // READ of 0xFA10, then block-number-access naming block 1.
    expect(Buffer.from(sent[1]!).toString('hex')).to.equal('0501050001');
  });

  it('keeps reporting the meter’s profile buffer as TRAILING_BYTES: the array count says 9, ten rows of 21 bytes follow', () => {
    expect(decodeErrorOf(profileBuffer!)).to.match(/^TRAILING_BYTES at byte 194: .* got 21 more byte\(s\)/);
  });

  it('keeps reporting the meter’s RLRE as malformed: its lengths 17 and 15 undercount the 21 and 16 bytes that follow', () => {
    expect(rlre!.length).to.equal(2 + 21);
    expect(decodeErrorOf(rlre!)).to.match(/^TRUNCATED at byte 7: expected 15 byte\(s\) for content of RLRE field, got 12 byte\(s\) left/);
  });

  // From the interop run's frames (docs/interop/gurux-cpp.md): the meter's answer to a READ of
  // Association SN method 8 (0xFA58, parameterized access, no access right) is a ReadResponse
  // whose data choice carries no Data; the object walk fails it instead of calling READ "not served".
  it('fails, not skips, the meter’s answer 0C 01 00 to a READ of a method name: a data choice with no Data', async () => {
    const outcome = await readVariables(replay([Buffer.from('0C0100', 'hex')], []), [{ variableName: 0xfa58, parameterized: { selector: 0, parameter: { type: 'octet-string', value: new Uint8Array() } } }]);
    expect(outcome).to.deep.include({ kind: 'malformed' });
    if (outcome.kind !== 'malformed') throw new Error('decoded');
    expect(outcome.actual).to.match(/0 byte\(s\) left/);
    expect(methodAnswer(outcome)).to.equal('malformed');
  });

  it('fails a connection the meter closed on a method READ (it dies on 0xFA60, an undefined method), and still skips an unserved service', () => {
    expect(methodAnswer({ kind: 'malformed', code: 'LINK_CLOSED', offset: 0, expected: 'an answer', actual: 'the meter closed the connection' })).to.equal('malformed');
    expect(methodAnswer({ kind: 'exception', stateError: 'service-not-allowed', serviceError: 'service-not-supported' })).to.equal('not-served');
    expect(methodAnswer({ kind: 'action-result', result: 'read-write-denied', blocks: 0 })).to.equal('judged');
  });
});
