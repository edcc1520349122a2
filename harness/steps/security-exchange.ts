/**
 * `get: { obis, class, attribute, protection }` — a GET in the open ciphered association
 * (get.ts comes here when `protection:` is given), protected as the association does or with one
 * deliberate departure (Green Book
 * 9.2.7.2): less protection than the policy, a tampered tag, general-ciphering with another key than its key-info conveys, a replayed or lowered invocation
 * counter, another system title, a dedicated key that was never agreed, wrong keys, a broken
 * signature. The answer, deciphered and checked, becomes the last outcome for `expect`.
 */
import { randomBytes } from 'node:crypto';
import type { GetOutcome } from '../../client/api';
import type { ProtectOverrides } from '../../client/security-context';
import { malformed, otherAnswer } from '../../client/outcomes';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { fromHex } from '../../dlms/bytes/hex';
import { parseObis } from '../../dlms/cosem/obis';
import type { SecurityPolicy } from '../../dlms/security/control';
import { keyFromBytes } from '../../dlms/security/key';
import { decodeApduBytes, encodeApduBytes } from '../../dlms/xdlms/apdu';
import { nameText } from '../../dlms/xdlms/named';
import { HarnessFault, Inconclusive } from '../engine/verdict';
import { typedSchema } from '../yaml/from-schema';
import type { StepContext } from './context';
import { describeOutcome } from './outcome';
import { openSession, rememberCounter } from './security-common';
import { attributeRef, type SuiteAttribute } from './attribute-ref';

interface Protection {
  readonly policy?: SecurityPolicy;
  readonly tamper?: boolean;
  readonly counter?: 'repeat-last' | 'lower';
  readonly systemTitle?: string;
  readonly envelope?: 'service-specific' | 'general' | 'general-ciphering';
  /** general-ciphering: cipher with the global key, not the key the key-info conveys. */
  readonly contentKey?: 'global-key';
  /** ded- APDU: with a random key that was never agreed, or with the global key. */
  readonly dedicated?: 'unagreed-key' | 'global-key';
  readonly keys?: 'wrong-ak' | 'wrong-ek';
  readonly sign?: boolean;
  readonly badSignature?: boolean;
}

/** A fixed invoke-id for these raw requests: the answer is matched by arrival, one at a time. */
const INVOKE = { invokeId: 1, serviceClass: 'confirmed', priority: 'high' } as const;

function randomKeyLike(length: number, what: string) {
  return keyFromBytes(new Uint8Array(randomBytes(length)), what);
}

export type ProtectionArg = 'global' | 'dedicated' | 'general' | 'none' | Protection;

/**
 * `protection:` on a request: how it is protected in the open ciphered association. A word: `global`
 * or `dedicated` (glo-/ded- APDUs with the association's keys, as it agreed them), `general`
 * (general-glo/ded-ciphering), `none` (sent unprotected, below the policy); or the departures
 * from the association's protection, one by one (policy, tag, counter, system title, key, signature).
 */
export const PROTECTION_SCHEMA = typedSchema<ProtectionArg>({
  anyOf: [
    {
      type: 'string',
      enum: ['global', 'dedicated', 'general', 'none'],
      description: 'glo-/ded- APDUs with the association keys, general-ciphering, or unprotected',
    },
    {
      type: 'object',
      description: 'the departure from the association protection',
      properties: {
        policy: {
          type: 'string',
          enum: ['none', 'authenticated', 'encrypted', 'authenticated-encrypted'],
          description: 'the security control of this request',
        },
        tamper: { type: 'boolean', description: 'flip a bit of the authentication tag' },
        counter: { type: 'string', enum: ['repeat-last', 'lower'], description: 'reuse the last invocation counter, or one below it' },
        systemTitle: { type: 'string', format: 'hex', description: 'carry (and cipher with) this system title (general envelope)' },
        envelope: {
          type: 'string',
          enum: ['service-specific', 'general', 'general-ciphering'],
          description: 'glo-/ded- tags, general-glo/ded-ciphering, or general-ciphering with a key conveyed in its key-info',
        },
        contentKey: { type: 'string', enum: ['global-key'], description: 'general-ciphering ciphered with the global key, not the key its key-info conveys' },
        dedicated: { type: 'string', enum: ['unagreed-key', 'global-key'], description: 'a ded- APDU with a key never agreed, or with the global key' },
        keys: { type: 'string', enum: ['wrong-ak', 'wrong-ek'] },
        sign: { type: 'boolean', description: 'wrap in general-signing (suites 1, 2)' },
        badSignature: { type: 'boolean', description: 'with a signature that does not verify' },
      },
    },
  ],
});

