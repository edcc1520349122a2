/**
 * Register monitor (class 21, Blue Book 4.5.6) actions: when the monitored value crosses
 * threshold i upwards the script actions[i].action_up names runs, downwards action_down. The
 * first threshold whose two scripts are usable is moved across the value and back
 * (threshold-crossing.ts says how, and what is read into the clause).
 */
import type { Data } from '../../../dlms/axdr/data';
import { type CosemObject, readAccess } from '../../classes/object-list';
import { Inapplicable, Inconclusive } from '../../engine/verdict';
import type { StepContext } from '../context';
import { getValue, setValue } from '../object-ops';
import { writeAccess } from '../object-walk-rules';
import { checkCrossings, monitoredOf, scriptPair } from './threshold-crossing';
import type { MethodBehaviour } from './types';

const THRESHOLDS = 2;
const MONITORED_VALUE = 3;
const ACTIONS = 4;
const RULE = 'Blue Book 4.5.6 (Register monitor actions): a crossing of threshold i upwards runs the script actions[i].action_up names, downwards action_down';
const READING_CLAUSE =
  'Blue Book 4.5.6 (Register monitor: a script runs when the monitored value crosses a threshold; a threshold written across the value is not named)';

export const REGISTER_MONITOR_ACTION: MethodBehaviour = {
  name: 'register-monitor-action',
  classIds: [21],
  rule: RULE,
  async run(ctx: StepContext, o: CosemObject, listVersion: number) {
    const mode = (id: number) => o.attributes.find((a) => a.id === id)?.mode ?? 0;
    for (const id of [THRESHOLDS, MONITORED_VALUE, ACTIONS])
      if (readAccess(listVersion, mode(id)) !== 'plain') throw new Inapplicable(`${o.obis}: attribute ${id} is not readable here`);
    if (writeAccess(listVersion, mode(THRESHOLDS)) !== 'plain')
      throw new Inapplicable(`${o.obis}: thresholds cannot be written here, so no crossing can be made`);
    const thresholds = await getValue(ctx, o, THRESHOLDS);
    const definition = await getValue(ctx, o, MONITORED_VALUE);
    const actions = await getValue(ctx, o, ACTIONS);
    if (thresholds?.type !== 'array' || actions?.type !== 'array') throw new Inconclusive(`${o.obis}: thresholds or actions could not be read`);
    const { objects, ...monitored } = await monitoredOf(ctx, o, definition, listVersion);
    const tables = new Map<string, Data | undefined>();
    const reasons: string[] = [];
    for (const [i, set] of actions.items.entries()) {
      const [up, down] = set.type === 'structure' ? set.items : [];
      const scripts = await scriptPair(ctx, { up, down }, objects, listVersion, tables);
      if (typeof scripts === 'string') {
        reasons.push(`thresholds[${i}]: ${scripts}`);
        continue;
      }
      if (thresholds.items[i] === undefined) break;
      return checkCrossings(ctx, {
        o,
        label: `thresholds[${i}]`,
        threshold: thresholds.items[i],
        setThreshold: (value) => setValue(ctx, o, THRESHOLDS, { type: 'array', items: thresholds.items.map((x, j) => (j === i ? value : x)) }),
        ...monitored,
        scripts,
        names: { up: `action_up of thresholds[${i}]`, down: `action_down of thresholds[${i}]` },
        rule: RULE,
        readingClause: READING_CLAUSE,
      });
    }
    throw new Inapplicable(
      `${o.obis}: no threshold whose scripts only write attributes this association can read and write back (${reasons.join('; ') || 'no actions'})`,
    );
  },
};
