/**
 * `security.get: { obis, class, attribute, protection? }` — a GET in the open ciphered
 * association, protected as the association does or with one deliberate departure (Green Book
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
import { Inconclusive } from '../engine/verdict';
import { describeOutcome } from './outcome';
import { registerStep } from './registry';
import { openSession, rememberCounter } from './security-common';
import { ATTRIBUTE_PROPERTIES, ATTRIBUTE_REQUIRED, attributeRef, type SuiteAttribute } from './attribute-ref';

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

interface SecGetArgs extends SuiteAttribute {
  readonly protection?: Protection;
}

/** A fixed invoke-id for these raw requests: the answer is matched by arrival, one at a time. */
const INVOKE = { invokeId: 1, serviceClass: 'confirmed', priority: 'high' } as const;

function randomKeyLike(length: number, what: string) {
  return keyFromBytes(new Uint8Array(randomBytes(length)), what);
}

registerStep<SecGetArgs>({
  name: 'security.get',
  description: 'GET in the open ciphered association, protected as it is or with one deliberate departure (policy, tag, counter, system title, key, signature)',
  schema: {
    type: 'object',
    properties: {
      ...ATTRIBUTE_PROPERTIES,
      protection: {
        type: 'object',
        description: 'the departure from the association protection',
        properties: {
          policy: { type: 'string', enum: ['none', 'authenticated', 'encrypted', 'authenticated-encrypted'], description: 'the security control of this request' },
          tamper: { type: 'boolean', description: 'flip a bit of the authentication tag' },
          counter: { type: 'string', enum: ['repeat-last', 'lower'], description: 'reuse the last invocation counter, or one below it' },
          systemTitle: { type: 'string', format: 'hex', description: 'carry (and cipher with) this system title (general envelope)' },
          envelope: { type: 'string', enum: ['service-specific', 'general', 'general-ciphering'], description: 'glo-/ded- tags, general-glo/ded-ciphering, or general-ciphering with a key conveyed in its key-info' },
          contentKey: { type: 'string', enum: ['global-key'], description: 'general-ciphering ciphered with the global key, not the key its key-info conveys' },
          dedicated: { type: 'string', enum: ['unagreed-key', 'global-key'], description: 'a ded- APDU with a key never agreed, or with the global key' },
          keys: { type: 'string', enum: ['wrong-ak', 'wrong-ek'] },
          sign: { type: 'boolean', description: 'wrap in general-signing (suites 1, 2)' },
          badSignature: { type: 'boolean', description: 'with a signature that does not verify' },
        },
      },
    },
    required: [...ATTRIBUTE_REQUIRED],
  },
  async run(ctx, args) {
    const session = openSession(ctx, 'security.get');
    const ref = attributeRef(args, ctx.profile);
    const plain = encodeApduBytes({ type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: { classId: ref.classId, instanceId: parseObis(ref.obis), attributeId: ref.attribute } });
    const p = args.protection ?? {};
    const o: Record<string, unknown> = {};
    if (p.policy) o.policy = p.policy;
    if (p.tamper) o.tamper = true;
    if (p.counter) {
      const last = session.lastSentCounter;
      if (last === undefined || (p.counter === 'lower' && last < 1)) throw new Inconclusive('precondition not met: no earlier protected request whose counter could be reused');
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
    const how = Object.keys(p).length ? ` (${Object.entries(p).map(([k, v]) => `${k} ${String(v)}`).join(', ')})` : '';
    ctx.note(`protected GET ${args.obis} class ${args.class} attribute ${args.attribute}${how} → ${describeOutcome(ctx.last)}`);
  },
});
