/**
 * Security setup methods (Blue Book 4.4.7) as steps, in the open ciphered association:
 *   security-setup.activate      { policy, version?, expect? }
 *   security-setup.key-transfer  { keys?: [ek, ak, kek], restore?, variant?: wrong-key-id | wrong-wrapping, expect? }
 *   security-setup.key-agreement { key?: ek | ak, expect? }
 *   security-setup.certificates  {}  generate_key_pair → generate_certificate_request → import → export → remove
 * New keys are put in force for the rest of the case (associate with protection: uses them) and the
 * client's session switches to them; `restore: true` transfers the profile's keys back.
 */
import { ACTION_RESULT_NAMES, nameOf } from './spec-names';
import type { ActionOutcome, MethodRef } from '../../client/api';
import { describeMalformed } from './service-outcome';
import {
  agreedKeyFrom,
  activateParameter,
  certificateBySerial,
  keyAgreementRequest,
  keyTransferParameter,
  randomKey,
  securitySetupMethod,
} from '../../client/security-setup';
import type { Data } from '../../dlms/axdr/data';
import { bytesEqual, fromHex } from '../../dlms/bytes/hex';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { keyTransferData, wrapKey, type TransferKeyId } from '../../dlms/security/key-wrap';
import { issueCertificate, readCertificationRequest, systemTitleName } from '../../dlms/security/pkix';
import { POLICY_V0, POLICY_V1_BITS, policyFromFlags, policyFromName, type PolicyFlagName } from '../../dlms/security/policy';
import type { Secret } from '../../dlms/secret';
import { ExpectationFailure, HarnessFault, Inapplicable } from '../engine/verdict';
import type { AssociationProfile } from '../profile/types';
import type { StepContext } from './context';
import { defineStep } from './registry';
import { caseRule } from './rule';
import { keysInForce, openSession, rememberCounter, securitySetupOf, setKeysInForce, type KeysInForce } from './security-common';

const RESULT = nameOf(ACTION_RESULT_NAMES, 'the action-result required (default success)');

function current(ctx: StepContext, what: string): AssociationProfile {
  if (!ctx.association?.security) throw new HarnessFault(`${what} needs an open association with security`, 'harness', 'SECURITY_NO_SESSION');
  return ctx.association;
}

function describeAction(o: ActionOutcome): string {
  switch (o.kind) {
    case 'action-result':
      return `action-result ${o.result}${o.returnData ? ' with return data' : ''}`;
    case 'exception':
      return `exception-response ${o.stateError} ${o.serviceError}`;
    case 'confirmed-service-error':
      return `confirmed-service-error ${o.error} ${o.value}`;
    case 'silence':
      return `no answer within ${o.waitedMs} ms`;
    case 'malformed':
      return describeMalformed(o);
  }
}

async function call(ctx: StepContext, ref: MethodRef, parameter: Data, what: string, expected = 'success'): Promise<ActionOutcome> {
  const outcome = await ctx.client.action(ref, parameter);
  rememberCounter(ctx);
  ctx.note(`${what} → ${describeAction(outcome)}`);
  if (outcome.kind !== 'action-result' || outcome.result !== expected)
    throw new ExpectationFailure(caseRule(ctx), `${what}: action-result ${expected}`, describeAction(outcome));
  return outcome;
}

function returned(o: ActionOutcome): Data | undefined {
  return o.kind === 'action-result' && o.returnData?.kind === 'data' ? o.returnData.data : undefined;
}

defineStep({
  name: 'security-setup.activate',
  description: 'security_activate (Security setup method 1) with a policy, as a version 0 name or version 1 flags',
  schema: {
    type: 'object',
    properties: {
      policy: {
        anyOf: [
          { type: 'string', enum: [...POLICY_V0] },
          { type: 'array', items: { type: 'string', enum: Object.keys(POLICY_V1_BITS) as PolicyFlagName[] } },
        ],
      },
      version: { type: 'integer', enum: [0, 1], description: 'the Security setup version, which decides the encoding (default 1)' },
      expect: RESULT,
    },
    required: ['policy'],
  },
  async run(ctx, args) {
    const a = current(ctx, 'security-setup.activate');
    const policy = typeof args.policy === 'string' ? policyFromName(args.policy) : policyFromFlags(args.policy);
    const text = typeof args.policy === 'string' ? args.policy : args.policy.join(', ');
    await call(
      ctx,
      securitySetupMethod(securitySetupOf(a), 'security-activate'),
      activateParameter(policy, args.version ?? 1),
      `security_activate (${text})`,
      args.expect,
    );
  },
});

