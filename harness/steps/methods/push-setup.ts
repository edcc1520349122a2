/**
 * Push setup (class 40, Blue Book 4.4.8) push (method 1): the data-notification that follows
 * carries, in order, the value of every attribute push_object_list names. The harness reads each
 * attribute just before the push and just after the notification: a value that did not change
 * between the two readings must be pushed as read; one that changed (a living register) must be
 * pushed with the type read. An attribute this association cannot read, or an entry naming all
 * attributes (attribute_index 0) or one element (data_index above 0), is counted, not compared.
 * Nothing to restore: a push changes no attribute. Only where the profile says the meter pushes to
 * the connection that asks (features: push, the CTI's CanPush).
 */
import type { Data } from '../../../dlms/axdr/data';
import { formatData } from '../../../dlms/axdr/format';
import { formatObis } from '../../../dlms/cosem/obis';
import { readAccess } from '../../classes/object-list';
import { numberOf } from '../../classes/semantics/types';
import { ExpectationFailure, Inapplicable } from '../../engine/verdict';
import { valuesEqual } from '../object-walk-rules';
import { actionResult, getValue, invoke } from '../object-ops';
import { describeOutcome } from '../outcome';
import { methodGranted, type MethodBehaviour } from './types';

const PUSH_OBJECT_LIST = 2;
const PUSH = 1;
const RULE = 'Blue Book 4.4.8 (Push setup push): the data-notification carries the attributes of push_object_list, in order';

interface Captured {
  readonly classId: number;
  readonly obis: string;
  readonly attribute: number;
  readonly dataIndex: number;
}

function capturedOf(d: Data): Captured | undefined {
  if (d.type !== 'structure') return undefined;
  const [c, ln, a, i] = d.items;
  const classId = numberOf(c);
  const attribute = numberOf(a);
  if (classId === undefined || ln?.type !== 'octet-string' || ln.value.length !== 6 || attribute === undefined) return undefined;
  return { classId, obis: formatObis(ln.value), attribute, dataIndex: numberOf(i) ?? 0 };
}

export const PUSH_CONTENT: MethodBehaviour = {
  name: 'push-content',
  classIds: [40],
  rule: RULE,
  async run(ctx, o, listVersion) {
    if (!ctx.profile.features['push']) throw new Inapplicable('the profile does not say the meter pushes to the connection that asks (features: push)');
    if (!methodGranted(o, PUSH)) throw new Inapplicable(`${o.obis}: the object list grants no access to push`);
    if (readAccess(listVersion, o.attributes.find((a) => a.id === PUSH_OBJECT_LIST)?.mode ?? 0) !== 'plain')
      throw new Inapplicable(`${o.obis}: push_object_list is not readable here`);
    const list = await getValue(ctx, o, PUSH_OBJECT_LIST);
    if (list?.type !== 'array') throw new ExpectationFailure(RULE, 'push_object_list, an array', list ? formatData(list) : 'not read');
    const entries = list.items.map(capturedOf);
    const read = async (e: Captured | undefined) =>
      e && e.attribute > 0 && e.dataIndex === 0 ? getValue(ctx, { ...o, classId: e.classId, obis: e.obis, attributes: [] }, e.attribute) : undefined;
    const before: (Data | undefined)[] = [];
    for (const e of entries) before.push(await read(e));
    const said = actionResult(ctx, await invoke(ctx, o, PUSH, { type: 'integer', value: 0 }));
    ctx.note(`push → ${said}`);
    if (said !== 'success') throw new ExpectationFailure(RULE, 'push, which the object list grants, succeeds', said);
    const outcome = await ctx.client.receiveNotification(ctx.profile.timeouts.responseMs);
    ctx.last = { op: 'notification', outcome };
    if (outcome.kind !== 'data-notification') throw new ExpectationFailure(RULE, 'a data-notification after push', describeOutcome(ctx.last));
    const body = outcome.body;
    ctx.note(`pushed: ${formatData(body)}`);
    if ((body.type !== 'structure' && body.type !== 'array') || body.items.length !== entries.length)
      throw new ExpectationFailure(RULE, `a structure of ${entries.length} element(s), one per entry of push_object_list`, formatData(body));
    const after: (Data | undefined)[] = [];
    for (const e of entries) after.push(await read(e));
    let compared = 0;
    for (const [i, e] of entries.entries()) {
      const b = before[i];
      const a = after[i];
      const pushed = body.items[i]!;
      if (!e || !b || !a) continue;
      compared += 1;
      const where = `element ${i + 1} (${e.obis}/${e.attribute})`;
      if (valuesEqual(a, b) && !valuesEqual(pushed, b))
        throw new ExpectationFailure(RULE, `${where}: ${formatData(b)}, as read before and after`, formatData(pushed));
      if (pushed.type !== b.type) throw new ExpectationFailure(RULE, `${where}: a value of type ${b.type}, as read`, formatData(pushed));
    }
    ctx.note(`${compared} of ${entries.length} pushed value(s) compared with the attribute read`);
  },
};
