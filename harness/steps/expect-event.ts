/**
 * `expect.event-notification: { obis, class, attribute, type?, within?, as? }` — an
 * event-notification-request (Green Book 9.3.x EventNotification) arrives within `within`
 * milliseconds (default: the profile's response timeout), naming exactly the attribute given,
 * with a value of `type` when given and a time that is absent or a 12-octet date-time. `as`
 * keeps the value, so that a GET of the attribute can be compared with it (`expect.equals`).
 */
import { DATA_TAG } from '../../dlms/axdr/data';
import { ExpectationFailure } from '../engine/verdict';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { caseRule } from './rule';

/** Green Book 9.5 EventNotificationRequest time: OPTIONAL, a 12-octet COSEM date-time when present. */
const DATE_TIME_LENGTH = 12;

defineStep({
  name: 'expect.event-notification',
  description: 'Wait for an event-notification-request and require it to name the attribute given, with a value of the type given',
  schema: {
    type: 'object',
    properties: {
      obis: { type: 'string', format: 'obis', description: 'logical name, A-B:C.D.E.F' },
      class: { type: 'integer', minimum: 0, maximum: 65535, description: 'class_id' },
      attribute: { type: 'integer', minimum: 1, maximum: 127, description: 'attribute index' },
      type: { type: 'string', enum: Object.keys(DATA_TAG), description: 'the type of attribute-value' },
      within: { type: 'integer', minimum: 1, maximum: 600_000, description: 'milliseconds to wait (default: the response timeout)' },
      as: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$', description: 'keep the value under this name' },
    },
    required: ['obis', 'class', 'attribute'],
  },
  async run(ctx, args) {
    const outcome = await ctx.client.receiveNotification(args.within ?? ctx.profile.timeouts.responseMs);
    ctx.last = { op: 'notification', outcome };
    const said = describeOutcome(ctx.last);
    ctx.note(`notification → ${said}`);
    const want = `an event-notification-request for class ${args.class} ${args.obis} attribute ${args.attribute}${args.type ? ` with a ${args.type} value` : ''}`;
    if (outcome.kind !== 'event-notification') throw new ExpectationFailure(caseRule(ctx), want, said);
    const a = outcome.attribute;
    if (a.classId !== args.class || a.obis !== args.obis || a.attribute !== args.attribute || (args.type !== undefined && outcome.value.type !== args.type)) {
      throw new ExpectationFailure(caseRule(ctx), want, `class ${a.classId} ${a.obis} attribute ${a.attribute} with a ${outcome.value.type} value`);
    }
    if (outcome.time !== undefined && outcome.time.length !== DATE_TIME_LENGTH) {
      throw new ExpectationFailure(
        caseRule(ctx),
        'a time absent or of 12 octets (Green Book 9.5 EventNotificationRequest)',
        `a time of ${outcome.time.length} octets`,
      );
    }
    if (args.as) ctx.vars.set(args.as, outcome.value);
  },
});
