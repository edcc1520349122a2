/**
 * Reading, writing and invoking an attribute or method named by class, logical name and index,
 * in whichever referencing the open association uses (Green Book 9.3: LN services GET, SET and
 * ACTION; SN services READ and WRITE of short names). The generator steps (object walk, class
 * rules, selective access) go through here, so the same cases run on an LN or an SN association
 * (issue 10 item 7, docs/decisions/short-name-walk.md).
 *
 * Over SN the short name is the object's base name from the Association SN object_list plus
 * 8·(attribute − 1) (Blue Book 4.1.3); a selective access becomes parameterized access with the
 * same selector and parameters (Green Book 9.3, Variable-Access-Specification); a method is a
 * READ of its short name. The answer is
 * given back as the LN outcome it stands for, so every judgement is written once.
 */
import type { ActionOutcome, AttributeRef, GetOutcome, MethodRef, ReadOutcome, SetOutcome, WriteOutcome } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import { HarnessFault, Inapplicable } from '../engine/verdict';
import type { StepContext } from './context';
import { methodNameOffset } from '../../dlms/cosem/catalogue/sn-method-offsets';
import { ATTRIBUTE_STEP, otherOwner, snObjectList, type SnEntry } from './sn-names';

export function speaksSn(ctx: StepContext): boolean {
  return ctx.association?.referencing === 'sn';
}

/** The base name of an object of the current Association SN's object_list. */
async function baseNameOf(ctx: StepContext, classId: number, obis: string): Promise<number> {
  return (await entryOf(ctx, classId, obis)).baseName;
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

/** The entry of an object in the current Association SN's object_list. */
async function entryOf(ctx: StepContext, classId: number, obis: string): Promise<SnEntry> {
  const entry = (await snObjectList(ctx)).find((e) => e.obis === obis && e.classId === classId);
  if (!entry) throw new HarnessFault(`${obis} (class ${classId}) is not in the current association's SN object list`, 'harness', 'SN_OBJECT_UNLISTED');
  return entry;
}

/**
 * The short name of a method: base name + the class's first-method offset + 8·(m − 1) (Blue
 * Book short-name tables, dlms/cosem/catalogue/sn-method-offsets.ts). A class whose offset the
 * table lacks has no known method names: Inapplicable, with the reason.
 */
export async function methodName(ctx: StepContext, ref: Pick<MethodRef, 'classId' | 'obis' | 'method'>): Promise<number> {
  const entry = await entryOf(ctx, ref.classId, ref.obis);
  const offset = methodNameOffset(entry.classId, entry.version, ref.method);
  if (offset.kind === 'unknown') throw new Inapplicable(offset.reason);
  return entry.baseName + offset.offset;
}

/**
 * Over SN, that the short name of a method index the class does not define is not a name of
 * another listed object (objects may be packed, base names close together): asking it would
 * judge that object, not this one. Inapplicable, with the reason, when it may be.
 */
export async function ownMethodName(ctx: StepContext, ref: Pick<MethodRef, 'classId' | 'obis' | 'method'>): Promise<void> {
  if (!speaksSn(ctx)) return;
  const name = await methodName(ctx, ref);
  const entries = await snObjectList(ctx);
  const other = otherOwner(entries, await entryOf(ctx, ref.classId, ref.obis), name);
  if (other) throw new Inapplicable(`the short name of method ${ref.method} (0x${hex(name)}) may be ${other.obis}'s (base name 0x${hex(other.baseName)})`);
}

function hex(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/**
 * ACTION (LN), or over SN a READ of the method's short name (Green Book 9.3: READ invokes a
 * method and returns its result), its invocation parameter carried by parameterized access
 * with selector 0 (docs/decisions/short-name-walk.md). The ReadResponse is given back as the
 * action-result it stands for: data is success (with the data as return data unless null-data),
 * a data-access-error is the action-result of that name.
 */
export async function invokeMethod(ctx: StepContext, ref: MethodRef, parameters: Data | undefined): Promise<ActionOutcome> {
  if (!speaksSn(ctx)) return ctx.client.action(ref, parameters);
  const variableName = await methodName(ctx, ref);
  const outcome = await ctx.client.read([{ variableName, ...(parameters ? { parameterized: { selector: METHOD_SELECTOR, parameter: parameters } } : {}) }]);
  return asActionOutcome(oneResult(outcome));
}

/** Parameterized access to a method carries no selective access: selector 0. */
const METHOD_SELECTOR = 0;

function asActionOutcome(outcome: GetOutcome): ActionOutcome {
  if (outcome.kind === 'data')
    return {
      kind: 'action-result',
      result: 'success',
      blocks: outcome.blocks,
      ...(outcome.data.type === 'null-data' ? {} : { returnData: { kind: 'data', data: outcome.data } }),
    };
  if (outcome.kind === 'data-access-result') return { kind: 'action-result', result: outcome.result, blocks: 0 };
  return outcome;
}
