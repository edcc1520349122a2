/**
 * What a Security setup object (class 64, Blue Book 4.4.7) holds in the simulated meter: the
 * suite, the policy, both system titles, the keys, the ECC key pairs and certificates, and the
 * invocation counters — the server's own send counter and the last counter it accepted from a
 * client (its replay guard, Green Book 9.2.7.2.4). It lives as long as the simulator does, so a
 * key transferred in one association is the key of the next one, as in a real meter.
 *
 * Changes a method makes (new keys, a stronger policy) take effect after its response has gone
 * out under the old ones (Blue Book 4.4.7 security_activate, global_key_transfer): methods queue
 * them with `afterResponse`, and the server's security layer applies them.
 */
import type { Key } from '../../dlms/security/key';
import type { PolicyFlags } from '../../dlms/security/policy';
import type { SecuritySuite } from '../../dlms/security/suite';

/** Blue Book 4.4.7 certificate_entity and certificate_type. */
export type CertificateEntity = 'server' | 'client' | 'certification-authority' | 'other';
export type KeyPairType = 'digital-signature' | 'key-agreement' | 'tls';

export const CERTIFICATE_ENTITY: readonly CertificateEntity[] = ['server', 'client', 'certification-authority', 'other'];
export const KEY_PAIR_TYPE: readonly KeyPairType[] = ['digital-signature', 'key-agreement', 'tls'];

export interface CertificateEntry {
  readonly entity: CertificateEntity;
  readonly type: KeyPairType;
  readonly serialNumber: Uint8Array;
  readonly issuer: string;
  readonly subject: string;
  readonly subjectAltName: string;
  /** The certificate as imported (DER). */
  readonly der: Uint8Array;
  /** The subject's system title, when the subject names one (CN = 16 hex digits). */
  readonly systemTitle?: Uint8Array;
}

export interface SymmetricKeys {
  /** Global unicast encryption key. */
  readonly ek: Key;
  readonly ak: Key;
  /** Master key: wraps the others in global_key_transfer (Green Book 9.2.3.5). */
  readonly kek: Key;
  readonly broadcastKey?: Key;
}

export interface SecurityState {
  readonly logicalName: Uint8Array;
  /** 0 or 1: how attribute 2 is encoded (enum or bit flags). */
  readonly version: 0 | 1;
  readonly suite: SecuritySuite;
  policy: PolicyFlags;
  readonly serverSystemTitle: Uint8Array;
  /** Attribute 4: the system title of the client of the last association that used this object. */
  clientSystemTitle: Uint8Array;
  keys: SymmetricKeys;
  /** The meter's signing key (suites 1, 2), its public key, and the client's public signing key. */
  readonly serverSigningKey?: Key;
  readonly serverSigningPublicKey?: Uint8Array;
  clientSigningPublicKey?: Uint8Array;
  /** Key pairs made by generate_key_pair, by type (the private key and its public x || y). */
  readonly generated: Map<KeyPairType, { readonly privateKey: Key; readonly publicKey: Uint8Array }>;
  certificates: CertificateEntry[];
  /** The last invocation counter accepted from a client; undefined before the first. */
  lastClientCounter: number | undefined;
  /** The counter the server puts in its next protected APDU. */
  serverCounter: number;
  /** Changes to apply once the current response is out. */
  readonly pending: (() => void)[];
}

export function afterResponse(state: SecurityState, change: () => void): void {
  state.pending.push(change);
}

/** Applies what methods queued (or, for a faulty meter, drops it); the security layer calls it after protecting a response. */
export function applyPending(state: SecurityState, apply = true): void {
  for (const change of state.pending.splice(0)) if (apply) change();
}

/** The next counter for a protected APDU of the server, advanced. */
export function takeServerCounter(state: SecurityState): number {
  const value = state.serverCounter;
  state.serverCounter = value + 1;
  return value;
}
