import { expect } from 'chai';
import { activateParameter, agreedKeyFrom, certificateBySerial, keyAgreementRequest, keyTransferParameter, randomKey } from '../../client/security-setup';
import type { Data } from '../../dlms/axdr/data';
import { parseObis } from '../../dlms/cosem/obis';
import { issueCertificate, readCertificationRequest, systemTitleName } from '../../dlms/security/pkix';
import { policyFromFlags, policyFromName } from '../../dlms/security/policy';
import { loadMeterDefinition } from '../meter/load';
import { contextFor } from '../../test/support/simulator/testing';
import { builtinKey, CLIENT_TITLE, suiteParams } from '../../test/helpers/secure-sim';
import { isSecuritySetup, type SecuritySetupBehaviour } from './security-setup';
import { applyPending } from './security-state';

function setup(obis: string) {
  const meter = loadMeterDefinition();
  const o = meter.objects.find((x) => x.obis === obis)!;
  if (!isSecuritySetup(o.behaviour)) throw new Error('not a Security setup');
  const b: SecuritySetupBehaviour = o.behaviour;
  const ctx = contextFor('management', { meter });
  return { meter, b, ctx, state: b.security, invoke: (m: number, p: Data) => b.invoke!(m, p, ctx) };
}

describe('Security setup (class 64) in the simulator', () => {
  it('reports the suite, the policy as version 1 flags and the server system title', () => {
    const { b, ctx } = setup('0-0:43.0.0.255');
    expect(b.read(3, ctx)).to.deep.equal({ kind: 'data', data: { type: 'enum', value: 0 } });
    // authenticated and encrypted both ways: bits 2, 3, 5, 6.
    expect(b.read(2, ctx)).to.deep.equal({ kind: 'data', data: { type: 'enum', value: 0b0110_1100 } });
    expect(b.read(5, ctx)).to.deep.include({ kind: 'data' });
  });

  it('strengthens the policy after the response and refuses to weaken it', () => {
    const { state, invoke } = setup('0-0:43.0.3.255');
    const strong = policyFromName('authenticated-encrypted');
    expect(invoke(1, activateParameter(strong, 1))).to.deep.equal({ kind: 'success' });
    expect(state.policy.encryptedRequest).to.equal(false);
    applyPending(state);
    expect(state.policy).to.deep.equal(strong);
    expect(invoke(1, activateParameter(policyFromFlags(['authenticated-request']), 1))).to.deep.equal({ kind: 'error', result: 'other-reason' });
    expect(invoke(1, { type: 'octet-string', value: new Uint8Array(1) })).to.deep.equal({ kind: 'error', result: 'type-unmatched' });
  });

  it('takes keys wrapped under the master key, all or nothing', () => {
    const { state, invoke } = setup('0-0:43.0.0.255');
    const ek = randomKey(state.suite, 'new ek');
    expect(invoke(2, keyTransferParameter(builtinKey('sim-kek'), [{ keyId: 'global-unicast-encryption-key', key: ek }]))).to.deep.equal({ kind: 'success' });
    applyPending(state);
    expect(state.keys.ek.reveal()).to.deep.equal(ek.reveal());
    const wrongWrap = keyTransferParameter(randomKey(state.suite, 'not the kek'), [{ keyId: 'authentication-key', key: ek }]);
    expect(invoke(2, wrongWrap)).to.deep.equal({ kind: 'error', result: 'other-reason' });
    const wrongId: Data = {
      type: 'array',
      items: [
        {
          type: 'structure',
          items: [
            { type: 'enum', value: 7 },
            { type: 'octet-string', value: new Uint8Array(24) },
          ],
        },
      ],
    };
    expect(invoke(2, wrongId)).to.deep.equal({ kind: 'error', result: 'other-reason' });
  });

  it('agrees a key with a client whose ephemeral key is signed, and refuses one that is not', () => {
    const { state, invoke } = setup('0-0:43.0.1.255');
    state.clientSystemTitle = CLIENT_TITLE;
    const p = suiteParams(1);
    const req = keyAgreementRequest(state.suite, p.signingKey!, 'ek');
    const r = invoke(3, req.parameter);
    expect(r.kind).to.equal('success');
    const agreed = agreedKeyFrom(
      state.suite,
      r.kind === 'success' ? r.returnData : undefined,
      req,
      p.serverSigningPublicKey!,
      CLIENT_TITLE,
      state.serverSystemTitle,
    );
    applyPending(state);
    expect(state.keys.ek.reveal()).to.deep.equal(agreed.reveal());
    // Signed by another key than the client's (here the server's own).
    const unsigned = keyAgreementRequest(state.suite, builtinKey('sim-server-ecc-s1'), 'ek');
    expect(invoke(3, unsigned.parameter)).to.deep.equal({ kind: 'error', result: 'other-reason' });
  });

  it('makes a key pair, a request for it, and imports, exports and removes the certificate issued', () => {
    const { b, ctx, state, invoke } = setup('0-0:43.0.1.255');
    expect(invoke(5, { type: 'enum', value: 0 })).to.deep.equal({ kind: 'error', result: 'other-reason' });
    expect(invoke(4, { type: 'enum', value: 0 })).to.deep.equal({ kind: 'success' });
    const csr = invoke(5, { type: 'enum', value: 0 });
    const der = csr.kind === 'success' && csr.returnData?.type === 'octet-string' ? csr.returnData.value : new Uint8Array(0);
    const request = readCertificationRequest(state.suite, der);
    expect(request).to.deep.include({ selfSigned: true, subject: systemTitleName(state.serverSystemTitle) });
    const serial = Uint8Array.of(1, 2, 3);
    const cert = issueCertificate(state.suite, suiteParams(1).signingKey!, {
      serialNumber: serial,
      issuer: 'CA',
      subject: request.subject,
      subjectPublicKey: request.publicKey,
      notBefore: new Date(0),
      notAfter: new Date(2_000_000_000_000),
    });
    expect(invoke(6, { type: 'octet-string', value: cert })).to.deep.equal({ kind: 'success' });
    const listed = b.read(6, ctx);
    expect(listed.kind === 'data' && listed.data.type === 'array' && listed.data.items.length).to.equal(1);
    expect(invoke(7, certificateBySerial(serial, 'CN=CA'))).to.deep.equal({ kind: 'success', returnData: { type: 'octet-string', value: cert } });
    expect(invoke(8, certificateBySerial(serial, 'CN=CA'))).to.deep.equal({ kind: 'success' });
    expect(invoke(7, certificateBySerial(serial, 'CN=CA'))).to.deep.equal({ kind: 'error', result: 'other-reason' });
    expect(invoke(6, { type: 'octet-string', value: Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00) })).to.deep.equal({ kind: 'error', result: 'other-reason' });
  });

  it('reports the last accepted invocation counter in the counter object', () => {
    const { meter, state } = setup('0-0:43.0.0.255');
    const counter = meter.objects.find((o) => o.obis === '0-0:43.1.0.255')!;
    const ctx = contextFor('public', { meter });
    expect(counter.behaviour.read(2, ctx)).to.deep.equal({ kind: 'data', data: { type: 'double-long-unsigned', value: 0 } });
    state.lastClientCounter = 41;
    expect(counter.behaviour.read(2, ctx)).to.deep.equal({ kind: 'data', data: { type: 'double-long-unsigned', value: 41 } });
    expect(parseObis(counter.obis)).to.deep.equal(Uint8Array.of(0, 0, 43, 1, 0, 255));
  });
});
