/**
 * One GET, SET or ACTION (over SN: READ or WRITE, cosem-access.ts) on an object of the object list, bounded as a step and recorded as the
 * step's last outcome: what the generator steps (the object walk, the method behaviours) do to
 * each object, written once.
 */
import type { ActionOutcome, GetOutcome } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import type { CosemObject } from '../classes/object-list';
import type { StepContext } from './context';
import { getAttribute, invokeMethod, setAttribute } from './cosem-access';
import { boundedStep } from './object-iteration';
import { describeOutcome } from './outcome';

/** GET of one attribute: its data, or undefined (ctx.last says what came instead). */
export async function getValue(ctx: StepContext, o: CosemObject, attribute: number): Promise<Data | undefined> {
  const ref = { classId: o.classId, obis: o.obis, attribute };
  const outcome: GetOutcome = await boundedStep(ctx, getAttribute(ctx, ref), `GET ${o.obis}/${attribute}`);
  ctx.last = { op: 'get', ref, outcome };
  return outcome.kind === 'data' ? outcome.data : undefined;
}

/** SET of one attribute: the data-access-result's name ('success', …), or what came instead. */
export async function setValue(ctx: StepContext, o: CosemObject, attribute: number, value: Data): Promise<string> {
  const ref = { classId: o.classId, obis: o.obis, attribute };
  const outcome = await boundedStep(ctx, setAttribute(ctx, ref, value), `SET ${o.obis}/${attribute}`);
  ctx.last = { op: 'set', ref, outcome };
  return outcome.kind === 'set-result' ? outcome.result : describeOutcome(ctx.last);
}

/** ACTION on one method. */
export async function invoke(ctx: StepContext, o: CosemObject, method: number, parameters: Data | undefined): Promise<ActionOutcome> {
  const ref = { classId: o.classId, obis: o.obis, method };
  const outcome = await boundedStep(ctx, invokeMethod(ctx, ref, parameters), `ACTION ${o.obis}/${method}`);
  ctx.last = { op: 'action', ref, outcome };
  return outcome;
}

/** The action-result's name ('success', …), or what came instead. */
export function actionResult(ctx: StepContext, outcome: ActionOutcome): string {
  return outcome.kind === 'action-result' ? outcome.result : describeOutcome(ctx.last!);
}
