/**
 * `broadcast.set: { obis, class, attribute, value }` — an unconfirmed SET (Green Book 9.3.1
 * service class unconfirmed) protected with the global broadcast key (security control key-set
 * bit, Green Book 9.2.7.2.3) in the open ciphered association. A broadcast has no one to answer:
 * the server serves it and stays silent, so the outcome for `expect` is silence or what came
 * back instead; a later GET shows whether it was served.
 */
import type { SetOutcome } from '../../client/api';
import { malformed, otherAnswer } from '../../client/outcomes';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { parseObis } from '../../dlms/cosem/obis';
import { decodeApduBytes, encodeApduBytes } from '../../dlms/xdlms/apdu';
import { nameText } from '../../dlms/xdlms/named';
import { Inapplicable } from '../engine/verdict';
import { DATA_LITERAL_SCHEMA, dataOf } from './data-literal';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { openSession, rememberCounter } from './security-common';

/** Invoke-id 1, service class unconfirmed (Green Book 9.3.1): no response is asked for. */
const UNCONFIRMED = { invokeId: 1, serviceClass: 'unconfirmed', priority: 'high' } as const;

defineStep({
  name: 'broadcast.set',
  judged: true,
  description:
    'An unconfirmed SET protected with the global broadcast key in the open ciphered association; the outcome is silence or the answer that came instead',
  schema: {
    type: 'object',
    properties: {
      obis: { type: 'string', format: 'obis', description: 'logical name, A-B:C.D.E.F' },
      class: { type: 'integer', minimum: 0, maximum: 65535, description: 'class_id' },
      attribute: { type: 'integer', minimum: 1, maximum: 127, description: 'attribute index' },
      value: DATA_LITERAL_SCHEMA,
    },
    required: ['obis', 'class', 'attribute', 'value'],
  },
  async run(ctx, args) {
    const session = openSession(ctx, 'broadcast.set');
    const a = ctx.association;
    if (!a?.security?.broadcastKey) throw new Inapplicable(`association ${a?.name ?? '(none)'} has no broadcast key (broadcast.setKey) in the profile`);
    const ref = { classId: args.class, obis: args.obis, attribute: args.attribute };
    const plain = encodeApduBytes({
      type: 'set-request',
      variant: 'normal',
      invokeIdAndPriority: UNCONFIRMED,
      attribute: { classId: ref.classId, instanceId: parseObis(ref.obis), attributeId: ref.attribute },
      value: dataOf(args.value, ctx),
    });
    let outcome: SetOutcome;
    try {
      const answer = await session.exchangeRaw(session.protect(plain, { broadcast: true }));
      if (answer.kind === 'silence') outcome = answer;
      else if (answer.kind === 'malformed') outcome = malformed(answer.error);
      else {
        const apdu = decodeApduBytes(answer.plain);
        outcome =
          apdu.type === 'set-response' && apdu.variant === 'normal'
            ? { kind: 'set-result', result: nameText(apdu.result), blocks: 0 }
            : otherAnswer(apdu, 'no answer');
      }
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      outcome = malformed(e);
    }
    rememberCounter(ctx);
    ctx.last = { op: 'set', ref, outcome };
    ctx.note(`unconfirmed SET ${args.obis} class ${args.class} attribute ${args.attribute} under the broadcast key → ${describeOutcome(ctx.last)}`);
  },
});
