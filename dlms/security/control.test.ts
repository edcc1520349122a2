import { expect } from 'chai';
import fc from 'fast-check';
import { decodeSecurityControl, encodeSecurityControl, policyOf, securityControl } from './control';

describe('security control byte', () => {
  it('decodes 0x30 as suite 0, authenticated and encrypted, unicast, uncompressed (Green Book 9.2.7.2.3)', () => {
    expect(decodeSecurityControl(0x30)).to.deep.equal({ suiteId: 0, authenticated: true, encrypted: true, keySet: 'unicast', compressed: false });
    expect(encodeSecurityControl(securityControl(0, 'authenticated-encrypted'))).to.equal(0x30);
  });

  it('names every bit: suite in bits 0-3, A bit 4, E bit 5, broadcast bit 6, compression bit 7', () => {
    expect(decodeSecurityControl(0x12)).to.deep.equal({ suiteId: 2, authenticated: true, encrypted: false, keySet: 'unicast', compressed: false });
    expect(decodeSecurityControl(0x61)).to.deep.equal({ suiteId: 1, authenticated: false, encrypted: true, keySet: 'broadcast', compressed: false });
    expect(decodeSecurityControl(0x8f)).to.deep.equal({ suiteId: 15, authenticated: false, encrypted: false, keySet: 'unicast', compressed: true });
    expect(encodeSecurityControl(securityControl(1, 'encrypted', { keySet: 'broadcast', compressed: true }))).to.equal(0xe1);
  });

  it('states the policy of the A and E bits', () => {
    expect(policyOf(decodeSecurityControl(0x10))).to.equal('authenticated');
    expect(policyOf(decodeSecurityControl(0x20))).to.equal('encrypted');
    expect(policyOf(decodeSecurityControl(0x31))).to.equal('authenticated-encrypted');
    expect(policyOf(decodeSecurityControl(0x02))).to.equal('none');
  });

  it('re-encodes every byte to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), (b) => encodeSecurityControl(decodeSecurityControl(b)) === b),
      { seed: 42, numRuns: 500 },
    );
  });
});
