import { expect } from 'chai';
import { inspect } from 'node:util';
import { DecodeError } from '../bytes/decode-error';
import { toHex } from '../bytes/hex';
import { keyFromBytes, keyFromHex, requireKeyLength } from './key';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('keys', () => {
  const hex = '000102030405060708090A0B0C0D0E0F';

  it('reads a key from hex, spaces allowed, and gives its bytes only through reveal()', () => {
    const k = keyFromHex('00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F', 'env:METER_EK');
    expect(toHex(k.reveal())).to.equal(hex);
    expect(k.length).to.equal(16);
  });

  it('never prints its bytes: not in strings, JSON, util.inspect or template literals', () => {
    const k = keyFromHex(hex, 'env:METER_EK');
    const shown = [String(k), `${k}`, JSON.stringify({ k }), inspect(k), inspect({ nested: { k } })].join(' ');
    expect(shown).to.not.contain('0001020304');
    expect(shown).to.not.contain('000102030405060708090a0b0c0d0e0f');
    expect(inspect(k)).to.contain('env:METER_EK');
  });

  it('reports a bad hex digit by position without echoing the key text', () => {
    const e = errorOf(() => keyFromHex('00112233445566778899AABBCCDDEEZZ', 'file:keys/ek.hex'));
    expect(e.code).to.equal('SECURITY_BAD_KEY');
    expect(e.message).to.not.contain('0011223344');
    expect(e.message).to.not.contain('ZZ');
    expect(errorOf(() => keyFromHex('ABC', 'x')).code).to.equal('SECURITY_BAD_KEY');
  });

  it('copies the bytes it is given', () => {
    const raw = new Uint8Array(16).fill(7);
    const k = keyFromBytes(raw, 'test');
    raw.fill(0);
    expect(k.reveal()[0]).to.equal(7);
  });

  it('checks the key length a suite needs', () => {
    expect(errorOf(() => requireKeyLength(keyFromHex(hex, 'x'), 32, 'block cipher key')).code).to.equal('SECURITY_BAD_KEY_LENGTH');
    requireKeyLength(keyFromHex(hex, 'x'), 16, 'block cipher key');
  });
});
