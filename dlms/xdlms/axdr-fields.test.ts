import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromHex, toHex } from '../bytes';
import { EncodeError } from '../axdr/encode-error';
import { readBoolean, readOctetString, readOptional, readSequenceOf, writeOctetString, writeOptional, writeSequenceOf, writeU16, writeU8 } from './axdr-fields';
import { decodeErrorOf } from '../../test/support/dlms/xdlms/test-support';

describe('A-XDR fields of the xDLMS APDUs', () => {
  it('reads an OCTET STRING as length and bytes', () => {
    const r = new ByteReader(fromHex('03 414243 FF'));
    expect(toHex(readOctetString(r, 'x'))).to.equal('414243');
    expect(r.remaining).to.equal(1);
  });

  it('reads BOOLEAN 0x00 as false and any other octet as true', () => {
    expect([0x00, 0x01, 0xff].map((b) => readBoolean(new ByteReader(Uint8Array.of(b)), 'b'))).to.deep.equal([false, true, true]);
  });

  it('refuses a presence octet other than 0x00 or 0x01 at its offset', () => {
    const e = decodeErrorOf(() => readOptional(new ByteReader(fromHex('02 00'), 30), 'access-selection', (r) => r.u8()));
    expect([e.code, e.offset]).to.deep.equal(['XDLMS_BAD_PRESENCE', 30]);
  });

  it('refuses a SEQUENCE OF count larger than the bytes left, before reading any element', () => {
    const e = decodeErrorOf(() => readSequenceOf(new ByteReader(fromHex('8203E8 0000')), 'list', (r) => r.u8()));
    expect(e.code).to.equal('TRUNCATED');
  });

  it('refuses to encode an out-of-range value instead of truncating it', () => {
    expect(() => writeU8(new ByteWriter(), 256, 'x')).to.throw(EncodeError);
    expect(() => writeU16(new ByteWriter(), -1, 'x')).to.throw(EncodeError);
  });

  it('round-trips optional octet strings and sequences of them', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.uint8Array({ maxLength: 300 }), { nil: undefined }), { maxLength: 4 }), (items) => {
        const w = new ByteWriter();
        writeSequenceOf(w, items, (x, v) => writeOptional(x, v, writeOctetString));
        const r = new ByteReader(w.finish());
        expect(readSequenceOf(r, 'list', (x) => readOptional(x, 'item', (y) => readOctetString(y, 'item')))).to.deep.equal(items);
        expect(r.done).to.equal(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
