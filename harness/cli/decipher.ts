/**
 * Deciphering for `dlmsct decode`: keys from the command line (`--ek --ak --system-title
 * --server-system-title --suite`) or from a profile's association (`--profile FILE
 * [--association NAME]`). Every protected APDU gets a 'deciphered-apdu' layer, as in a trace;
 * system titles seen in an AARQ (calling-AP-title) or an AARE (responding-AP-title) are learnt
 * on the way. The keys are Secrets: masked in every line printed, never echoed in a message.
 */
import { decipheredLayer, apduOfFrame } from '../../client/ciphering';
import { memoryCounterStore } from '../../client/counters';
import { maskLayers } from '../../client/redact';
import { SecureChannel, type SecurityParams } from '../../client/security-context';
import { decodePduBytes } from '../../dlms/pdu/pdu';
import { fromHex, isDecodeError } from '../../dlms/bytes';
import { keyFromHex } from '../../dlms/security/key';
import { isSecuritySuiteId } from '../../dlms/security/suite';
import type { Secret } from '../../dlms/secret';
import type { TraceRecord } from '../../dlms/trace';
import { builtinSecret } from '../builtin-secrets';
import { loadProfile } from '../profile/load';
import { UsageError } from './io';

export const DECIPHER_OPTIONS = {
  ek: { type: 'string', value: 'HEX', help: 'block cipher key (global or dedicated), to decipher protected APDUs' },
  ak: { type: 'string', value: 'HEX', help: 'authentication key' },
  'system-title': { type: 'string', value: 'HEX', help: "the client's system title (8 bytes): deciphers what the client sent" },
  'server-system-title': { type: 'string', value: 'HEX', help: "the meter's system title: deciphers what the meter sent (learnt from an AARE when present)" },
  suite: { type: 'string', value: 'N', help: 'security suite 0, 1 or 2 (default 0)' },
  profile: { type: 'string', value: 'FILE', help: "take keys and system titles from a profile's association instead" },
  association: { type: 'string', value: 'NAME', help: 'which association of --profile (default: the first with keys)' },
} as const;

export interface DecipherValues {
  readonly ek?: string | undefined;
  readonly ak?: string | undefined;
  readonly 'system-title'?: string | undefined;
  readonly 'server-system-title'?: string | undefined;
  readonly suite?: string | undefined;
  readonly profile?: string | undefined;
  readonly association?: string | undefined;
}

interface Keys {
  readonly suite: 0 | 1 | 2;
  readonly ek: Secret;
  readonly ak?: Secret;
  client?: Uint8Array;
  server?: Uint8Array;
}

function title(text: string | undefined, option: string): Uint8Array | undefined {
  if (text === undefined) return undefined;
  try {
    const t = fromHex(text);
    if (t.length === 8) return t;
  } catch {
    // reported below
  }
  throw new UsageError(`--${option} takes a system title: 8 bytes in hex`);
}

function key(text: string, option: string): Secret {
  try {
    return keyFromHex(text, `--${option}`);
  } catch (e) {
    // The error names a position only, never the text.
    throw new UsageError(`--${option}: ${isDecodeError(e) ? `${e.expected}, got ${e.actual}` : 'not a key'}`);
  }
}

function fromProfile(file: string, name: string | undefined): Keys {
  const profile = loadProfile(file, { builtinSecrets: builtinSecret });
  const a = name === undefined ? profile.associations.find((x) => x.security?.blockCipherKey) : profile.associations.find((x) => x.name === name);
  const s = a?.security;
  if (!a || !s?.blockCipherKey)
    throw new UsageError(name === undefined ? `${file} has no association with security keys` : `${file} has no association ${name} with security keys`);
  return {
    suite: s.suite,
    ek: s.blockCipherKey,
    ...(s.authenticationKey ? { ak: s.authenticationKey } : {}),
    ...(s.systemTitle ? { client: fromHex(s.systemTitle) } : {}),
    ...(s.serverSystemTitle ? { server: fromHex(s.serverSystemTitle) } : {}),
  };
}

function keysFrom(v: DecipherValues): Keys | undefined {
  if (v.profile !== undefined) return fromProfile(v.profile, v.association);
  if (v.ek === undefined) {
    if (v.ak !== undefined) throw new UsageError('--ak needs --ek (the block cipher key)');
    return undefined;
  }
  const suite = v.suite === undefined ? 0 : Number(v.suite);
  if (!isSecuritySuiteId(suite)) throw new UsageError('--suite takes 0, 1 or 2');
  const client = title(v['system-title'], 'system-title');
  const server = title(v['server-system-title'], 'server-system-title');
  return { suite, ek: key(v.ek, 'ek'), ...(v.ak === undefined ? {} : { ak: key(v.ak, 'ak') }), ...(client ? { client } : {}), ...(server ? { server } : {}) };
}

/** Titles an ACSE APDU tells: the client's in an AARQ, the server's in an AARE. */
function learn(k: Keys, apdu: Uint8Array): void {
  const tag = apdu[0];
  if (tag !== 0x60 && tag !== 0x61) return;
  try {
    const pdu = decodePduBytes(apdu);
    if (pdu.type === 'aarq' && pdu.callingApTitle?.length === 8) k.client = pdu.callingApTitle;
    if (pdu.type === 'aare' && pdu.respondingApTitle?.length === 8) k.server = pdu.respondingApTitle;
  } catch (e) {
    if (!isDecodeError(e)) throw e;
  }
}

function channelFor(k: Keys): SecureChannel {
  const params: SecurityParams = {
    suite: k.suite,
    policy: 'authenticated-encrypted',
    clientSystemTitle: k.client ?? new Uint8Array(8),
    blockCipherKey: k.ek,
    ...(k.ak ? { authenticationKey: k.ak } : {}),
  };
  const c = new SecureChannel(params, { counters: memoryCounterStore(), deviceKey: 'decode', link: () => undefined });
  if (k.server) c.serverSystemTitle = k.server;
  return c;
}

/** A function adding the deciphered layer to each record, or undefined when no keys were given. */
export function decipherer(v: DecipherValues): ((r: TraceRecord) => TraceRecord) | undefined {
  const k = keysFrom(v);
  if (!k) return undefined;
  const secrets = [k.ek, ...(k.ak ? [k.ak] : [])];
  return (r) => {
    if (!r.bytes || r.dir === 'event') return r;
    const first = r.bytes[0];
    const framing = first === 0x7e ? 'hdlc' : r.bytes.length >= 8 && first === 0x00 && r.bytes[1] === 0x01 ? 'wrapper' : undefined;
    const apdu = framing ? apduOfFrame(framing, r.bytes) : r.bytes;
    if (!apdu) return r;
    learn(k, apdu);
    const layer = decipheredLayer(channelFor(k), apdu, r.dir);
    return layer ? { ...r, layers: maskLayers([...r.layers, layer], secrets) } : r;
  };
}
