/**
 * The security control byte SC that opens every security header (Green Book 9.2.7.2.3,
 * "Security header"): bits 0-3 security suite id, bit 4 authentication, bit 5 encryption,
 * bit 6 key set (0 unicast, 1 broadcast), bit 7 compression. All 8 bits are named, so every
 * byte decodes and re-encodes to itself.
 */
export type KeySet = 'unicast' | 'broadcast';

export interface SecurityControl {
  /** 0..15; only 0, 1 and 2 are defined (see suite.ts). */
  readonly suiteId: number;
  readonly authenticated: boolean;
  readonly encrypted: boolean;
  readonly keySet: KeySet;
  readonly compressed: boolean;
}

/** Security policy of one APDU as the SC byte states it (Green Book 9.2.7.2.3). */
export type SecurityPolicy = 'none' | 'authenticated' | 'encrypted' | 'authenticated-encrypted';

const SUITE_MASK = 0x0f;
const AUTHENTICATED = 0x10;
const ENCRYPTED = 0x20;
const BROADCAST = 0x40;
const COMPRESSED = 0x80;

export function encodeSecurityControl(sc: SecurityControl): number {
  return (
    (sc.suiteId & SUITE_MASK) |
    (sc.authenticated ? AUTHENTICATED : 0) |
    (sc.encrypted ? ENCRYPTED : 0) |
    (sc.keySet === 'broadcast' ? BROADCAST : 0) |
    (sc.compressed ? COMPRESSED : 0)
  );
}

export function decodeSecurityControl(byte: number): SecurityControl {
  return {
    suiteId: byte & SUITE_MASK,
    authenticated: (byte & AUTHENTICATED) !== 0,
    encrypted: (byte & ENCRYPTED) !== 0,
    keySet: (byte & BROADCAST) !== 0 ? 'broadcast' : 'unicast',
    compressed: (byte & COMPRESSED) !== 0,
  };
}

export function policyOf(sc: SecurityControl): SecurityPolicy {
  if (sc.authenticated) return sc.encrypted ? 'authenticated-encrypted' : 'authenticated';
  return sc.encrypted ? 'encrypted' : 'none';
}

/** A security control for `policy` under `suiteId`, unicast and uncompressed unless told otherwise. */
export function securityControl(
  suiteId: number,
  policy: SecurityPolicy,
  options: { readonly keySet?: KeySet; readonly compressed?: boolean } = {},
): SecurityControl {
  return {
    suiteId,
    authenticated: policy === 'authenticated' || policy === 'authenticated-encrypted',
    encrypted: policy === 'encrypted' || policy === 'authenticated-encrypted',
    keySet: options.keySet ?? 'unicast',
    compressed: options.compressed ?? false,
  };
}
