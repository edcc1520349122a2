import { expect } from 'chai';
import fc from 'fast-check';
import { isDecodeError } from '../bytes/decode-error';
import { securityControl } from './control';
import { NO_POLICY, policyAtLeast, policyFromFlags, policyFromName, policyFromV0, policyFromV1, policyToV0, policyToV1, requestMeetsPolicy } from './policy';

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isDecodeError(e) ? e.code : 'other';
  }
  return undefined;
}

describe('security policy (Security setup attribute 2)', () => {
  it('reads version 0 values: 3 is authenticated and encrypted both ways', () => {
    expect(policyFromV0(3)).to.deep.equal({
      ...NO_POLICY,
      authenticatedRequest: true,
      encryptedRequest: true,
      authenticatedResponse: true,
      encryptedResponse: true,
    });
    expect(policyToV0(policyFromV0(1))).to.equal(1);
  });

  it('reads version 1 bit flags: bits 2..7 (0x6C is authenticated and encrypted both ways)', () => {
    expect(policyFromV1(0x6c)).to.deep.equal(policyFromName('authenticated-encrypted'));
    expect(policyToV1(policyFromFlags(['signed-request', 'signed-response']))).to.equal(0x90);
  });

  it('refuses values outside each form, and a version 1 policy version 0 cannot state', () => {
    expect(code(() => policyFromV0(4))).to.equal('SECURITY_BAD_POLICY');
    expect(code(() => policyFromV1(0x01))).to.equal('SECURITY_BAD_POLICY');
    expect(code(() => policyToV0(policyFromFlags(['authenticated-request'])))).to.equal('SECURITY_BAD_POLICY');
  });

  it('round-trips every version 1 value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 63 }), (n) => policyToV1(policyFromV1(n << 2)) === n << 2),
      { seed: 42, numRuns: 500 },
    );
  });

  it('judges strengthening and what a request must carry', () => {
    const both = policyFromName('authenticated-encrypted');
    const auth = policyFromName('authenticated');
    expect(policyAtLeast(both, auth)).to.equal(true);
    expect(policyAtLeast(auth, both)).to.equal(false);
    expect(requestMeetsPolicy(both, securityControl(0, 'authenticated'), false)).to.equal(false);
    expect(requestMeetsPolicy(auth, securityControl(0, 'authenticated-encrypted'), false)).to.equal(true);
    expect(requestMeetsPolicy(NO_POLICY, undefined, false)).to.equal(true);
    expect(requestMeetsPolicy(policyFromFlags(['signed-request']), securityControl(0, 'authenticated-encrypted'), false)).to.equal(false);
  });
});
