/**
 * Every APDU of c_hdlc_none.trace (Gurux C client ↔ Gurux C meter; provenance in its header)
 * through our PDU codec: the client's decode and re-encode to the same bytes; the meter's decode
 * too, except the answers where the meter itself put bytes after a complete APDU, which are
 * reported precisely (TRAILING_BYTES at the first extra byte), their leading APDU intact. The
 * ACSE exchange is checked field by field.
 */
import { expect } from 'chai';
import { decodePdu, decodePduBytes, encodePduBytes } from '../../dlms/pdu/pdu';
import { ByteReader } from '../../dlms/bytes/reader';
import { concatBytes, toHex } from '../../dlms/bytes/hex';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { decodeFrame } from '../../dlms/hdlc/frame';
import { stripLlc } from '../../dlms/hdlc/llc';
import { RECORDED_INITIATE_REQUEST } from './fixtures';
import { readRecording } from './recording';

interface Message {
  readonly dir: 'C2S' | 'S2C';
  readonly line: number;
  readonly apdu: Uint8Array;
}

function messages(): Message[] {
  const out: Message[] = [];
  const parts: Record<'C2S' | 'S2C', Uint8Array[]> = { C2S: [], S2C: [] };
  for (const r of readRecording('c_hdlc_none.trace')) {
    const f = decodeFrame(r.bytes);
    if (f.type !== 'I') continue;
    parts[r.dir].push(f.info);
    if (f.segmented) continue;
    out.push({ dir: r.dir, line: r.line, apdu: stripLlc(concatBytes(...parts[r.dir])).apdu });
    parts[r.dir] = [];
  }
  return out;
}

const all = messages();

describe('c_hdlc_none.trace APDUs through the PDU codec', () => {
  it('decodes every client APDU and re-encodes it to identical bytes', () => {
    const bad: string[] = [];
    for (const m of all.filter((x) => x.dir === 'C2S')) {
      try {
        const again = toHex(encodePduBytes(decodePduBytes(m.apdu)));
        if (again !== toHex(m.apdu)) bad.push(`line ${m.line}: re-encoded as ${again}`);
      } catch (e) {
        bad.push(`line ${m.line}: ${isDecodeError(e) ? `${e.code} at ${e.offset}` : String(e)}`);
      }
    }
    expect(bad).to.deep.equal([]);
    expect(all.filter((x) => x.dir === 'C2S').length).to.be.above(100);
  });

  it('decodes every meter APDU, or reports the bytes after a complete one as TRAILING_BYTES', () => {
    const trailing: string[] = [];
    const reencodedOtherwise: number[] = [];
    for (const m of all.filter((x) => x.dir === 'S2C')) {
      try {
        const again = encodePduBytes(decodePduBytes(m.apdu));
        if (toHex(again) !== toHex(m.apdu)) reencodedOtherwise.push(m.line);
      } catch (e) {
        if (!isDecodeError(e)) throw e;
        expect(e.code, `line ${m.line}`).to.equal('TRAILING_BYTES');
        // The complete APDU before the extra bytes decodes and re-encodes to exactly its bytes.
        const r = new ByteReader(m.apdu);
        const lead = decodePdu(r);
        expect(r.offset, `line ${m.line}`).to.equal(e.offset);
        expect(toHex(encodePduBytes(lead))).to.equal(toHex(m.apdu.subarray(0, e.offset)));
        trailing.push(`line ${m.line}`);
      }
    }
    // The header's caveat: some of this meter's answers carry bytes after the APDU (two here).
    expect(trailing).to.have.length(2);
    // One answer holds a boolean encoded 03 03 (A-XDR: any non-zero octet is TRUE); it decodes
    // to true and re-encodes canonically as 03 01. Every other answer re-encodes identically.
    expect(reencodedOtherwise).to.deep.equal([635]);
  });

  it('decodes the AARQ field by field: LN context, no authentication, GET|SET|ACTION family, 0xFFFF', () => {
    // 60 1D A1 09 06 07 60857405080101 BE 10 04 0E 01 00 00 00 06 5F1F0400 401E1D FFFF
    expect(decodePduBytes(all[0]!.apdu)).to.deep.include({ type: 'aarq', applicationContextName: '2.16.756.5.8.1.1' });
    const aarq = decodePduBytes(all[0]!.apdu);
    if (aarq.type !== 'aarq') throw new Error('not an AARQ');
    expect(aarq.userInformation?.apdu).to.deep.equal(RECORDED_INITIATE_REQUEST);
  });

  it('decodes the AARE field by field: accepted, null diagnostic, GET|SET granted, server PDU 512, vaa-name 7', () => {
    // 61 29 A1 09 06 07 60857405080101 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F1F0400 000018 0200 0007
    const aare = decodePduBytes(all[1]!.apdu);
    if (aare.type !== 'aare') throw new Error('not an AARE');
    expect(aare.applicationContextName).to.equal('2.16.756.5.8.1.1');
    expect(aare.result).to.equal('accepted');
    expect(aare.resultSourceDiagnostic).to.deep.equal({ source: 'acse-service-user', diagnostic: 'null' });
    expect(aare.userInformation?.apdu).to.deep.equal({
      type: 'initiate-response',
      negotiatedDlmsVersionNumber: 6,
      negotiatedConformance: ['get', 'set'],
      serverMaxReceivePduSize: 512,
      vaaName: 7,
    });
  });

  it('decodes the RLRQ and RLRE: reason normal, no user-information', () => {
    const [rlrq, rlre] = all.slice(-2).map((m) => decodePduBytes(m.apdu));
    expect(rlrq).to.deep.equal({ type: 'rlrq', reason: 'normal' });
    expect(rlre).to.deep.equal({ type: 'rlre', reason: 'normal' });
  });
});
