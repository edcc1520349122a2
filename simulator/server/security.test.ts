import { expect } from 'chai';
import { decodeApduBytes, encodeApduBytes } from '../../dlms/xdlms/apdu';
import { parseObis } from '../../dlms/cosem/obis';
import type { SecureSession } from '../../client/api';
import type { ProtectOverrides } from '../../client/security-context';
import { GMAC, secureRig, suiteParams, type Rig } from '../../test/helpers/secure-sim';

const GET_LN = encodeApduBytes({
  type: 'get-request',
  variant: 'normal',
  invokeIdAndPriority: { invokeId: 1, serviceClass: 'confirmed', priority: 'high' },
  attribute: { classId: 15, instanceId: parseObis('0-0:40.0.0.255'), attributeId: 1 },
});

async function answer(s: SecureSession, o: ProtectOverrides = {}): Promise<string> {
  const a = await s.exchangeRaw(s.protect(GET_LN, o));
  if (a.kind !== 'apdu') return a.kind === 'malformed' ? `malformed ${a.error.code}` : a.kind;
  const apdu = decodeApduBytes(a.plain);
  if (apdu.type === 'exception-response')
    return `exception ${apdu.serviceError.kind}${apdu.serviceError.kind === 'invocation-counter-error' ? ` ${apdu.serviceError.invocationCounter}` : ''}`;
  return apdu.type;
}

describe('the simulator security layer', () => {
  let rig: Rig;
  afterEach(async () => rig.stop());

  async function session(params = GMAC): Promise<SecureSession> {
    const c = rig.client();
    expect((await c.associate(params)).kind).to.equal('accepted');
    return c.security!()!;
  }

  it('serves a correctly protected request and answers it protected', async () => {
    rig = secureRig();
    expect(await answer(await session())).to.equal('get-response');
  });

  it('refuses a tampered tag, a wrong key, another system title and too little protection as deciphering-error', async () => {
    rig = secureRig();
    const s = await session();
    expect(await answer(s, { tamper: true })).to.equal('exception deciphering-error');
    expect(await answer(s, { policy: 'none' })).to.equal('exception deciphering-error');
    expect(await answer(s, { policy: 'authenticated' })).to.equal('exception deciphering-error');
    expect(await answer(s, { envelope: 'general', systemTitle: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) })).to.equal('exception deciphering-error');
    expect(await answer(s)).to.equal('get-response');
  });

  it('refuses a replayed or lower counter with invocation-counter-error naming the next acceptable counter', async () => {
    rig = secureRig();
    const s = await session();
    await answer(s);
    const last = s.lastSentCounter!;
    expect(await answer(s, { invocationCounter: last })).to.equal(`exception invocation-counter-error ${last + 1}`);
    expect(await answer(s, { invocationCounter: last - 1 })).to.equal(`exception invocation-counter-error ${last + 1}`);
  });

  it('serves the refused requests when the matching faults are injected', async () => {
    rig = secureRig({ faults: ['gmac-accepts-bad-tag', 'policy-not-enforced', 'replayed-invocation-counter-accepted', 'wrong-system-title-accepted'] });
    const s = await session();
    expect(await answer(s, { tamper: true })).to.equal('get-response');
    expect(await answer(s, { policy: 'authenticated' })).to.equal('get-response');
    expect(await answer(s, { invocationCounter: s.lastSentCounter! })).to.equal('get-response');
    expect(await answer(s, { envelope: 'general', systemTitle: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) })).to.equal('get-response');
  });

  it('refuses an AARQ whose InitiateRequest does not decipher, naming deciphering-error', async () => {
    rig = secureRig();
    const o = await rig.client().associate({ ...GMAC, security: suiteParams(0, { authenticationKey: suiteParams(0).blockCipherKey! }) });
    expect(o).to.deep.include({ kind: 'rejected', diagnostic: 'no-reason-given', initiateError: 'initiateError: application-reference deciphering-error' });
  });

  it('refuses an AARQ in the plain context for a ciphered association', async () => {
    rig = secureRig();
    const o = await rig.client().associate({ ...GMAC, aarq: { applicationContextName: 'logical-name' } });
    expect(o).to.deep.include({ kind: 'rejected', diagnostic: 'application-context-name-not-supported' });
  });

  it('keeps the association when the RLRQ InitiateRequest is unprotected (RLRE not-finished)', async () => {
    rig = secureRig();
    const c = rig.client();
    await c.associate(GMAC);
    expect(await c.release({ userInformation: true, unprotectedUserInformation: true })).to.deep.include({ kind: 'released', reason: 'not-finished' });
    expect(await answer(c.security!()!)).to.equal('get-response');
  });

  it('verifies general-signing requests in suite 1 and signs its answers', async () => {
    rig = secureRig();
    const s = await session({ name: 's1', clientSap: 53, referencing: 'ln', authentication: 'hls-ecdsa', security: suiteParams(1) });
    expect(await answer(s, { sign: true })).to.equal('get-response');
    expect(await answer(s, { sign: true, badSignature: true })).to.equal('exception deciphering-error');
  });
});
