/**
 * `expect.type: { type }` — the last outcome is data of this type, written in the catalogue's
 * type language (dlms/cosem/catalogue/type-spec.ts: `structure{scaler: integer, unit: enum}`,
 * `array<…>`, `octet-string(date-time)`); every departure is named with its path.
 */
import { isDecodeError } from '../../dlms/bytes';
import { formatData } from '../../dlms/axdr/format';
import { checkType, parseTypeSpec } from '../../dlms/cosem/catalogue/type-spec';
import { ExpectationFailure } from '../engine/verdict';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { caseRule } from './rule';

defineStep({
  name: 'expect.type',
  description: 'Judge the last outcome: data of a type written in the catalogue type language (structure{…}, array<…>, octet-string(date-time), …)',
  schema: {
    type: 'object',
    properties: { type: { type: 'string', description: 'a type-spec, e.g. structure{scaler: integer, unit: enum}' } },
    required: ['type'],
  },
  crossCheck(args) {
    try {
      parseTypeSpec(args.type);
      return undefined;
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      return { path: ['type'], code: 'TYPE_SPEC_BAD_TEXT', expected: `${e.expected} at character ${e.offset}`, actual: e.actual };
    }
  },
  async run(ctx, args) {
    const last = ctx.last;
    if (last?.op !== 'get' || last.outcome.kind !== 'data') {
      throw new ExpectationFailure(caseRule(ctx), `data of type ${args.type}`, last ? describeOutcome(last) : 'no request made yet');
    }
    const problems = checkType(last.outcome.data, parseTypeSpec(args.type));
    if (problems.length)
      throw new ExpectationFailure(
        caseRule(ctx),
        `data of type ${args.type}`,
        `${formatData(last.outcome.data, { maxItems: 6 })} (${problems.slice(0, 3).join('; ')})`,
      );
    ctx.note(`the data is of type ${args.type}`);
  },
});
