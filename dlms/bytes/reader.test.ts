import { expect } from 'chai';
import { ByteReader } from './reader';
import { ByteWriter } from './writer';
import { DecodeError } from './decode-error';
import { fromHex, toHex } from './hex';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('ByteReader', () => {
  it('reads big-endian integers of every width', () => {
    const r = new ByteReader(fromHex('01 0203 04050607 FF FFFE 8000000000000001'));
    expect(r.u8()).to.equal(1);
    expect(r.u16()).to.equal(0x0203);
    expect(r.u32()).to.equal(0x04050607);
    expect(r.i8()).to.equal(-1);
    expect(r.i16()).to.equal(-2);
    expect(r.i64()).to.equal(-0x7fffffffffffffffn);
    expect(r.done).to.equal(true);
  });

  it('reports the offset of the first missing byte when a read runs past the end', () => {
    const r = new ByteReader(fromHex('0102'), 10);
    r.u8();
    const e = decodeErrorOf(() => r.u32('invocation counter'));
    expect(e.code).to.equal('TRUNCATED');
    expect(e.offset).to.equal(11);
    expect(e.expected).to.contain('invocation counter');
  });

  it('decodes short and long A-XDR lengths (X.690 8.1.3)', () => {
    expect(new ByteReader(fromHex('7F')).length()).to.equal(127);
    expect(new ByteReader(fromHex('8180')).length()).to.equal(128);
    expect(new ByteReader(fromHex('820400')).length()).to.equal(1024);
  });

  it('refuses an indefinite or over-long length form', () => {
    expect(decodeErrorOf(() => new ByteReader(fromHex('80')).length()).code).to.equal('BAD_LENGTH');
    expect(decodeErrorOf(() => new ByteReader(fromHex('85 0000000001')).length()).code).to.equal('BAD_LENGTH');
  });

  it('gives sub-readers absolute offsets', () => {
    const r = new ByteReader(fromHex('AA BB 01'), 100);
    r.u8();
    const inner = r.sub(1);
    inner.u8();
    expect(decodeErrorOf(() => inner.u8()).offset).to.equal(102);
    expect(r.u8()).to.equal(1);
  });

  it('copies the next bytes into an array of their own, failing like take when too few remain', () => {
    const source = fromHex('01 0203 04');
    const r = new ByteReader(source, 5);
    r.u8();
    const copy = r.takeCopy(2, 'pair');
    expect([...copy]).to.deep.equal([2, 3]);
    expect(copy.buffer).to.not.equal(source.buffer);
    const e = decodeErrorOf(() => r.takeCopy(2, 'pair'));
    expect(e.code).to.equal('TRUNCATED');
    expect(e.offset).to.equal(8);
    expect(r.u8()).to.equal(4);
  });

  it('names the trailing bytes when a container is not fully consumed', () => {
    const r = new ByteReader(fromHex('01 02 03'));
    r.u8();
    const e = decodeErrorOf(() => r.expectEnd('get-response'));
    expect(e.code).to.equal('TRAILING_BYTES');
    expect(e.offset).to.equal(1);
    expect(e.actual).to.contain('0203');
  });
});

describe('ByteWriter', () => {
  it('writes lengths in the short and the long form', () => {
    expect(toHex(new ByteWriter().length(5).finish())).to.equal('05');
    expect(toHex(new ByteWriter().length(200).finish())).to.equal('81C8');
    expect(toHex(new ByteWriter().length(0x1234).finish())).to.equal('821234');
  });

  it('prefixes a nested body with its length', () => {
    const bytes = new ByteWriter()
      .u8(0x09)
      .withLength((w) => w.u8(1).u8(2).u8(3))
      .finish();
    expect(toHex(bytes)).to.equal('0903010203');
  });

  it('round-trips every integer width through the reader', () => {
    const w = new ByteWriter()
      .i8(-5)
      .i16(-300)
      .i32(-70000)
      .u64(2n ** 63n)
      .f32(1.5)
      .f64(-2.25);
    const r = new ByteReader(w.finish());
    expect([r.i8(), r.i16(), r.i32(), r.u64(), r.f32(), r.f64()]).to.deep.equal([-5, -300, -70000, 2n ** 63n, 1.5, -2.25]);
  });
});

describe('hex', () => {
  it('rejects an odd number of digits with a located error', () => {
    expect(decodeErrorOf(() => fromHex('ABC')).code).to.equal('HEX_ODD_LENGTH');
    expect(decodeErrorOf(() => fromHex('AZ')).code).to.equal('HEX_BAD_DIGIT');
  });
});
