/**
 * The security part of a meter definition (Green Book 9.2): which associations use high level
 * security (HLS, mechanisms 2..7), whether their application context is ciphered, and the
 * Security setup object (class 64) that holds their suite, policy, keys and system titles.
 *
 *   - name: management-gmac
 *     clientSap: 48
 *     authentication: hls-gmac          # hls-manufacturer | hls-md5 | hls-sha1 | hls-gmac | hls-sha256 | hls-ecdsa
 *     password: builtin:sim-hls         # the HLS secret, for hls-md5, hls-sha1 and hls-sha256
 *     security: { setup: 0-0:43.0.0.255, context: ciphered }   # context: ciphered | plain
 */
import { isDecodeError } from '../../dlms/bytes';
import { parseObis } from '../../dlms/cosem/obis';
import { manufacturerHlsNames } from '../../dlms/security/hls-manufacturer';
import { resolveSecretRef } from '../secrets';
import type { Cursor } from '../../config/yaml-cursor';

/** The HLS mechanisms the simulator serves (Green Book 9.2.7.4); mechanism 2 runs an algorithm of the registry (hls-manufacturer.ts). */
export const HLS_AUTHENTICATIONS = ['hls-manufacturer', 'hls-md5', 'hls-sha1', 'hls-gmac', 'hls-sha256', 'hls-ecdsa'] as const;
export type HlsAuthentication = (typeof HLS_AUTHENTICATIONS)[number];

/** Mechanisms whose proof is a digest over a shared secret (the association's `password`). */
const SECRET_MECHANISMS: readonly HlsAuthentication[] = ['hls-manufacturer', 'hls-md5', 'hls-sha1', 'hls-sha256'];

export function isHlsAuthentication(a: string): a is HlsAuthentication {
  return (HLS_AUTHENTICATIONS as readonly string[]).includes(a);
}

export interface AssociationSecurity {
  /** The Security setup object (class 64) this association uses, as written and as bytes. */
  readonly setup: string;
  readonly setupLogicalName: Uint8Array;
  /** Logical name referencing with ciphering (Green Book 9.4.2.2 context_id 3), or without. */
  readonly ciphered: boolean;
  /** Mechanism 2: the registry name of the manufacturer's algorithm. */
  readonly algorithm?: string;
}

/** The fields an HLS association adds to its definition; `c` is the association entry. */
export function hlsAssociationFields(
  c: Cursor,
  authentication: HlsAuthentication,
): { readonly security: AssociationSecurity; readonly password?: { readonly ref: string; readonly bytes: Uint8Array } } {
  const s = c.need('security');
  s.only(['setup', 'context', 'algorithm']);
  const setupCursor = s.need('setup');
  const setup = setupCursor.string();
  let setupLogicalName: Uint8Array;
  try {
    setupLogicalName = parseObis(setup);
  } catch (e) {
    if (isDecodeError(e)) return setupCursor.fail(`not an OBIS code (${e.code})`);
    throw e;
  }
  const ciphered = (s.get('context').present ? s.get('context').oneOf(['ciphered', 'plain'] as const) : 'ciphered') === 'ciphered';
  const algorithmCursor = s.get('algorithm');
  let algorithm: string | undefined;
  if (algorithmCursor.present) {
    if (authentication !== 'hls-manufacturer') algorithmCursor.fail('only hls-manufacturer (mechanism 2) takes an algorithm');
    algorithm = algorithmCursor.string();
    if (!manufacturerHlsNames().includes(algorithm))
      algorithmCursor.fail(`no manufacturer-specific HLS algorithm of that name (known: ${manufacturerHlsNames().join(', ')})`);
  }
  const security = { setup, setupLogicalName, ciphered, ...(algorithm === undefined ? {} : { algorithm }) };
  const pw = c.get('password');
  if (!SECRET_MECHANISMS.includes(authentication)) {
    if (pw.present) pw.fail(`${authentication} takes its keys from the Security setup object, not a password`);
    return { security };
  }
  if (!pw.present) c.fail(`${authentication} needs the HLS secret as a password reference`);
  const ref = pw.string();
  const resolved = resolveSecretRef(ref);
  if (!resolved.ok) return pw.fail(resolved.problem);
  return { security, password: { ref, bytes: resolved.bytes } };
}
