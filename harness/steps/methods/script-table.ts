/**
 * Script table (class 9, Blue Book 4.5.2) execute (method 1): the actions of the script run.
 * Only a script whose effect is observable and can be undone is executed: every action writes an
 * attribute (service_id 1) that this association may read and write, and at least one of them
 * holds another value than the script writes, so that the effect shows. The attributes are read
 * before, the script executed, each read again and compared with the value the script wrote last
 * to it; the values read before are written back afterwards. A script that invokes methods is
 * never executed: what it does cannot be read back nor undone (docs/decisions/method-behaviours.md).
 */
import type { Data } from '../../../dlms/axdr/data';
import { formatData } from '../../../dlms/axdr/format';
import { formatObis } from '../../../dlms/cosem/obis';
import { type CosemObject, readAccess } from '../../classes/object-list';
import { ExpectationFailure, Inapplicable, Inconclusive } from '../../engine/verdict';
import type { StepContext } from '../context';
import { currentObjects } from '../object-iteration';
import { valuesEqual, writeAccess } from '../object-walk-rules';
import { actionResult, getValue, invoke, setValue } from '../object-ops';
import { methodGranted, type MethodBehaviour } from './types';

const SCRIPTS = 2;
const EXECUTE = 1;
/** Blue Book 4.5.2 action_specification service_id 1: write_attribute. */
const WRITE_ATTRIBUTE = 1;
const RULE = 'Blue Book 4.5.2 (Script table execute): the actions of the script are executed';

export interface Write {
  readonly target: CosemObject;
  readonly attribute: number;
  readonly value: Data;
}

export interface Script {
  readonly id: number;
  readonly writes: readonly Write[];
}

/** The script's writes when every action is a write this association can read back and undo, else why not. */
export function writesOf(s: Data, objects: readonly CosemObject[], listVersion: number): Script | string {
  if (s.type !== 'structure') return 'not a structure';
  const [identifier, actions] = s.items;
  if (identifier?.type !== 'long-unsigned' || actions?.type !== 'array') return 'not a script_identifier and actions';
  const writes: Write[] = [];
  for (const a of actions.items) {
    const [service, classId, ln, index, parameter] = a.type === 'structure' ? a.items : [];
    if (service?.type !== 'enum' || service.value !== WRITE_ATTRIBUTE) return `script ${identifier.value} invokes a method`;
    if (classId?.type !== 'long-unsigned' || ln?.type !== 'octet-string' || index?.type !== 'integer' || !parameter)
      return `script ${identifier.value}: an action is not an action_specification`;
    const obis = formatObis(ln.value);
    const target = objects.find((o) => o.obis === obis && o.classId === classId.value);
    const mode = target?.attributes.find((x) => x.id === index.value)?.mode ?? 0;
    if (!target || readAccess(listVersion, mode) !== 'plain' || writeAccess(listVersion, mode) !== 'plain')
      return `script ${identifier.value} writes ${obis}/${index.value}, which this association cannot read and write back`;
    writes.push({ target, attribute: index.value, value: parameter });
  }
  return writes.length ? { id: identifier.value, writes } : `script ${identifier.value} has no action`;
}

const key = (w: Pick<Write, 'target' | 'attribute'>) => `${w.target.obis}/${w.attribute}`;

export const SCRIPT_EXECUTE: MethodBehaviour = {
  name: 'script-execute',
  classIds: [9],
  rule: RULE,
  async run(ctx: StepContext, o: CosemObject, listVersion: number) {
    if (!methodGranted(o, EXECUTE)) throw new Inapplicable(`${o.obis}: the object list grants no access to execute`);
    const scripts = await getValue(ctx, o, SCRIPTS);
    if (scripts?.type !== 'array') throw new Inapplicable(`${o.obis}: scripts not readable here`);
    const objects = await currentObjects(ctx);
    const candidates = scripts.items.map((s) => writesOf(s, objects, listVersion));
    const usable = candidates.filter((c): c is Script => typeof c !== 'string');
    if (usable.length === 0)
      throw new Inapplicable(`${o.obis}: no script only writes attributes this association can read and write back (${candidates.join('; ')})`);
    for (const script of usable) {
      // The value each attribute ends with: the last write to it.
      const last = new Map(script.writes.map((w) => [key(w), w]));
      const before = new Map<string, Data>();
      for (const w of last.values()) {
        const v = await getValue(ctx, w.target, w.attribute);
        if (v) before.set(key(w), v);
      }
      if ([...last.values()].every((w) => before.has(key(w)) && valuesEqual(before.get(key(w))!, w.value))) continue;
      ctx.note(`script ${script.id}: writes ${[...last.values()].map((w) => `${key(w)} := ${formatData(w.value)}`).join(', ')}`);
      try {
        const said = actionResult(ctx, await invoke(ctx, o, EXECUTE, { type: 'long-unsigned', value: script.id }));
        ctx.note(`execute(${script.id}) → ${said}`);
        if (said !== 'success') throw new ExpectationFailure(RULE, `execute(${script.id}), which the object list grants, succeeds`, said);
        for (const w of last.values()) {
          const after = await getValue(ctx, w.target, w.attribute);
          if (!after || !valuesEqual(after, w.value))
            throw new ExpectationFailure(RULE, `${key(w)} reads ${formatData(w.value)} after execute(${script.id})`, after ? formatData(after) : 'not read');
        }
      } finally {
        for (const [k, v] of before) {
          const w = last.get(k)!;
          ctx.note(`restored: SET ${k} to ${formatData(v)} → ${await setValue(ctx, w.target, w.attribute, v)}`);
        }
      }
      return;
    }
    throw new Inconclusive(`${o.obis}: every script that could be undone writes the values the attributes already hold: its effect would not show`);
  },
};