function departures(p: ProtectionArg, session: { readonly dedicated: boolean }): Protection {
  switch (p) {
    case 'none':
      return { policy: 'none' };
    case 'general':
      return { envelope: 'general' };
    case 'global':
    case 'dedicated':
      if ((p === 'dedicated') !== session.dedicated) {
        throw new HarnessFault(
          `protection: ${p}, but the association ${session.dedicated ? 'agreed a dedicated key (ded- APDUs)' : 'agreed no dedicated key (glo- APDUs)'}`,
          'harness',
          'PROTECTION_NOT_AGREED',
        );
      }
      return {};
    default:
      return p;
  }
}

/** A GET protected as `protection` says, in the open ciphered association; the answer, deciphered and checked, becomes the last outcome. */
export async function protectedGet(ctx: StepContext, args: SuiteAttribute, protection: ProtectionArg): Promise<void> {
  const session = openSession(ctx, 'a protected get');
  const ref = attributeRef(args, ctx.profile);
  const plain = encodeApduBytes({
    type: 'get-request',
    variant: 'normal',
    invokeIdAndPriority: INVOKE,
    attribute: { classId: ref.classId, instanceId: parseObis(ref.obis), attributeId: ref.attribute },
  });
  const p = departures(protection, session);
  const o: Record<string, unknown> = {};
  if (p.policy) o.policy = p.policy;
  if (p.tamper) o.tamper = true;
  if (p.counter) {
    const last = session.lastSentCounter;
    if (last === undefined || (p.counter === 'lower' && last < 1))
      throw new Inconclusive('precondition not met: no earlier protected request whose counter could be reused');
    o.invocationCounter = p.counter === 'repeat-last' ? last : last - 1;
  }
  if (p.systemTitle) {
    o.systemTitle = fromHex(p.systemTitle);
    o.envelope = 'general';
  }
  if (p.envelope) o.envelope = p.envelope;
  if (p.contentKey) {
    o.envelope = 'general-ciphering';
    o.unconveyedKey = true;
  }
  if (p.dedicated) {
    o.dedicated = true;
    o.dedicatedKey = p.dedicated === 'global-key' ? undefined : randomKeyLike(session.suite.keyLength, 'a dedicated key never agreed');
    o.globalAsDedicated = p.dedicated === 'global-key';
  }
  if (p.keys === 'wrong-ak') o.authenticationKey = randomKeyLike(session.suite.keyLength, 'a deliberately wrong authentication key');
  if (p.keys === 'wrong-ek') o.blockCipherKey = randomKeyLike(session.suite.keyLength, 'a deliberately wrong block cipher key');
  if (p.sign || p.badSignature) o.sign = true;
  if (p.badSignature) o.badSignature = true;
  let outcome: GetOutcome;
  try {
    const answer = await session.exchangeRaw(session.protect(plain, o as ProtectOverrides));
    if (answer.kind === 'silence') outcome = answer;
    else if (answer.kind === 'malformed') outcome = malformed(answer.error);
    else {
      const apdu = decodeApduBytes(answer.plain);
      if (apdu.type === 'get-response' && apdu.variant === 'normal') {
        const r = apdu.result;
        outcome = r.kind === 'data' ? { kind: 'data', data: r.data, blocks: 0 } : { kind: 'data-access-result', result: nameText(r.result) };
      } else outcome = otherAnswer(apdu, 'get-response');
    }
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    outcome = malformed(e);
  }
  rememberCounter(ctx);
  ctx.last = { op: 'get', ref, outcome };
  const how = Object.keys(p).length
    ? ` (${Object.entries(p)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')})`
    : '';
  ctx.note(`protected GET ${args.obis} class ${args.class} attribute ${args.attribute}${how} → ${describeOutcome(ctx.last)}`);
}
