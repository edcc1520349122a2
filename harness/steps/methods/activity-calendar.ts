/**
 * Activity calendar (class 20, Blue Book 4.5.5) activate_passive_calendar (method 1): the passive
 * calendar (attributes 6..9) becomes the active one (2..5). Where the passive calendar equals the
 * active one the activation would not show, so the passive calendar_name is first written with
 * another name (the tariff content stays the same). Restored: the calendar that was active is
 * written into the passive attributes and activated, then the passive calendar read first is
 * written back (docs/decisions/method-behaviours.md).
 */
import type { Data } from '../../../dlms/axdr/data';
import { formatData } from '../../../dlms/axdr/format';
import { type CosemObject, readAccess } from '../../classes/object-list';
import { ExpectationFailure, Inapplicable } from '../../engine/verdict';
import type { StepContext } from '../context';
import { valuesEqual, writeAccess } from '../object-walk-rules';
import { actionResult, getValue, invoke, setValue } from '../object-ops';
import { methodGranted, type MethodBehaviour } from './types';

const ACTIVATE = 1;
const ACTIVE = [2, 3, 4, 5] as const;
/** The passive twin of each active attribute, in the same order. */
const PASSIVE = [6, 7, 8, 9] as const;
const NAMES = ['calendar_name', 'season_profile', 'week_profile_table', 'day_profile_table'] as const;
const RULE = 'Blue Book 4.5.5 (Activity calendar activate_passive_calendar): the passive calendar becomes the active one';
const ZERO: Data = { type: 'integer', value: 0 };

async function readAll(ctx: StepContext, o: CosemObject, ids: readonly number[]): Promise<Data[]> {
  const out: Data[] = [];
  for (const id of ids) {
    const v = await getValue(ctx, o, id);
    if (!v) throw new Inapplicable(`${o.obis}: attribute ${id} not readable here`);
    out.push(v);
  }
  return out;
}

async function writeAll(ctx: StepContext, o: CosemObject, values: readonly Data[]): Promise<string[]> {
  const said: string[] = [];
  for (const [i, v] of values.entries()) said.push(await setValue(ctx, o, PASSIVE[i]!, v));
  return said;
}

/** A calendar name unlike `name`: the harness's mark, so that an activation shows. */
function otherName(name: Data): Data {
  const text = new TextEncoder().encode('dlmsct');
  return name.type === 'octet-string' && valuesEqual(name, { type: 'octet-string', value: text })
    ? { type: 'octet-string', value: new TextEncoder().encode('dlmsct-2') }
    : { type: 'octet-string', value: text };
}

export const CALENDAR_ACTIVATE: MethodBehaviour = {
  name: 'calendar-activate',
  classIds: [20],
  rule: RULE,
  async run(ctx, o, listVersion) {
    if (!methodGranted(o, ACTIVATE)) throw new Inapplicable(`${o.obis}: the object list grants no access to activate_passive_calendar`);
    for (const id of [...ACTIVE, ...PASSIVE]) {
      const mode = o.attributes.find((a) => a.id === id)?.mode ?? 0;
      if (readAccess(listVersion, mode) !== 'plain') throw new Inapplicable(`${o.obis}: attribute ${id} is not readable here`);
      if (id >= PASSIVE[0] && writeAccess(listVersion, mode) !== 'plain')
        throw new Inapplicable(`${o.obis}: not activated, because the passive calendar (attribute ${id}) could not be written back afterwards`);
    }
    const active = await readAll(ctx, o, ACTIVE);
    const passive = await readAll(ctx, o, PASSIVE);
    const target = [...passive];
    let changed = false;
    try {
      if (passive.every((p, i) => valuesEqual(p, active[i]!))) {
        target[0] = otherName(passive[0]!);
        changed = true;
        const said = await setValue(ctx, o, PASSIVE[0], target[0]);
        ctx.note(`the passive calendar equals the active one: calendar_name_passive := ${formatData(target[0])} → ${said}`);
        if (said !== 'success') throw new Inapplicable(`${o.obis}: the passive calendar equals the active one and its name could not be changed (${said})`);
      }
      changed = true;
      const said = actionResult(ctx, await invoke(ctx, o, ACTIVATE, ZERO));
      ctx.note(`activate_passive_calendar → ${said}`);
      if (said !== 'success') throw new ExpectationFailure(RULE, 'activate_passive_calendar, which the object list grants, succeeds', said);
      const now = await readAll(ctx, o, ACTIVE);
      const wrong = now.flatMap((v, i) => (valuesEqual(v, target[i]!) ? [] : [`${NAMES[i]}_active ${formatData(v)}`]));
      if (wrong.length) throw new ExpectationFailure(RULE, 'each active attribute equal to its passive twin after the activation', wrong.join('; '));
    } finally {
      if (changed) {
        const back = await writeAll(ctx, o, active);
        const again = actionResult(ctx, await invoke(ctx, o, ACTIVATE, ZERO));
        const passiveBack = await writeAll(ctx, o, passive);
        ctx.note(
          `restored: the calendar active before written as passive (${back.join(', ')}), activated (${again}), the passive calendar read first written back (${passiveBack.join(', ')})`,
        );
      }
    }
  },
};
