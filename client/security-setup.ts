/**
 * The client's half of the Security setup methods (Blue Book 4.4.7): the parameters of
 * security_activate, global_key_transfer, key_agreement and the certificate methods, and what
 * their answers mean. The calls themselves are ordinary ACTIONs (client.action), protected by
 * the association's security session.
 */
import { randomBytes } from 'node:crypto';
import type { Data } from '../dlms/axdr/data';
import { DecodeError } from '../dlms/bytes/decode-error';
import { concatBytes } from '../dlms/bytes/hex';
import { agreeKey, eccPublicKey, ecdsaSign, ecdsaVerify } from '../dlms/security/ecc';
import { keyFromBytes, type Key } from '../dlms/security/key';
import { keyTransferData, wrapKey, type TransferKeyId } from '../dlms/security/key-wrap';
import { policyToV0, policyToV1, type PolicyFlags } from '../dlms/security/policy';
import { eccOf, type SecuritySuite } from '../dlms/security/suite';
import type { MethodRef } from './api';

/** Security setup methods by name (Blue Book 4.4.7, class 64 version 1). */
export const SECURITY_SETUP_METHOD = {
  'security-activate': 1,
  'global-key-transfer': 2,
  'key-agreement': 3,
  'generate-key-pair': 4,
  'generate-certificate-request': 5,
  'import-certificate': 6,
  'export-certificate': 7,
  'remove-certificate': 8,
} as const;

export function securitySetupMethod(obis: string, name: keyof typeof SECURITY_SETUP_METHOD): MethodRef {
  return { classId: 64, obis, method: SECURITY_SETUP_METHOD[name] };
}

/** security_activate's parameter: the policy as the object's version encodes it. */
export function activateParameter(policy: PolicyFlags, version: 0 | 1): Data {
  return { type: 'enum', value: version === 0 ? policyToV0(policy) : policyToV1(policy) };
}

/** key_data for global_key_transfer: each key wrapped under the master key (RFC 3394). */
export function keyTransferParameter(kek: Key, keys: readonly { readonly keyId: TransferKeyId; readonly key: Key }[]): Data {
  return keyTransferData(keys.map((k) => ({ keyId: k.keyId, keyWrapped: wrapKey(kek, k.key) })));
}

/** A fresh random key of the suite's size. */
export function randomKey(suite: SecuritySuite, source: string): Key {
  return keyFromBytes(new Uint8Array(randomBytes(suite.keyLength)), source);
}

/** key_agreement key_id (Blue Book 4.4.7): 0 global unicast EK, 1 global broadcast, 2 AK. */
export const AGREEMENT_KEY_ID = { ek: 0, broadcast: 1, ak: 2 } as const;

export interface KeyAgreementRequest {
  readonly parameter: Data;
  readonly ephemeral: Key;
}

/**
 * key_data ::= array structure { key_id, key_ciphered_data = Q (x || y) || ECDSA(Q) by the
 * client's signing key } (Green Book 9.2.3.4.6.4, Ephemeral Unified Model).
 */
export function keyAgreementRequest(suite: SecuritySuite, signingKey: Key, keyId: keyof typeof AGREEMENT_KEY_ID): KeyAgreementRequest {
  const ephemeral = keyFromBytes(new Uint8Array(randomBytes(eccOf(suite).coordinateLength)), 'client ephemeral key');
  const q = eccPublicKey(suite, ephemeral);
  return {
    ephemeral,
    parameter: {
      type: 'array',
      items: [
        {
          type: 'structure',
          items: [
            { type: 'enum', value: AGREEMENT_KEY_ID[keyId] },
            { type: 'octet-string', value: concatBytes(q, ecdsaSign(suite, signingKey, q)) },
          ],
        },
      ],
    },
  };
}

/**
 * The agreed key from the server's answer: its ephemeral key must carry a valid signature of the
 * server (else KEY_AGREEMENT_BAD_SIGNATURE); KDF(Z, AlgorithmID || client ST || server ST).
 */
export function agreedKeyFrom(
  suite: SecuritySuite,
  answer: Data | undefined,
  req: KeyAgreementRequest,
  serverSigningKey: Uint8Array,
  clientTitle: Uint8Array,
  serverTitle: Uint8Array,
): Key {
  const n = eccOf(suite).coordinateLength;
  const entry = answer?.type === 'array' ? answer.items[0] : undefined;
  const data = entry?.type === 'structure' ? entry.items[1] : undefined;
  if (data?.type !== 'octet-string' || data.value.length !== 4 * n) {
    throw new DecodeError(
      'KEY_AGREEMENT_BAD_ANSWER',
      0,
      `key_data: array of structure { key_id, octet-string of ${4 * n} bytes }`,
      data?.type ?? answer?.type ?? 'nothing',
    );
  }
  const q = data.value.subarray(0, 2 * n);
  if (!ecdsaVerify(suite, serverSigningKey, q, data.value.subarray(2 * n))) {
    throw new DecodeError('KEY_AGREEMENT_BAD_SIGNATURE', 2 * n, "the server's ephemeral key signed by its signing key", 'a signature that does not verify');
  }
  return agreeKey(suite, req.ephemeral, q, clientTitle, serverTitle);
}

/** certificate_identification by serial number and issuer (Blue Book 4.4.7, type 1). */
export function certificateBySerial(serialNumber: Uint8Array, issuer: string): Data {
  return {
    type: 'structure',
    items: [
      { type: 'enum', value: 1 },
      {
        type: 'structure',
        items: [
          { type: 'octet-string', value: serialNumber },
          { type: 'octet-string', value: new TextEncoder().encode(issuer) },
        ],
      },
    ],
  };
}
