/**
 * AES key wrap (RFC 3394, NIST SP 800-38F KW) as Green Book 9.2.3.5 uses it to transfer keys
 * under the master key (KEK), and the key_data of the Security setup method
 * global_key_transfer (Blue Book 4.4.7, method 2).
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { Data } from '../axdr/data';
import { concatBytes } from '../bytes/hex';
import { fail } from './errors';
import { type Key, keyFromBytes, requireKeyLength } from './key';

/** RFC 3394 2.2.3.1 default initial value. */
const DEFAULT_IV = new Uint8Array(8).fill(0xa6);

function wrapCipher(kek: Key): 'id-aes128-wrap' | 'id-aes192-wrap' | 'id-aes256-wrap' {
  switch (kek.length) {
    case 16:
      return 'id-aes128-wrap';
    case 24:
      return 'id-aes192-wrap';
    case 32:
      return 'id-aes256-wrap';
    default:
      return fail('SECURITY_BAD_KEY_LENGTH', 0, `a 16-, 24- or 32-byte key encrypting key (${kek.source})`, `${kek.length} bytes`);
  }
}

/** Wraps `key` (a multiple of 8 bytes, at least 16) under `kek`: 8 bytes longer than the key. */
export function wrapKey(kek: Key, key: Key): Uint8Array {
  if (key.length < 16 || key.length % 8 !== 0) fail('SECURITY_BAD_KEY_LENGTH', 0, `a key of 16, 24 or 32 bytes to wrap (${key.source})`, `${key.length} bytes`);
  const c = createCipheriv(wrapCipher(kek), kek.reveal(), DEFAULT_IV);
  return concatBytes(c.update(key.reveal()), c.final());
}

/**
 * Unwraps `wrapped`; SECURITY_KEY_UNWRAP_FAILED when the integrity check value does not come
 * out as A6A6A6A6A6A6A6A6 (wrong KEK or tampered data). `source` names the resulting key.
 */
export function unwrapKey(kek: Key, wrapped: Uint8Array, source: string, offset = 0): Key {
  if (wrapped.length < 24 || wrapped.length % 8 !== 0) {
    fail('SECURITY_BAD_KEY_DATA', offset, 'wrapped key data of 24, 32 or 40 bytes', `${wrapped.length} bytes`);
  }
  const d = createDecipheriv(wrapCipher(kek), kek.reveal(), DEFAULT_IV);
  try {
    return keyFromBytes(concatBytes(d.update(wrapped), d.final()), source);
  } catch {
    return fail('SECURITY_KEY_UNWRAP_FAILED', offset, 'key data that unwraps under the master key', 'an integrity check failure');
  }
}

/** key_id of global_key_transfer (Blue Book 4.4.7, Security setup method 2). */
export type TransferKeyId = 'global-unicast-encryption-key' | 'global-broadcast-encryption-key' | 'authentication-key' | 'master-key';

export const TRANSFER_KEY_ID: Readonly<Record<TransferKeyId, number>> = {
  'global-unicast-encryption-key': 0,
  'global-broadcast-encryption-key': 1,
  'authentication-key': 2,
  'master-key': 3,
};
const TRANSFER_KEY_BY_VALUE = Object.fromEntries(Object.entries(TRANSFER_KEY_ID).map(([k, v]) => [v, k as TransferKeyId]));

export interface KeyTransferEntry {
  readonly keyId: TransferKeyId;
  /** The new key wrapped under the master key. */
  readonly keyWrapped: Uint8Array;
}

/** key_data ::= array key_data_entry; key_data_entry ::= structure { key_id: enum, key_wrapped: octet-string }. */
export function keyTransferData(entries: readonly KeyTransferEntry[]): Data {
  return {
    type: 'array',
    items: entries.map((e) => ({
      type: 'structure',
      items: [
        { type: 'enum', value: TRANSFER_KEY_ID[e.keyId] },
        { type: 'octet-string', value: e.keyWrapped },
      ],
    })),
  };
}

/** The entries of a key_data value; SECURITY_BAD_KEY_DATA when it does not have that shape. */
export function parseKeyTransferData(data: Data): KeyTransferEntry[] {
  if (data.type !== 'array') fail('SECURITY_BAD_KEY_DATA', 0, 'key_data: an array', data.type);
  return data.items.map((item, i) => {
    if (item.type !== 'structure' || item.items.length !== 2) fail('SECURITY_BAD_KEY_DATA', 0, `key_data[${i}]: a structure of 2`, item.type);
    const [id, wrapped] = item.items;
    if (id?.type !== 'enum' || TRANSFER_KEY_BY_VALUE[id.value] === undefined)
      fail('SECURITY_BAD_KEY_DATA', 0, `key_data[${i}].key_id: enum 0..3`, id?.type ?? 'nothing');
    if (wrapped?.type !== 'octet-string') fail('SECURITY_BAD_KEY_DATA', 0, `key_data[${i}].key_wrapped: octet-string`, wrapped?.type ?? 'nothing');
    return { keyId: TRANSFER_KEY_BY_VALUE[id.value] as TransferKeyId, keyWrapped: wrapped.value };
  });
}

/** Wraps each key under `kek` and builds key_data for global_key_transfer. */
export function wrapKeysForTransfer(kek: Key, keys: readonly { readonly keyId: TransferKeyId; readonly key: Key }[], keyLength?: number): Data {
  return keyTransferData(
    keys.map(({ keyId, key }) => {
      if (keyLength !== undefined) requireKeyLength(key, keyLength, keyId);
      return { keyId, keyWrapped: wrapKey(kek, key) };
    }),
  );
}
