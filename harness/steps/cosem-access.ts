/**
 * Reading, writing and invoking an attribute or method named by class, logical name and index,
 * in whichever referencing the open association uses (Green Book 9.3: LN services GET, SET and
 * ACTION; SN services READ and WRITE of short names). The generator steps (object walk, class
 * rules, selective access) go through here, so the same cases run on an LN or an SN association
 * (issue 10 item 7, docs/decisions/short-name-walk.md).
 *
 * Over SN the short name is the object's base name from the Association SN object_list plus
 * 8·(attribute − 1) (Blue Book 4.1.3); a selective access becomes parameterized access with the
 * same selector and parameters (Green Book 9.3, Variable-Access-Specification). The answer is
 * given back as the LN outcome it stands for, so every judgement is written once.
 */
import type { ActionOutcome, AttributeRef, GetOutcome, MethodRef, ReadOutcome, SetOutcome, WriteOutcome } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import { HarnessFault, Inapplicable } from '../engine/verdict';
import type { StepContext } from './context';
import { ATTRIBUTE_STEP, snObjectList } from './sn-names';

/** Why a method is not invoked over SN (yet). */
export const SN_METHODS =
  "methods are not invoked over short names yet: the short-name offset of each class's first method is not in the catalogue (docs/decisions/short-name-walk.md)";

export function speaksSn(ctx: StepContext): boolean {
  return ctx.association?.referencing === 'sn';
}

/** The base name of an object of the current Association SN's object_list. */
async function baseNameOf(ctx: StepContext, classId: number, obis: string): Promise<number> {
  const entry = (await snObjectList(ctx)).find((e) => e.obis === obis && e.classId === classId);
  if (!entry) throw new HarnessFault(`${obis} (class ${classId}) is not in the current association's SN object list`, 'harness', 'SN_OBJECT_UNLISTED');
  return entry.baseName;
}

/** The short name of an attribute (Blue Book 4.1.3: base name + 8·(n − 1)). */
export async function attributeName(ctx: StepContext, ref: Pick<AttributeRef, 'classId' | 'obis' | 'attribute'>): Promise<number> {
  return (await baseNameOf(ctx, ref.classId, ref.obis)) + ATTRIBUTE_STEP * (ref.attribute - 1);
}

/** Whether the object can be addressed at all in the open association (SN: it is listed). */
export async function addressable(ctx: StepContext, classId: number, obis: string): Promise<boolean> {
  if (!speaksSn(ctx)) return true;
  return (await snObjectList(ctx)).some((e) => e.obis === obis && e.classId === classId);
}

function oneResult(outcome: ReadOutcome): GetOutcome {
  if (outcome.kind !== 'read') return outcome;
  const [first, ...more] = outcome.results;
  if (!first || more.length)
    return { kind: 'malformed', code: 'SN_RESULT_COUNT', offset: 0, expected: 'a ReadResponse of one result', actual: `${outcome.results.length} results` };
  return first.kind === 'data' ? { kind: 'data', data: first.data, blocks: outcome.blocks } : first;
}

function oneWriteResult(outcome: WriteOutcome): SetOutcome {
  if (outcome.kind !== 'written') return outcome;
  const [first, ...more] = outcome.results;
  if (!first || more.length)
    return { kind: 'malformed', code: 'SN_RESULT_COUNT', offset: 0, expected: 'a WriteResponse of one result', actual: `${outcome.results.length} results` };
  return { kind: 'set-result', result: first.kind === 'success' ? 'success' : first.result, blocks: 0 };
}

/** GET (LN) or READ (SN) of one attribute, with its selective access if any. */
export async function getAttribute(ctx: StepContext, ref: AttributeRef): Promise<GetOutcome> {
  if (!speaksSn(ctx)) return ctx.client.get(ref);
  const variableName = await attributeName(ctx, ref);
  const parameterized = ref.selector && { selector: ref.selector.selector, parameter: ref.selector.parameters };
  return oneResult(await ctx.client.read([{ variableName, ...(parameterized ? { parameterized } : {}) }]));
}

/** SET (LN) or WRITE (SN) of one attribute. */
export async function setAttribute(ctx: StepContext, ref: AttributeRef, value: Data): Promise<SetOutcome> {
  if (!speaksSn(ctx)) return ctx.client.set(ref, value);
  return oneWriteResult(await ctx.client.write([{ variableName: await attributeName(ctx, ref), data: value }]));
}

/**
 * ACTION (LN). Over SN, methods are invoked by READ or WRITE of the method's short name (Green
 * Book 9.3), at an offset each class fixes in its Blue Book clause: the catalogue does not hold
 * those offsets yet, so a method over SN is not invoked, and the check is inapplicable, with the reason.
 */
export async function invokeMethod(ctx: StepContext, ref: MethodRef, parameters: Data | undefined): Promise<ActionOutcome> {
  if (!speaksSn(ctx)) return ctx.client.action(ref, parameters);
  throw new Inapplicable(SN_METHODS);
}
