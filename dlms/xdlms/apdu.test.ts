import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, fromHex } from '../bytes';
import { APDU_TAG, PLAIN_APDU_TAG, apduTag, decodeApdu, decodeApduBytes, encodeApduBytes, isApduTag, type Apdu } from './apdu';
import { arbApdu } from '../../test/support/dlms/xdlms/arbitrary';
import { decodeErrorOf, expectRoundTrip, expectVector, obis, recordedApdu } from '../../test/support/dlms/xdlms/test-support';

const HDLC = 'c_hdlc_none.trace'; // test/vectors/recordings, an independent client and meter (Gurux C)

describe('xDLMS APDU dispatch', () => {
  it('decodes the GET request of c_hdlc_none.trace line 14 field by field and re-encodes it', () => {
    // C0 get-request, 01 normal, C1 invoke-id 1 confirmed high priority,
    // 000F class 15 (Association LN), 0000280000FF instance 0-0:40.0.0.255, 02 attribute 2, 00 no selective access
    const rec = recordedApdu(HDLC, 14);
    expect(rec.dir).to.equal('C2S');
    const apdu = decodeApduBytes(rec.bytes);
    expect(apdu).to.deep.equal({
      type: 'get-request',
      variant: 'normal',
      invokeIdAndPriority: { invokeId: 1, serviceClass: 'confirmed', priority: 'high', raw: 0xc1 },
      attribute: { classId: 15, instanceId: obis('0-0:40.0.0.255'), attributeId: 2 },
    });
    expect(encodeApduBytes(apdu)).to.deep.equal(fromHex('C001C1000F0000280000FF0200'));
  });

  it('decodes an unsegmented GET response with data (c_hdlc_none.trace line 307)', () => {
    // C4 get-response, 01 normal, C1 invoke, 00 Get-Data-Result data, 12 0080 long-unsigned 128
    const rec = recordedApdu(HDLC, 307);
    expectVector('C401C100120080', {
      type: 'get-response',
      variant: 'normal',
      invokeIdAndPriority: { invokeId: 1, serviceClass: 'confirmed', priority: 'high', raw: 0xc1 },
      result: { kind: 'data', data: { type: 'long-unsigned', value: 128 } },
    });
    expect(decodeApduBytes(rec.bytes)).to.deep.equal(decodeApduBytes(fromHex('C401C100120080')));
  });

  it('decodes a GET response carrying a data-access-result (c_hdlc_none.trace line 795)', () => {
    // C4 01 C1, 01 Get-Data-Result data-access-result, 02 temporary-failure
    const rec = recordedApdu(HDLC, 795);
    expect(decodeApduBytes(rec.bytes)).to.deep.equal({
      type: 'get-response',
      variant: 'normal',
      invokeIdAndPriority: { invokeId: 1, serviceClass: 'confirmed', priority: 'high', raw: 0xc1 },
      result: { kind: 'data-access-result', result: 'temporary-failure' },
    });
    expect(encodeApduBytes(decodeApduBytes(rec.bytes))).to.deep.equal(rec.bytes);
  });

  it('decodes the first block of the segmented association object list (c_hdlc_none.trace lines 15-21)', () => {
    // C4 02 C1, 00 not the last block, 00000001 block 1, 00 raw-data, 8201DA 474 bytes
    const rec = recordedApdu(HDLC, 21);
    const apdu = decodeApduBytes(rec.bytes);
    if (apdu.type !== 'get-response' || apdu.variant !== 'with-datablock' || apdu.result.result.kind !== 'raw-data') throw new Error(`unexpected ${apdu.type}`);
    expect(apdu.result.lastBlock).to.equal(false);
    expect(apdu.result.blockNumber).to.equal(1);
    expect(apdu.result.result.rawData.length).to.equal(0x1da);
    expect(encodeApduBytes(apdu)).to.deep.equal(rec.bytes);
  });

  it('reports the bytes the recorded meter sends after a complete GET response at their exact offset (line 309)', () => {
    // C4 01 C1 00 09 0C <12-byte date-time> is complete at byte 18; the meter sends 18 more.
    const rec = recordedApdu(HDLC, 309);
    const e = decodeErrorOf(() => decodeApduBytes(rec.bytes));
    expect(e.code).to.equal('TRAILING_BYTES');
    expect(e.offset).to.equal(18);
    expect(e.actual).to.match(/^18 more byte\(s\): 090F090C07EA/);
    // With the APDU's position in its HDLC frame as base, the offset points into the frame.
    expect(rec.frameOffset).to.equal(11);
    expect(decodeErrorOf(() => decodeApduBytes(rec.bytes, rec.frameOffset)).offset).to.equal(29);
  });

  it('reports the trailing bytes after the refused profile read at their exact offset (line 797)', () => {
    // C4 02 C1, 00, 00000001, 01 data-access-result, 02 temporary-failure: complete at byte 10
    const e = decodeErrorOf(() => decodeApduBytes(recordedApdu(HDLC, 797).bytes));
    expect([e.code, e.offset]).to.deep.equal(['TRAILING_BYTES', 10]);
    expect(e.actual).to.contain('000102C402C1');
  });

  it('leaves the bytes after an APDU to the caller of decodeApdu', () => {
    const r = new ByteReader(fromHex('C401C10102 FF'));
    expect(decodeApdu(r).type).to.equal('get-response');
    expect(r.remaining).to.equal(1);
  });

  it('refuses an unknown tag, and points ACSE tags to the ACSE decoder', () => {
    const e = decodeErrorOf(() => decodeApduBytes(fromHex('C6 01'), 4));
    expect([e.code, e.offset]).to.deep.equal(['XDLMS_UNKNOWN_TAG', 4]);
    expect(decodeErrorOf(() => decodeApduBytes(fromHex('601D'))).actual).to.contain('AARQ');
  });

  it('reports an empty buffer and a cut APDU as TRUNCATED', () => {
    expect(decodeErrorOf(() => decodeApduBytes(new Uint8Array(0))).code).to.equal('TRUNCATED');
    const e = decodeErrorOf(() => decodeApduBytes(fromHex('C001C1000F0000280000')));
    expect([e.code, e.offset]).to.deep.equal(['TRUNCATED', 5]); // the 6-byte instance-id starts at byte 5
  });

  it('has one tag per name and a decoder for every tag', () => {
    const tags = Object.values(APDU_TAG);
    expect(new Set(tags).size).to.equal(tags.length);
    for (const t of tags) expect(isApduTag(t), `0x${t.toString(16)}`).to.equal(true);
    expect(PLAIN_APDU_TAG['get-request']).to.equal(0xc0);
    expect(APDU_TAG['glo-get-request']).to.equal(0xc8);
    expect(APDU_TAG['ded-get-request']).to.equal(0xd0);
    expect(APDU_TAG['general-signing']).to.equal(0xdf);
  });

  it('round-trips every APDU of the union', () => {
    fc.assert(
      fc.property(arbApdu(), (apdu: Apdu) => {
        expectRoundTrip(apdu);
        expect(encodeApduBytes(apdu)[0]).to.equal(apduTag(apdu));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
