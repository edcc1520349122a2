/**
 * Limiter (class 71, Blue Book 4.5.9) actions: once the monitored value has been over
 * threshold_active for min_over_threshold_duration, the script actions.action_over_threshold
 * names runs; under it for min_under_threshold_duration, action_under_threshold. threshold_active
 * is moved across the value and back (threshold-crossing.ts says how, and what is read into the
 * clause); the re-reads wait out the minimum duration, and a duration longer than MAX_HOLD_S makes
 * the case inapplicable to that limiter (a case does not hold a meter over its limit for minutes).
 * The emergency profile is limiter-emergency.ts's.
 */
import type { Data } from '../../../dlms/axdr/data';
import { numericValue } from '../../../dlms/axdr/numeric';
import { type CosemObject, readAccess } from '../../classes/object-list';
import { Inapplicable, Inconclusive } from '../../engine/verdict';
import type { StepContext } from '../context';
import { getValue, setValue } from '../object-ops';
import { writeAccess } from '../object-walk-rules';
import { checkCrossings, monitoredOf, scriptPair } from './threshold-crossing';
import type { MethodBehaviour } from './types';

const MONITORED_VALUE = 2;
const THRESHOLD_ACTIVE = 3;
const MIN_OVER_DURATION = 6;
const MIN_UNDER_DURATION = 7;
const ACTIONS = 11;
/** The longest minimum duration the case waits out, in seconds. */
const MAX_HOLD_S = 60;
const MS_PER_S = 1000;
const RULE =
  'Blue Book 4.5.9 (Limiter actions): a value over threshold_active for min_over_threshold_duration runs action_over_threshold, under it for min_under_threshold_duration action_under_threshold';
const READING_CLAUSE = 'Blue Book 4.5.9 (Limiter: the monitored value is compared with threshold_active; threshold_active being written is not named)';

export const LIMITER_ACTION: MethodBehaviour = {
  name: 'limiter-action',
  classIds: [71],
  rule: RULE,
  async run(ctx: StepContext, o: CosemObject, listVersion: number) {
    const mode = (id: number) => o.attributes.find((a) => a.id === id)?.mode ?? 0;
    for (const id of [MONITORED_VALUE, THRESHOLD_ACTIVE, MIN_OVER_DURATION, MIN_UNDER_DURATION, ACTIONS])
      if (readAccess(listVersion, mode(id)) !== 'plain') throw new Inapplicable(`${o.obis}: attribute ${id} is not readable here`);
    if (writeAccess(listVersion, mode(THRESHOLD_ACTIVE)) !== 'plain')
      throw new Inapplicable(`${o.obis}: threshold_active cannot be written here, so no crossing can be made`);
    const definition = await getValue(ctx, o, MONITORED_VALUE);
    const threshold = await getValue(ctx, o, THRESHOLD_ACTIVE);
    const over = numericValue(await getValue(ctx, o, MIN_OVER_DURATION));
    const under = numericValue(await getValue(ctx, o, MIN_UNDER_DURATION));
    const actions = await getValue(ctx, o, ACTIONS);
    if (!threshold || over === undefined || under === undefined || actions?.type !== 'structure')
      throw new Inconclusive(`${o.obis}: threshold_active, the minimum durations or actions could not be read`);
    if (Math.max(over, under) > MAX_HOLD_S)
      throw new Inapplicable(
        `${o.obis}: min_over_threshold_duration ${over} s / min_under_threshold_duration ${under} s: the case waits at most ${MAX_HOLD_S} s`,
      );
    const { objects, ...monitored } = await monitoredOf(ctx, o, definition, listVersion);
    const [up, down] = actions.items;
    const scripts = await scriptPair(ctx, { up, down }, objects, listVersion, new Map<string, Data | undefined>());
    if (typeof scripts === 'string') throw new Inapplicable(`${o.obis}: the actions' scripts cannot be observed and undone here (${scripts})`);
    await checkCrossings(ctx, {
      o,
      label: 'threshold_active',
      threshold,
      setThreshold: (value) => setValue(ctx, o, THRESHOLD_ACTIVE, value),
      ...monitored,
      scripts,
      names: { up: 'action_over_threshold', down: 'action_under_threshold' },
      holdMs: { up: over * MS_PER_S, down: under * MS_PER_S },
      rule: RULE,
      readingClause: READING_CLAUSE,
    });
  },
};
