import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { fromHex, toHex } from '../bytes/hex';
import { keyFromBytes, keyFromHex } from './key';
import { keyTransferData, parseKeyTransferData, unwrapKey, wrapKey, wrapKeysForTransfer } from './key-wrap';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('AES key wrap (RFC 3394)', () => {
  const kek128 = keyFromHex('000102030405060708090A0B0C0D0E0F', 'rfc3394 KEK');
  const kek256 = keyFromHex('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F', 'rfc3394 KEK');
  const key128 = keyFromHex('00112233445566778899AABBCCDDEEFF', 'rfc3394 key');
  const key256 = keyFromHex('00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F', 'rfc3394 key');

  // RFC 3394 section 4: test vectors 4.1, 4.3 and 4.6.
  const vectors = [
    { name: '4.1 (128-bit key, 128-bit KEK)', kek: kek128, key: key128, wrapped: '1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5' },
    { name: '4.3 (128-bit key, 256-bit KEK)', kek: kek256, key: key128, wrapped: '64E8C3F9CE0F5BA263E9777905818A2A93C8191E7D6E8AE7' },
    {
      name: '4.6 (256-bit key, 256-bit KEK)',
      kek: kek256,
      key: key256,
      wrapped: '28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21',
    },
  ];
  for (const v of vectors) {
    it(`wraps and unwraps RFC 3394 vector ${v.name}`, () => {
      expect(toHex(wrapKey(v.kek, v.key))).to.equal(v.wrapped);
      expect(toHex(unwrapKey(v.kek, fromHex(v.wrapped), 'unwrapped').reveal())).to.equal(toHex(v.key.reveal()));
    });
  }

  it('refuses data that does not unwrap under the KEK with SECURITY_KEY_UNWRAP_FAILED', () => {
    const wrapped = fromHex('1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5');
    wrapped[3]! ^= 1;
    expect(errorOf(() => unwrapKey(kek128, wrapped, 'x', 40))).to.include({ code: 'SECURITY_KEY_UNWRAP_FAILED', offset: 40 });
    expect(errorOf(() => unwrapKey(kek256, fromHex('1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5'), 'x')).code).to.equal('SECURITY_KEY_UNWRAP_FAILED');
    expect(errorOf(() => unwrapKey(kek128, new Uint8Array(20), 'x')).code).to.equal('SECURITY_BAD_KEY_DATA');
    expect(errorOf(() => wrapKey(keyFromBytes(new Uint8Array(15), 'x'), key128)).code).to.equal('SECURITY_BAD_KEY_LENGTH');
  });

  it('round-trips any 16- or 32-byte key under any KEK', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.constantFrom(16, 32), fc.uint8Array({ minLength: 32, maxLength: 32 }), (kek, n, key) => {
        const k = keyFromBytes(kek, 'kek');
        return toHex(unwrapKey(k, wrapKey(k, keyFromBytes(key.subarray(0, n), 'key')), 'key').reveal()) === toHex(key.subarray(0, n));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('builds global_key_transfer key_data as an array of {key_id enum, key_wrapped} and reads it back', () => {
    const data = wrapKeysForTransfer(
      kek128,
      [
        { keyId: 'global-unicast-encryption-key', key: key128 },
        { keyId: 'authentication-key', key: key128 },
      ],
      16,
    );
    expect(data).to.deep.equal({
      type: 'array',
      items: [0, 2].map((id) => ({
        type: 'structure',
        items: [
          { type: 'enum', value: id },
          { type: 'octet-string', value: fromHex('1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5') },
        ],
      })),
    });
    const entries = parseKeyTransferData(data);
    expect(entries.map((e) => e.keyId)).to.deep.equal(['global-unicast-encryption-key', 'authentication-key']);
    expect(parseKeyTransferData(keyTransferData(entries))).to.deep.equal(entries);
  });

  it('refuses key_data of another shape with SECURITY_BAD_KEY_DATA', () => {
    expect(errorOf(() => parseKeyTransferData({ type: 'structure', items: [] })).code).to.equal('SECURITY_BAD_KEY_DATA');
    expect(
      errorOf(() =>
        parseKeyTransferData({
          type: 'array',
          items: [
            {
              type: 'structure',
              items: [
                { type: 'enum', value: 9 },
                { type: 'octet-string', value: new Uint8Array(24) },
              ],
            },
          ],
        }),
      ).code,
    ).to.equal('SECURITY_BAD_KEY_DATA');
  });
});
