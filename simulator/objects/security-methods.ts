/**
 * The methods of Security setup (Blue Book 4.4.7), server side. Changes that would alter the
 * protection of the response itself (policy, keys) are queued and applied after it.
 *   1 security_activate(security_policy)       only ever strengthens the policy
 *   2 global_key_transfer(key_data)            keys wrapped under the master key (RFC 3394)
 *   3 key_agreement(key_data)                  ephemeral ECDH, each side's key signed (suites 1, 2)
 *   4 generate_key_pair(key_pair_type)         a new ECC key pair of that type
 *   5 generate_certificate_request(type)       PKCS#10 for the generated pair
 *   6 import_certificate(certificate)          DER X.509
 *   7 export_certificate(identification)       by entity/type/system title, or serial/issuer
 *   8 remove_certificate(identification)
 */
import { randomBytes } from 'node:crypto';
import type { Data } from '../../dlms/axdr/data';
import { bytesEqual, concatBytes, fromHex, isDecodeError } from '../../dlms/bytes';
import { agreeKey, ecdsaSign, ecdsaVerify, eccPublicKey } from '../../dlms/security/ecc';
import { keyFromBytes } from '../../dlms/security/key';
import { parseKeyTransferData, unwrapKey } from '../../dlms/security/key-wrap';
import { certificationRequest, readCertificate, systemTitleName } from '../../dlms/security/pkix';
import { policyAtLeast, policyFromV0, policyFromV1 } from '../../dlms/security/policy';
import { eccOf } from '../../dlms/security/suite';
import {
  afterResponse,
  CERTIFICATE_ENTITY,
  KEY_PAIR_TYPE,
  type CertificateEntry,
  type KeyPairType,
  type SecurityState,
  type SymmetricKeys,
} from './security-state';
import { methodRefused, type MethodResult } from './types';

const success = (returnData?: Data): MethodResult => (returnData === undefined ? { kind: 'success' } : { kind: 'success', returnData });
const refuse = (): MethodResult => methodRefused('other-reason');
const wrongType = (): MethodResult => methodRefused('type-unmatched');

/** Runs `f`, turning a DecodeError (bad key data, bad signature length…) into other-reason. */
function guarded(f: () => MethodResult): MethodResult {
  try {
    return f();
  } catch (e) {
    if (isDecodeError(e)) return refuse();
    throw e;
  }
}

function activate(state: SecurityState, p: Data | undefined): MethodResult {
  if (p?.type !== 'enum') return wrongType();
  return guarded(() => {
    const next = state.version === 0 ? policyFromV0(p.value) : policyFromV1(p.value);
    // Blue Book 4.4.7: security_activate strengthens; lowering the policy is refused.
    if (!policyAtLeast(next, state.policy)) return refuse();
    afterResponse(state, () => {
      state.policy = next;
    });
    return success();
  });
}

const TRANSFER_FIELD = {
  'global-unicast-encryption-key': 'ek',
  'global-broadcast-encryption-key': 'broadcastKey',
  'authentication-key': 'ak',
  'master-key': 'kek',
} as const;

function keyTransfer(state: SecurityState, p: Data | undefined): MethodResult {
  if (p?.type !== 'array') return wrongType();
  return guarded(() => {
    const entries = parseKeyTransferData(p);
    if (entries.length === 0) return refuse();
    // All or nothing: every key must unwrap under the current master key and have the suite's size.
    const next: Record<string, unknown> = { ...state.keys };
    for (const e of entries) {
      const key = unwrapKey(state.keys.kek, e.keyWrapped, `transferred ${e.keyId}`);
      if (key.length !== state.suite.keyLength) return refuse();
      next[TRANSFER_FIELD[e.keyId]] = key;
    }
    afterResponse(state, () => {
      state.keys = next as unknown as SymmetricKeys;
    });
    return success();
  });
}

/**
 * key_data ::= array structure { key_id: enum, key_ciphered_data: octet-string }, with
 * key_ciphered_data = ephemeral public key Q (x || y) || ECDSA signature over Q by the sender's
 * signing key (Green Book 9.2.3.4.6.4, Ephemeral Unified Model C(2e, 0s)). The answer has the
 * same shape with the server's ephemeral key. The agreed key is
 * KDF(Z, AlgorithmID || client system title || server system title).
 */
function keyAgreement(state: SecurityState, p: Data | undefined): MethodResult {
  if (p?.type !== 'array') return wrongType();
  if (state.suite.ecc === null || !state.serverSigningKey || !state.clientSigningPublicKey) return refuse();
  const n = eccOf(state.suite).coordinateLength;
  const signer = state.serverSigningKey;
  const clientKey = state.clientSigningPublicKey;
  return guarded(() => {
    const answers: Data[] = [];
    const changes: (() => void)[] = [];
    for (const item of p.items) {
      if (item.type !== 'structure' || item.items.length !== 2) return wrongType();
      const [id, ciphered] = item.items;
      if (id?.type !== 'enum' || ciphered?.type !== 'octet-string') return wrongType();
      const field = (['ek', 'broadcastKey', 'ak'] as const)[id.value];
      if (field === undefined || ciphered.value.length !== 4 * n) return refuse();
      const clientEphemeral = ciphered.value.subarray(0, 2 * n);
      if (!ecdsaVerify(state.suite, clientKey, clientEphemeral, ciphered.value.subarray(2 * n))) return refuse();
      const ephemeral = keyFromBytes(randomBytes(n), 'server ephemeral key');
      const ownPublic = eccPublicKey(state.suite, ephemeral);
      const key = agreeKey(state.suite, ephemeral, clientEphemeral, state.clientSystemTitle, state.serverSystemTitle);
      changes.push(() => {
        state.keys = { ...state.keys, [field]: key };
      });
      answers.push({
        type: 'structure',
        items: [
          { type: 'enum', value: id.value },
          { type: 'octet-string', value: concatBytes(ownPublic, ecdsaSign(state.suite, signer, ownPublic)) },
        ],
      });
    }
    if (answers.length === 0) return refuse();
    for (const c of changes) afterResponse(state, c);
    return success({ type: 'array', items: answers });
  });
}

