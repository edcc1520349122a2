/**
 * Security setup, class 64 version 1 (Blue Book 4.4.7): attributes security_policy (bit flags),
 * security_suite, client_system_title, server_system_title, certificates; the methods
 * security_activate, global_key_transfer, key_agreement, generate_key_pair,
 * generate_certificate_request, import_certificate, export_certificate and remove_certificate.
 * The object is where the meter's keys live (security-state.ts); the server's security layer
 * (server/security.ts) reads them for every protected APDU.
 *
 *   - obis: 0-0:43.0.0.255
 *     class: security-setup
 *     suite: 0                              # 0, 1 or 2
 *     policy: authenticated-encrypted       # a version 0 name, or a list of version 1 flags
 *     systemTitle: 444C4D0000000001         # the server's, 8 bytes hex
 *     keys: { ek: builtin:sim-ek, ak: builtin:sim-ak, kek: builtin:sim-kek }   # hex text
 *     signing: { privateKey: builtin:sim-server-ecc-s1, clientPublicKey: 0363…02 }   # suites 1, 2
 *
 * Refusals (Action-Result, Green Book 9.5): a value of the wrong type → type-unmatched; a
 * policy weaker than the current one, key data that does not unwrap or names no key, a bad
 * signature, an unknown certificate → other-reason (docs/decisions/security-refusals.md).
 */
import type { Data } from '../../dlms/axdr/data';
import { fromHex } from '../../dlms/bytes/hex';
import { bytesEqual } from '../../dlms/bytes';
import { SECURITY_SETUP } from '../../dlms/cosem/catalogue/security-setup';
import { parseObis } from '../../dlms/cosem/obis';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { eccPublicKey } from '../../dlms/security/ecc';
import { keyFromHex } from '../../dlms/security/key';
import { POLICY_V0, POLICY_V1_BITS, policyFromFlags, policyFromName, policyToV0, policyToV1, type PolicyFlagName } from '../../dlms/security/policy';
import { securitySuite } from '../../dlms/security/suite';
import type { Cursor } from '../../config/yaml-cursor';
import { resolveSecretRef } from '../secrets';
import { attributesOf } from './from-catalogue';
import { invokeSecurityMethod } from './security-methods';
import type { SecurityState } from './security-state';
import { ok, refused, type ClassBehaviour, type ObjectBehaviour } from './types';

/** The behaviour of a Security setup object: the usual reader plus the state the security layer uses. */
export interface SecuritySetupBehaviour extends ObjectBehaviour {
  readonly security: SecurityState;
}

export function isSecuritySetup(b: ObjectBehaviour): b is SecuritySetupBehaviour {
  return 'security' in b;
}

function keyRef(c: Cursor, what: string): ReturnType<typeof keyFromHex> {
  const ref = c.string();
  const resolved = resolveSecretRef(ref);
  if (!resolved.ok) return c.fail(resolved.problem);
  try {
    return keyFromHex(new TextDecoder().decode(resolved.bytes), ref);
  } catch (e) {
    if (isDecodeError(e)) return c.fail(`${what} from ${ref} is not hex (${e.code})`);
    throw e;
  }
}

function hexBytes(c: Cursor, length: number | undefined, what: string): Uint8Array {
  const text = c.string();
  let bytes: Uint8Array;
  try {
    bytes = fromHex(text);
  } catch {
    return c.fail(`${what}: expected hex digits`);
  }
  if (length !== undefined && bytes.length !== length) c.fail(`${what}: expected ${length} bytes, got ${bytes.length}`);
  return bytes;
}

