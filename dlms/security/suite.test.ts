import { expect } from 'chai';
import { DecodeError } from '../bytes/decode-error';
import { toHex } from '../bytes/hex';
import { SECURITY_SUITES, eccOf, securitySuite } from './suite';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DecodeError) return e.code;
    throw e;
  }
  throw new Error('expected a DecodeError');
}

describe('security suites', () => {
  it('describes suite 0 as AES-GCM-128 with AES-128 key wrap and no ECC', () => {
    const s = securitySuite(0);
    expect([s.keyLength, s.gcmCipher, s.keyWrap, s.ecc]).to.deep.equal([16, 'aes-128-gcm', 'aes128-wrap', null]);
  });

  it('describes suite 1 as AES-GCM-128 with ECDH-ECDSA on P-256 and SHA-256', () => {
    const s = securitySuite(1);
    expect([s.keyLength, s.ecc?.curve, s.ecc?.hash, s.ecc?.coordinateLength]).to.deep.equal([16, 'P-256', 'sha256', 32]);
    expect(toHex(s.kdfAlgorithmId)).to.equal('60857405080300');
  });

  it('describes suite 2 as AES-GCM-256 with ECDH-ECDSA on P-384 and SHA-384', () => {
    const s = securitySuite(2);
    expect([s.keyLength, s.gcmCipher, s.keyWrap, s.ecc?.curve, s.ecc?.hash]).to.deep.equal([32, 'aes-256-gcm', 'aes256-wrap', 'P-384', 'sha384']);
    expect(toHex(s.kdfAlgorithmId)).to.equal('60857405080301');
  });

  it('refuses the reserved suite ids and ECC on suite 0', () => {
    expect(codeOf(() => securitySuite(3))).to.equal('SECURITY_UNKNOWN_SUITE');
    expect(codeOf(() => eccOf(SECURITY_SUITES[0]))).to.equal('SECURITY_NO_ECC');
  });
});
