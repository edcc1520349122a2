/**
 * `expect.notification: { within?, bodyType?, items? | itemsOf?, dateTime? }` — a pushed data-notification
 * (Green Book 9.3.x DataNotification; Blue Book 4.4.8 Push setup) arrives within `within`
 * milliseconds (default: the profile's response timeout) and decodes: a long-invoke-id, a
 * date-time that is empty or 12 octets, and a body of the type given, with `items` elements when
 * it is a structure or array. Over HDLC the client polls with an empty UI frame first.
 */
import { DATA_TAG } from '../../dlms/axdr/data';
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import type { StepContext } from './context';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import type { Schema } from '../yaml/schema';
import { caseRule } from './rule';

/** Green Book 9.5 Data-Notification date-time: an OCTET STRING, empty or a 12-octet COSEM date-time. */
const DATE_TIME_LENGTH = 12;

function keptLength(ctx: StepContext, name: string): number {
  const kept = ctx.vars.get(name);
  if (kept?.type !== 'array' && kept?.type !== 'structure')
    throw new HarnessFault(`itemsOf: no array kept under "${name}" (an earlier step must say as: ${name})`, 'harness', 'SUITE_UNKNOWN_VAR');
  return kept.items.length;
}

const NOTIFICATION_SCHEMA = {
  type: 'object',
  properties: {
    within: { type: 'integer', minimum: 1, maximum: 600_000, description: 'milliseconds to wait (default: the response timeout)' },
    bodyType: { type: 'string', enum: Object.keys(DATA_TAG) },
    items: { type: 'integer', minimum: 0, maximum: 65535, description: 'elements of a structure or array body' },
    itemsOf: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'as many elements as the array kept under this name (`as:`)' },
    dateTime: { type: 'string', enum: ['present', 'absent', 'any'], description: 'the date-time field: 12 octets, empty, or either (default)' },
  },
} as const satisfies Schema;

defineStep({
  name: 'expect.notification',
  description: 'Wait for a pushed data-notification and check that it decodes, with the body type and size given',
  schema: NOTIFICATION_SCHEMA,
  async run(ctx, args) {
    const items = args.itemsOf === undefined ? args.items : keptLength(ctx, args.itemsOf);
    const outcome = await ctx.client.receiveNotification(args.within ?? ctx.profile.timeouts.responseMs);
    ctx.last = { op: 'notification', outcome };
    const said = describeOutcome(ctx.last);
    ctx.note(`notification → ${said}`);
    const want = `a data-notification${args.bodyType ? ` with a ${args.bodyType} body` : ''}${items !== undefined ? ` of ${items} elements` : ''}`;
    const fail = (expected: string): never => {
      throw new ExpectationFailure(caseRule(ctx), expected, said);
    };
    if (outcome.kind !== 'data-notification') fail(want);
    if (outcome.kind !== 'data-notification') return;
    const n = outcome.dateTime.length;
    if (n !== 0 && n !== DATE_TIME_LENGTH) fail('a date-time of 0 or 12 octets (Green Book 9.5 Data-Notification)');
    if (args.dateTime === 'present' && n !== DATE_TIME_LENGTH) fail('a 12-octet date-time');
    if (args.dateTime === 'absent' && n !== 0) fail('an empty date-time');
    if (args.bodyType && outcome.body.type !== args.bodyType) fail(want);
    if (items !== undefined) {
      const body = outcome.body;
      if ((body.type !== 'structure' && body.type !== 'array') || body.items.length !== items) fail(want);
    }
  },
});