function keyPairType(p: Data | undefined): KeyPairType | undefined {
  return p?.type === 'enum' ? KEY_PAIR_TYPE[p.value] : undefined;
}

function generateKeyPair(state: SecurityState, p: Data | undefined): MethodResult {
  const type = keyPairType(p);
  if (p?.type !== 'enum') return wrongType();
  if (type === undefined || state.suite.ecc === null) return refuse();
  const privateKey = keyFromBytes(randomBytes(eccOf(state.suite).coordinateLength), `generated ${type} key`);
  return guarded(() => {
    state.generated.set(type, { privateKey, publicKey: eccPublicKey(state.suite, privateKey) });
    return success();
  });
}

function certificateRequest(state: SecurityState, p: Data | undefined): MethodResult {
  const type = keyPairType(p);
  if (p?.type !== 'enum') return wrongType();
  const pair = type === undefined ? undefined : state.generated.get(type);
  if (!pair) return refuse();
  return guarded(() => success({ type: 'octet-string', value: certificationRequest(state.suite, pair.privateKey, systemTitleName(state.serverSystemTitle)) }));
}

function importCertificate(state: SecurityState, p: Data | undefined): MethodResult {
  if (p?.type !== 'octet-string') return wrongType();
  return guarded(() => {
    const info = readCertificate(state.suite, p.value);
    const ownPair = [...state.generated.entries()].find(([, g]) => bytesEqual(g.publicKey, info.publicKey));
    const title = /^[0-9A-Fa-f]{16}$/.test(info.subjectCommonName) ? fromHex(info.subjectCommonName) : undefined;
    const server = ownPair !== undefined || (title !== undefined && bytesEqual(title, state.serverSystemTitle));
    const entry: CertificateEntry = {
      entity: server ? 'server' : 'client',
      type: ownPair?.[0] ?? 'digital-signature',
      serialNumber: info.serialNumber,
      issuer: info.issuer,
      subject: info.subject,
      subjectAltName: info.subjectAltName,
      der: p.value,
      ...(title ? { systemTitle: title } : {}),
    };
    // A certificate with the same serial and issuer replaces the one held.
    state.certificates = [...state.certificates.filter((c) => !(bytesEqual(c.serialNumber, entry.serialNumber) && c.issuer === entry.issuer)), entry];
    return success();
  });
}

/**
 * certificate_identification ::= structure { type: enum, options }, type 0: options =
 * structure { entity enum, type enum, system_title octet-string }; type 1: options =
 * structure { serial_number octet-string, issuer octet-string }.
 */
function findCertificate(state: SecurityState, p: Data | undefined): CertificateEntry | 'type-unmatched' | undefined {
  if (p?.type !== 'structure' || p.items.length !== 2) return 'type-unmatched';
  const [kind, options] = p.items;
  if (kind?.type !== 'enum' || options?.type !== 'structure') return 'type-unmatched';
  const o = options.items;
  if (kind.value === 0) {
    const [entity, type, title] = o;
    if (entity?.type !== 'enum' || type?.type !== 'enum' || title?.type !== 'octet-string') return 'type-unmatched';
    return state.certificates.find(
      (c) =>
        c.entity === CERTIFICATE_ENTITY[entity.value] &&
        c.type === KEY_PAIR_TYPE[type.value] &&
        (title.value.length === 0 || (c.systemTitle !== undefined && bytesEqual(c.systemTitle, title.value))),
    );
  }
  if (kind.value === 1) {
    const [serial, issuer] = o;
    if (serial?.type !== 'octet-string' || issuer?.type !== 'octet-string') return 'type-unmatched';
    const issuerText = new TextDecoder().decode(issuer.value);
    return state.certificates.find((c) => bytesEqual(c.serialNumber, serial.value) && c.issuer === issuerText);
  }
  return 'type-unmatched';
}

function exportCertificate(state: SecurityState, p: Data | undefined): MethodResult {
  const found = findCertificate(state, p);
  if (found === 'type-unmatched') return wrongType();
  return found ? success({ type: 'octet-string', value: found.der }) : refuse();
}

function removeCertificate(state: SecurityState, p: Data | undefined): MethodResult {
  const found = findCertificate(state, p);
  if (found === 'type-unmatched') return wrongType();
  if (!found) return refuse();
  state.certificates = state.certificates.filter((c) => c !== found);
  return success();
}

const METHODS: Readonly<Record<number, (state: SecurityState, p: Data | undefined) => MethodResult>> = {
  1: activate,
  2: keyTransfer,
  3: keyAgreement,
  4: generateKeyPair,
  5: certificateRequest,
  6: importCertificate,
  7: exportCertificate,
  8: removeCertificate,
};

export function invokeSecurityMethod(state: SecurityState, method: number, parameters: Data | undefined): MethodResult {
  const m = METHODS[method];
  return m ? m(state, parameters) : methodRefused('object-undefined');
}