const TRANSFER_ID: Readonly<Record<'ek' | 'ak' | 'kek', TransferKeyId>> = { ek: 'global-unicast-encryption-key', ak: 'authentication-key', kek: 'master-key' };
const FIELD = { ek: 'blockCipherKey', ak: 'authenticationKey', kek: 'masterKey' } as const;

defineStep({
  name: 'security-setup.key-transfer',
  description:
    'global_key_transfer (Security setup method 2): new random keys wrapped under the master key, or the profile keys back (restore), or bad key data',
  schema: {
    type: 'object',
    properties: {
      keys: { type: 'array', minItems: 1, items: { type: 'string', enum: ['ek', 'ak', 'kek'] }, description: 'which keys to replace (default ek)' },
      restore: { type: 'boolean', description: "transfer the profile's keys back" },
      variant: { type: 'string', enum: ['wrong-key-id', 'wrong-wrapping'], description: 'key_data with an unknown key_id, or wrapped under another key' },
      expect: RESULT,
    },
  },
  async run(ctx, args) {
    const a = current(ctx, 'security-setup.key-transfer');
    const session = openSession(ctx, 'security-setup.key-transfer');
    const kek = session.masterKey;
    if (!kek) throw new Inapplicable(`association ${a.name} has no master key (security.masterKey) to wrap keys with`);
    const inForce = keysInForce(ctx, a) ?? {};
    const names = args.restore ? (Object.keys(FIELD) as (keyof typeof FIELD)[]).filter((n) => inForce[FIELD[n]] !== undefined) : (args.keys ?? ['ek']);
    const keys: KeysInForce = Object.fromEntries(
      names.map((n) => {
        const original = a.security?.[FIELD[n]];
        if (args.restore && !original) throw new HarnessFault(`the profile has no ${FIELD[n]} to restore`, 'profile', 'SECURITY_NO_KEY');
        return [FIELD[n], args.restore ? original! : randomKey(session.suite, `new ${FIELD[n]} (this case)`)];
      }),
    );
    if (names.length === 0) return ctx.note('no key to restore');
    const entries = names.map((n) => ({ keyId: TRANSFER_ID[n], key: keys[FIELD[n]] as Secret }));
    let parameter: Data;
    if (args.variant === 'wrong-key-id') {
      // key_id is an enum 0..3 (Blue Book 4.4.7): 7 names no key.
      const data = keyTransferData(entries.map((e) => ({ keyId: e.keyId, keyWrapped: wrapKey(kek, e.key) })));
      parameter =
        data.type === 'array'
          ? {
              type: 'array',
              items: data.items.map((i) => (i.type === 'structure' ? { type: 'structure', items: [{ type: 'enum', value: 7 }, i.items[1]!] } : i)),
            }
          : data;
    } else if (args.variant === 'wrong-wrapping') {
      parameter = keyTransferParameter(randomKey(session.suite, 'a key that is not the master key'), entries);
    } else parameter = keyTransferParameter(kek, entries);
    const what = `global_key_transfer (${names.join(', ')}${args.restore ? ', restoring the profile keys' : ''}${args.variant ? `, ${args.variant}` : ''})`;
    await call(ctx, securitySetupMethod(securitySetupOf(a), 'global-key-transfer'), parameter, what, args.expect);
    if ((args.expect ?? 'success') !== 'success') return;
    // Blue Book 4.4.7: the new keys apply from the next APDU on.
    session.rekey(keys);
    setKeysInForce(ctx, a, args.restore ? undefined : keys);
  },
});

