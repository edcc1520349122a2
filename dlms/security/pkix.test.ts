import { expect } from 'chai';
import { isDecodeError } from '../bytes/decode-error';
import { fromHex } from '../bytes/hex';
import { eccPublicKey } from './ecc';
import { keyFromHex } from './key';
import { certificationRequest, issueCertificate, readCertificate, readCertificationRequest, systemTitleName } from './pkix';
import { SECURITY_SUITES } from './suite';

const s1 = SECURITY_SUITES[1];
const s2 = SECURITY_SUITES[2];
/** Throw-away test keys (P-256, P-384), not used anywhere else. */
const device = keyFromHex('C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721', 'test device key');
const ca = keyFromHex('519B423D715F8B581F4FA8EE59F4771A5B44C8130B4E3EACCA54A56DDA72B464', 'test CA key');
const device384 = keyFromHex('6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D896D5724E4C70A825F872C9EA60D2EDF5', 'test P-384 key');

describe('PKIX for suites 1 and 2', () => {
  it('makes a PKCS#10 request naming the system title and signed by the key it certifies', () => {
    const title = fromHex('444C4D0000000001');
    const csr = certificationRequest(s1, device, systemTitleName(title));
    expect(readCertificationRequest(s1, csr)).to.deep.equal({ subject: '444C4D0000000001', publicKey: eccPublicKey(s1, device), selfSigned: true });
    expect(readCertificationRequest(s2, certificationRequest(s2, device384, 'X')).selfSigned).to.equal(true);
  });

  it('sees a request whose signature was altered as not self-signed', () => {
    const csr = certificationRequest(s1, device, 'X').slice();
    csr[csr.length - 2] = csr[csr.length - 2]! ^ 0x01;
    expect(readCertificationRequest(s1, csr).selfSigned).to.equal(false);
  });

  it('issues a certificate node can read back: serial, issuer, subject and key', () => {
    const der = issueCertificate(s1, ca, {
      serialNumber: Uint8Array.of(0x81, 2),
      issuer: 'CA',
      subject: 'DEVICE',
      subjectPublicKey: eccPublicKey(s1, device),
      notBefore: new Date(0),
      notAfter: new Date(2_000_000_000_000),
    });
    const info = readCertificate(s1, der);
    expect(info).to.deep.include({ issuer: 'CN=CA', subject: 'CN=DEVICE', subjectCommonName: 'DEVICE' });
    expect(info.serialNumber).to.deep.equal(Uint8Array.of(0x00, 0x81, 0x02).subarray(1));
    expect(info.publicKey).to.deep.equal(eccPublicKey(s1, device));
  });

  it('fails with SECURITY_BAD_CERTIFICATE on bytes that are not one', () => {
    for (const f of [() => readCertificate(s1, Uint8Array.of(1, 2, 3)), () => readCertificationRequest(s1, Uint8Array.of(0x30, 0x01))]) {
      try {
        f();
        expect.fail('no error');
      } catch (e) {
        expect(isDecodeError(e) && e.code).to.equal('SECURITY_BAD_CERTIFICATE');
      }
    }
  });
});
