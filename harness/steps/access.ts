/**
 * `access: { items: [{ op: get|set|action, obis, class, attribute|method, value? }], expect: [{ result, data? }] }`
 * — one ACCESS request (Green Book 9.3.x access-request; `access` in the conformance block) with
 * several GET, SET and ACTION items, judged in the step: the response must answer every item,
 * in order, with exactly the result given (a data-access-result or action-result name) and,
 * where `data` is given, exactly that list-of-data entry (null-data for a SET).
 */
import { ACTION_RESULT_NAMES, DATA_ACCESS_RESULT_NAMES, nameOf } from './spec-names';
import type { AccessItem, AccessOutcome } from '../../client/api';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { formatData } from '../../dlms/axdr/format';
import { bytesEqual } from '../../dlms/bytes/hex';
import { ExpectationFailure, HarnessFault } from '../engine/verdict';
import { DATA_LITERAL_SCHEMA, dataOf, type DataLiteral } from './data-literal';
import { defineStep } from './registry';
import { caseRule } from './rule';
import type { StepContext } from './context';

interface SuiteAccessItem {
  readonly op: 'get' | 'set' | 'action';
  readonly obis: string;
  readonly class: number;
  readonly attribute?: number;
  readonly method?: number;
  /** The SET value or the ACTION parameters. */
  readonly value?: DataLiteral;
}

function itemOf(i: SuiteAccessItem, ctx: StepContext): AccessItem {
  const bad = (what: string): never => {
    throw new HarnessFault(`access item ${i.op} ${i.obis}: ${what}`, 'harness', 'SUITE_BAD_ACCESS_ITEM');
  };
  switch (i.op) {
    case 'get':
      return { kind: 'get', ref: { classId: i.class, obis: i.obis, attribute: i.attribute ?? bad('needs attribute') } };
    case 'set':
      return {
        kind: 'set',
        ref: { classId: i.class, obis: i.obis, attribute: i.attribute ?? bad('needs attribute') },
        value: dataOf(i.value ?? bad('needs value'), ctx),
      };
    case 'action':
      return {
        kind: 'action',
        ref: { classId: i.class, obis: i.obis, method: i.method ?? bad('needs method') },
        ...(i.value === undefined ? {} : { parameters: dataOf(i.value, ctx) }),
      };
    default: {
      const never: never = i.op;
      return never;
    }
  }
}

export function describeAccess(o: AccessOutcome): string {
  if (o.kind !== 'access-results')
    return o.kind === 'exception'
      ? `exception-response ${o.stateError}/${o.serviceError}`
      : o.kind === 'malformed'
        ? `malformed (${o.code}): ${o.actual}`
        : o.kind;
  return o.results.map((r, i) => `${i + 1}: ${r.kind} ${r.result} ${formatData(r.data)}`).join('; ');
}

defineStep({
  name: 'access',
  description: 'Send one ACCESS request with several GET/SET/ACTION items and require each item answered exactly as given',
  schema: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            op: { type: 'string', enum: ['get', 'set', 'action'] },
            obis: { type: 'string', format: 'obis', description: 'logical name, A-B:C.D.E.F' },
            class: { type: 'integer', minimum: 0, maximum: 65535, description: 'class_id' },
            attribute: { type: 'integer', minimum: 1, maximum: 127, description: 'attribute index (get, set)' },
            method: { type: 'integer', minimum: 1, maximum: 127, description: 'method index (action)' },
            value: DATA_LITERAL_SCHEMA,
          },
          required: ['op', 'obis', 'class'],
        },
      },
      expect: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            result: nameOf([...new Set([...DATA_ACCESS_RESULT_NAMES, ...ACTION_RESULT_NAMES])], 'data-access-result or action-result name'),
            data: DATA_LITERAL_SCHEMA,
          },
          required: ['result'],
        },
      },
      breakOnError: { type: 'boolean', description: 'set the processing-option bit break-on-error' },
    },
    required: ['items', 'expect'],
  },
  async run(ctx, args) {
    const items = args.items.map((i) => itemOf(i, ctx));
    const outcome = await ctx.client.access(items, { breakOnError: args.breakOnError ?? false });
    // ACCESS is judged here; a following `expect` must not judge an older outcome.
    ctx.last = undefined;
    const said = describeAccess(outcome);
    ctx.note(`ACCESS of ${items.length} items → ${said}`);
    const want = args.expect.map((e, i) => `${i + 1}: ${e.result}${e.data ? ` ${formatData(dataOf(e.data, ctx))}` : ''}`).join('; ');
    if (outcome.kind !== 'access-results' || outcome.results.length !== args.expect.length)
      throw new ExpectationFailure(caseRule(ctx), `${args.expect.length} answers: ${want}`, said);
    for (const [i, e] of args.expect.entries()) {
      const got = outcome.results[i]!;
      const data = e.data === undefined ? undefined : dataOf(e.data, ctx);
      if (got.result !== e.result || (data !== undefined && !bytesEqual(encodeDataBytes(data), encodeDataBytes(got.data)))) {
        throw new ExpectationFailure(
          caseRule(ctx),
          `item ${i + 1}: ${e.result}${data ? ` ${formatData(data)}` : ''}`,
          `item ${i + 1}: ${got.result} ${formatData(got.data)}`,
        );
      }
    }
  },
});