function buildState(entry: Cursor, logicalName: Uint8Array): SecurityState {
  const suiteCursor = entry.need('suite');
  const suite = securitySuite(suiteCursor.int(0, 2));
  const p = entry.need('policy');
  const policy = p.isSeq()
    ? policyFromFlags(p.items().map((i) => i.oneOf(Object.keys(POLICY_V1_BITS) as PolicyFlagName[])))
    : policyFromName(p.oneOf(POLICY_V0));
  const keys = entry.need('keys').only(['ek', 'ak', 'kek', 'broadcast']);
  const key = (name: string) => {
    const k = keyRef(keys.need(name), name);
    if (k.length !== suite.keyLength) keys.need(name).fail(`suite ${suite.id} needs ${suite.keyLength}-byte keys, this one has ${k.length}`);
    return k;
  };
  const broadcast = keys.get('broadcast').present ? key('broadcast') : undefined;
  let signing: Pick<SecurityState, 'serverSigningKey' | 'serverSigningPublicKey' | 'clientSigningPublicKey'> = {};
  const s = entry.get('signing');
  if (suite.ecc !== null) {
    if (!s.present) entry.fail(`suite ${suite.id} needs signing: { privateKey, clientPublicKey }`);
    s.only(['privateKey', 'clientPublicKey']);
    const privateKey = keyRef(s.need('privateKey'), 'privateKey');
    signing = {
      serverSigningKey: privateKey,
      serverSigningPublicKey: eccPublicKey(suite, privateKey),
      clientSigningPublicKey: hexBytes(s.need('clientPublicKey'), 2 * suite.ecc.coordinateLength, 'clientPublicKey'),
    };
  } else if (s.present) s.fail('suite 0 has no ECDSA: signing keys need suite 1 or 2');
  return {
    logicalName,
    version: 1,
    suite,
    policy,
    serverSystemTitle: hexBytes(entry.need('systemTitle'), 8, 'systemTitle'),
    clientSystemTitle: new Uint8Array(0),
    keys: { ek: key('ek'), ak: key('ak'), kek: key('kek'), ...(broadcast ? { broadcastKey: broadcast } : {}) },
    ...signing,
    generated: new Map(),
    certificates: [],
    lastClientCounter: undefined,
    serverCounter: 1,
    pending: [],
  };
}

/** certificate_info ::= structure { entity enum, type enum, serial octet-string, issuer, subject, subject_alt_name octet-strings }. */
function certificates(state: SecurityState): Data {
  const text = (s: string): Data => ({ type: 'octet-string', value: new TextEncoder().encode(s) });
  const entity = ['server', 'client', 'certification-authority', 'other'];
  const type = ['digital-signature', 'key-agreement', 'tls'];
  return {
    type: 'array',
    items: state.certificates.map((c) => ({
      type: 'structure',
      items: [
        { type: 'enum', value: entity.indexOf(c.entity) },
        { type: 'enum', value: type.indexOf(c.type) },
        { type: 'octet-string', value: c.serialNumber },
        text(c.issuer),
        text(c.subject),
        text(c.subjectAltName),
      ],
    })),
  };
}

export const securitySetupClass: ClassBehaviour = {
  name: 'security-setup',
  classId: SECURITY_SETUP.classId,
  version: SECURITY_SETUP.version,
  // client_system_title changes with each association, the rest only through methods.
  attributes: attributesOf(SECURITY_SETUP, { 2: 'read-only', 3: 'read-only', 4: 'read-only', 5: 'read-only', 6: 'read-only' }),
  methodCount: SECURITY_SETUP.methods.length,
  keys: ['suite', 'policy', 'systemTitle', 'keys', 'signing'],
  build(entry: Cursor): SecuritySetupBehaviour {
    const obis = entry.need('obis').string();
    const logicalName = parseObis(obis);
    const state = buildState(entry, logicalName);
    return {
      security: state,
      read(attribute) {
        switch (attribute) {
          case 2:
            return ok({ type: 'enum', value: state.version === 0 ? policyToV0(state.policy) : policyToV1(state.policy) });
          case 3:
            return ok({ type: 'enum', value: state.suite.id });
          case 4:
            return ok({ type: 'octet-string', value: state.clientSystemTitle });
          case 5:
            return ok({ type: 'octet-string', value: state.serverSystemTitle });
          case 6:
            return ok(certificates(state));
          default:
            return refused('object-undefined');
        }
      },
      invoke(method, parameters) {
        return invokeSecurityMethod(state, method, parameters);
      },
    };
  },
};

/** The Security setup object with this logical name in `objects`, if any. */
export function securityStateOf(
  objects: readonly { readonly logicalName: Uint8Array; readonly behaviour: ObjectBehaviour }[],
  logicalName: Uint8Array,
): SecurityState | undefined {
  const found = objects.find((o) => bytesEqual(o.logicalName, logicalName) && isSecuritySetup(o.behaviour));
  return found && isSecuritySetup(found.behaviour) ? found.behaviour.security : undefined;
}
