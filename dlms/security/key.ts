/**
 * Keys of Green Book 9.2.3.3 (symmetric key types): the block cipher key (EK, global unicast,
 * global broadcast or dedicated), the authentication key (AK) and the master key (KEK) that
 * wraps the others. Every key is a `Secret`: it prints as a mask, and only the ciphers in this
 * folder call `reveal()`.
 */
import { Secret } from '../secret';
import { fail } from './errors';

export type Key = Secret;

/** Key roles, as Green Book 9.2.3.3 and the Security setup class (Blue Book 4.4.7) name them. */
export type KeyRole = 'global-unicast-encryption-key' | 'global-broadcast-encryption-key' | 'dedicated-key' | 'authentication-key' | 'master-key';

/** AES-128 keys for suites 0 and 1, AES-256 keys for suite 2 (Green Book 9.2.3.7). */
export const AES_KEY_LENGTHS: readonly number[] = [16, 32];

/**
 * A key from hex text (`000102…0F`, spaces allowed). The text never appears in an error: a bad
 * digit reports its position only, since the rest of the text is the key.
 */
export function keyFromHex(hex: string, source: string): Key {
  const clean = hex.replace(/[\s:-]/g, '');
  const bad = clean.search(/[^0-9a-fA-F]/);
  if (bad >= 0) fail('SECURITY_BAD_KEY', 0, `hex digits for the key from ${source}`, `a non-hex character at position ${bad}`);
  if (clean.length % 2 !== 0) fail('SECURITY_BAD_KEY', 0, `an even number of hex digits for the key from ${source}`, `${clean.length} digits`);
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return keyFromBytes(bytes, source);
}

/** A key from raw bytes; the bytes are copied, so later changes to the array do not reach it. */
export function keyFromBytes(bytes: Uint8Array, source: string): Key {
  return new Secret(bytes, source);
}

/** Fails with SECURITY_BAD_KEY_LENGTH unless `key` has `length` bytes (the suite's AES key size). */
export function requireKeyLength(key: Key, length: number, role: KeyRole | string): void {
  if (key.length !== length) fail('SECURITY_BAD_KEY_LENGTH', 0, `a ${length}-byte ${role} (${key.source})`, `${key.length} bytes`);
}