defineStep({
  name: 'security-setup.key-agreement',
  description: 'key_agreement (Security setup method 3, suites 1 and 2): ephemeral ECDH, both keys signed; the agreed key replaces the global one',
  schema: { type: 'object', properties: { key: { type: 'string', enum: ['ek', 'ak'], description: 'the key agreed (default ek)' }, expect: RESULT } },
  async run(ctx, args) {
    const a = current(ctx, 'security-setup.key-agreement');
    const session = openSession(ctx, 'security-setup.key-agreement');
    const s = a.security!;
    if (session.suite.ecc === null) throw new Inapplicable(`association ${a.name} uses suite 0, which has no key agreement`);
    if (!s.signingKey || !s.serverSigningKey)
      throw new Inapplicable(`association ${a.name} has no signing keys (security.signingKey, security.serverSigningKey)`);
    const key = args.key ?? 'ek';
    const req = keyAgreementRequest(session.suite, s.signingKey, key);
    const outcome = await call(ctx, securitySetupMethod(securitySetupOf(a), 'key-agreement'), req.parameter, `key_agreement (${key})`, args.expect);
    if ((args.expect ?? 'success') !== 'success') return;
    let agreed: Secret;
    try {
      agreed = agreedKeyFrom(session.suite, returned(outcome), req, fromHex(s.serverSigningKey), session.clientSystemTitle, session.serverSystemTitle);
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      throw new ExpectationFailure(caseRule(ctx), "key_agreement's answer: the server's ephemeral key, signed by its signing key", `${e.code}: ${e.actual}`);
    }
    const keys: KeysInForce = key === 'ek' ? { blockCipherKey: agreed } : { authenticationKey: agreed };
    session.rekey(keys);
    setKeysInForce(ctx, a, keys);
    ctx.note(`agreed a new ${key === 'ek' ? 'block cipher key' : 'authentication key'}; in force from the next APDU`);
  },
});

defineStep({
  name: 'security-setup.certificates',
  description:
    'generate_key_pair, generate_certificate_request, import_certificate (issued from the request), export_certificate, remove_certificate (Security setup methods 4..8)',
  schema: { type: 'object', properties: {} },
  async run(ctx) {
    const a = current(ctx, 'security-setup.certificates');
    const session = openSession(ctx, 'security-setup.certificates');
    const s = a.security!;
    if (session.suite.ecc === null || !s.signingKey)
      throw new Inapplicable(`association ${a.name} has no suite 1 or 2 signing key to act as the certification authority`);
    const obis = securitySetupOf(a);
    const rule = caseRule(ctx);
    const digitalSignature: Data = { type: 'enum', value: 0 };
    await call(ctx, securitySetupMethod(obis, 'generate-key-pair'), digitalSignature, 'generate_key_pair (digital signature)');
    const csrAnswer = returned(
      await call(ctx, securitySetupMethod(obis, 'generate-certificate-request'), digitalSignature, 'generate_certificate_request (digital signature)'),
    );
    if (csrAnswer?.type !== 'octet-string') throw new ExpectationFailure(rule, 'a certification request (octet-string)', csrAnswer?.type ?? 'no return data');
    let request;
    try {
      request = readCertificationRequest(session.suite, csrAnswer.value);
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      throw new ExpectationFailure(rule, 'a DER PKCS#10 certification request', `${e.code}: ${e.actual}`);
    }
    const subject = systemTitleName(session.serverSystemTitle);
    if (!request.selfSigned || request.subject !== subject) {
      throw new ExpectationFailure(
        rule,
        `a request for CN=${subject}, signed by the key it certifies`,
        `CN=${request.subject}, ${request.selfSigned ? 'self-signed' : 'signature not verifying'}`,
      );
    }
    // The harness acts as the certification authority, with the client's signing key.
    const issuer = systemTitleName(session.clientSystemTitle);
    const serialNumber = Uint8Array.of(0x01, ...session.clientSystemTitle.subarray(4));
    const now = Date.now();
    const der = issueCertificate(session.suite, s.signingKey, {
      serialNumber,
      issuer,
      subject,
      subjectPublicKey: request.publicKey,
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + 365 * 86_400_000),
    });
    await call(ctx, securitySetupMethod(obis, 'import-certificate'), { type: 'octet-string', value: der }, 'import_certificate');
    const id = certificateBySerial(serialNumber, `CN=${issuer}`);
    const exported = returned(await call(ctx, securitySetupMethod(obis, 'export-certificate'), id, 'export_certificate (by serial number and issuer)'));
    if (exported?.type !== 'octet-string' || !bytesEqual(exported.value, der))
      throw new ExpectationFailure(
        rule,
        'the certificate exported as it was imported',
        exported?.type === 'octet-string' ? `${exported.value.length} bytes that differ` : 'no certificate',
      );
    await call(ctx, securitySetupMethod(obis, 'remove-certificate'), id, 'remove_certificate');
    await call(ctx, securitySetupMethod(obis, 'export-certificate'), id, 'export_certificate after removal', 'other-reason');
  },
});
