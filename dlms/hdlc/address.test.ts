import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { fromHex, toHex } from '../bytes/hex';
import { ByteReader } from '../bytes/reader';
import {
  addressBytes,
  addressEquals,
  addressExtent,
  clientAddress,
  CLIENT_ADDRESS,
  decodeAddress,
  formatAddress,
  serverAddress,
  SERVER_UPPER_ADDRESS,
  type HdlcAddress,
} from './address';
import { arbAddress } from '../../test/support/dlms/hdlc/arbitrary';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

const decode = (hex: string, base = 0): HdlcAddress => decodeAddress(new ByteReader(fromHex(hex), base));

describe('HDLC addresses', () => {
  it('encodes the public client as 0x21 (c_hdlc_none.trace: SAP 16 → SAP<<1|1)', () => {
    expect(toHex(addressBytes(clientAddress(CLIENT_ADDRESS.publicClient)))).to.equal('21');
    expect(decode('21')).to.deep.equal({ size: 1, upper: 0x10 });
  });

  it('encodes a one-byte server address with only the upper (logical) part', () => {
    // c_hdlc_none.trace: server logical address 1 is the one-byte HDLC address 03.
    expect(toHex(addressBytes(serverAddress(1)))).to.equal('03');
    expect(decode('03')).to.deep.equal({ size: 1, upper: 1 });
  });

  it('encodes a two-byte server address as upper then lower, 7 bits each', () => {
    // Upper 1 (management logical device), lower 0x11: bytes 02 23.
    expect(toHex(addressBytes(serverAddress(1, 0x11)))).to.equal('0223');
    expect(decode('0223')).to.deep.equal({ size: 2, upper: 1, lower: 0x11 });
  });

  it('encodes a four-byte server address as two 14-bit halves (DLMS UA worked example, Kmethy)', () => {
    // "0002 0023": upper HDLC address 0x0001, lower 0x0011.
    expect(toHex(addressBytes(serverAddress(1, 0x11, 4)))).to.equal('00020023');
    expect(decode('00020023')).to.deep.equal({ size: 4, upper: 1, lower: 0x11 });
    expect(toHex(addressBytes(serverAddress(0x3fff, 0x3ffe)))).to.equal('FEFEFEFD');
    expect(decode('FEFEFEFD')).to.deep.equal({ size: 4, upper: SERVER_UPPER_ADDRESS.allStation2, lower: 0x3ffe });
  });

  it('chooses four bytes when a half does not fit seven bits', () => {
    expect(serverAddress(1, 0x80).size).to.equal(4);
    expect(serverAddress(1, 0x7f).size).to.equal(2);
  });

  it('refuses a three-byte address', () => {
    const e = decodeErrorOf(() => decode('000203', 10));
    expect(e.code).to.equal('HDLC_ADDRESS_BAD_LENGTH');
    expect(e.offset).to.equal(10);
  });

  it('refuses an address of five or more bytes', () => {
    expect(decodeErrorOf(() => decode('0002000223')).code).to.equal('HDLC_ADDRESS_TOO_LONG');
  });

  it('refuses an address whose bytes never set the extension bit', () => {
    expect(decodeErrorOf(() => decode('0002')).code).to.equal('HDLC_ADDRESS_UNTERMINATED');
    expect(decodeErrorOf(() => decode('')).code).to.equal('HDLC_ADDRESS_UNTERMINATED');
  });

  it('measures an address field without judging it', () => {
    const b = fromHex('00 00 01 21');
    expect(addressExtent(b, 0, b.length)).to.equal(3);
    expect(addressExtent(b, 3, b.length)).to.equal(1);
    expect(addressExtent(fromHex('0002'), 0, 2)).to.equal(undefined);
  });

  it('throws RangeError for a value that does not fit, since that is a harness bug', () => {
    expect(() => addressBytes({ size: 1, upper: 0x80 })).to.throw(RangeError);
    expect(() => addressBytes({ size: 4, upper: 1, lower: 0x4000 })).to.throw(RangeError);
  });

  it('formats and compares addresses', () => {
    expect(formatAddress(serverAddress(1, 17))).to.equal('1/17');
    expect(formatAddress(clientAddress(16))).to.equal('16');
    expect(addressEquals(serverAddress(1, 17), serverAddress(1, 17, 2))).to.equal(true);
    expect(addressEquals(serverAddress(1, 17), serverAddress(1, 17, 4))).to.equal(false);
  });

  it('round-trips every address', () => {
    fc.assert(
      fc.property(arbAddress(), (a) => {
        const r = new ByteReader(addressBytes(a));
        expect(decodeAddress(r)).to.deep.equal(a);
        expect(r.done).to.equal(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
