/**
 * Limiter (class 71, Blue Book 4.5.9) emergency profile: while an emergency profile whose id is in
 * emergency_profile_group_id_list is active (from emergency_activation_time, for
 * emergency_duration seconds), threshold_active is threshold_emergency and
 * emergency_profile_active TRUE; otherwise threshold_active is threshold_normal. The case writes an
 * emergency profile active now (its activation ACTIVATION_LEAD_S before the meter's clock reads,
 * for EMERGENCY_DURATION_S), reads threshold_active and emergency_profile_active, writes the
 * original emergency_profile back and reads them again. Readings (docs/decisions/method-behaviours.md):
 * - a meter may switch after it answered: both reads are repeated, a bounded number of times;
 * - whether writing another profile ends an active one at once or only when its duration runs
 *   out, the text does not say: after the original is written back, threshold_active is re-read
 *   until the written duration has run out (at most EMERGENCY_DURATION_S), a late return noted;
 * - threshold_emergency equal to threshold_normal would show nothing: where it is writable it is
 *   put a hundredth further from the monitored value, else inconclusive; a threshold_emergency
 *   across the monitored value from threshold_normal would run the limiter's scripts: inapplicable.
 * Everything written (emergency_profile, the group id list, threshold_emergency, and
 * threshold_active if it did not come back) is put back; the notes say so.
 */
import type { Data } from '../../../dlms/axdr/data';
import { dateTimeFromDate, dateTimeFromOctetString, dateTimeToDate, dateTimeToOctetString } from '../../../dlms/axdr/datetime';
import { formatData } from '../../../dlms/axdr/format';
import { numericOfType, numericValue } from '../../../dlms/axdr/numeric';
import { type CosemObject, readAccess } from '../../classes/object-list';
import { ExpectationFailure, Inapplicable, Inconclusive } from '../../engine/verdict';
import type { StepContext } from '../context';
import { currentObjects } from '../object-iteration';
import { getValue, setValue } from '../object-ops';
import { valuesEqual, writeAccess } from '../object-walk-rules';
import { monitoredOf } from './threshold-crossing';
import type { MethodBehaviour } from './types';

const MONITORED_VALUE = 2;
const THRESHOLD_ACTIVE = 3;
const THRESHOLD_NORMAL = 4;
const THRESHOLD_EMERGENCY = 5;
const EMERGENCY_PROFILE = 8;
const GROUP_IDS = 9;
const EMERGENCY_PROFILE_ACTIVE = 10;
const CLOCK = 8;
const CLOCK_TIME = 2;
/** The emergency profile written lasts this long: the longest the case may wait for it to end. */
const EMERGENCY_DURATION_S = 60;
/** Its activation is this long before the clock's reading, so that a clock a little ahead of the limiter's time still finds it active. */
const ACTIVATION_LEAD_S = 10;
/** How many reads, within how many response time-outs, a meter that switches after answering gets. */
const SETTLE_READS = 10;
const SETTLE_TIMEOUTS = 10;
/** threshold_emergency is put this fraction of threshold_normal (at least one unit) further from the value, when the two are equal. */
const MARGIN_DIVISOR = 100;
const MS_PER_S = 1000;
/** The group id used when the list is empty and writable. */
const GROUP_ID = 1;
const RULE =
  'Blue Book 4.5.9 (Limiter emergency_profile): while an emergency profile of emergency_profile_group_id_list is active, threshold_active is threshold_emergency and emergency_profile_active TRUE; after it, threshold_normal';
const LATCH_CLAUSE =
  'Blue Book 4.5.9 (Limiter emergency_profile: whether writing another profile ends an active one before its emergency_duration is not said)';

export const LIMITER_EMERGENCY: MethodBehaviour = {
  name: 'limiter-emergency',
  classIds: [71],
  rule: RULE,
  async run(ctx: StepContext, o: CosemObject, listVersion: number) {
    const mode = (id: number) => o.attributes.find((a) => a.id === id)?.mode ?? 0;
    for (const id of [MONITORED_VALUE, THRESHOLD_ACTIVE, THRESHOLD_NORMAL, THRESHOLD_EMERGENCY, EMERGENCY_PROFILE, GROUP_IDS, EMERGENCY_PROFILE_ACTIVE])
      if (readAccess(listVersion, mode(id)) !== 'plain') throw new Inapplicable(`${o.obis}: attribute ${id} is not readable here`);
    if (writeAccess(listVersion, mode(EMERGENCY_PROFILE)) !== 'plain') throw new Inapplicable(`${o.obis}: emergency_profile cannot be written here`);
    const active0 = await getValue(ctx, o, THRESHOLD_ACTIVE);
    const normal = await getValue(ctx, o, THRESHOLD_NORMAL);
    const emergency0 = await getValue(ctx, o, THRESHOLD_EMERGENCY);
    const profile0 = await getValue(ctx, o, EMERGENCY_PROFILE);
    const groups0 = await getValue(ctx, o, GROUP_IDS);
    const flag0 = await getValue(ctx, o, EMERGENCY_PROFILE_ACTIVE);
    if (!active0 || !normal || !emergency0 || !profile0 || groups0?.type !== 'array' || flag0?.type !== 'boolean')
      throw new Inconclusive(`${o.obis}: the thresholds, emergency_profile, the group id list or emergency_profile_active could not be read`);
    if (flag0.value) throw new Inconclusive(`${o.obis}: an emergency profile is active already; the case does not end another's emergency`);
    const clock = (await currentObjects(ctx)).find(
      (x) => x.classId === CLOCK && readAccess(listVersion, x.attributes.find((a) => a.id === CLOCK_TIME)?.mode ?? 0) === 'plain',
    );
    if (!clock) throw new Inapplicable(`${o.obis}: no readable Clock to time an emergency profile by`);

    let emergency = emergency0;
    let groupsWritten = false;
    let emergencyWritten = false;
    let profileWritten = false;
    const write = async (id: number, label: string, value: Data) => {
      const said = await setValue(ctx, o, id, value);
      if (said !== 'success') throw new Inconclusive(`${o.obis}: SET ${label} := ${formatData(value)} → ${said}`);
    };
    try {
      if (valuesEqual(normal, emergency0)) {
        if (writeAccess(listVersion, mode(THRESHOLD_EMERGENCY)) !== 'plain')
          throw new Inconclusive(`${o.obis}: threshold_emergency equals threshold_normal and cannot be written here: a switch would not show`);
        emergency = await apart(ctx, o, normal, listVersion);
        ctx.note(`threshold_emergency := ${formatData(emergency)} (it equalled threshold_normal)`);
        await write(THRESHOLD_EMERGENCY, 'threshold_emergency', emergency);
        emergencyWritten = true;
      } else await sameSide(ctx, o, normal, emergency, listVersion);
      let id = groups0.items.find((g) => g.type === 'long-unsigned');
      if (!id) {
        if (writeAccess(listVersion, mode(GROUP_IDS)) !== 'plain')
          throw new Inapplicable(`${o.obis}: emergency_profile_group_id_list is empty and cannot be written here: no profile can be activated`);
        id = { type: 'long-unsigned', value: GROUP_ID };
        ctx.note(`emergency_profile_group_id_list := [${formatData(id)}] (it was empty)`);
        await write(GROUP_IDS, 'emergency_profile_group_id_list', { type: 'array', items: [id] });
        groupsWritten = true;
      }
      const profile: Data = {
        type: 'structure',
        items: [id, await activationNow(ctx, o, clock), { type: 'double-long-unsigned', value: EMERGENCY_DURATION_S }],
      };
      ctx.note(`emergency_profile := ${formatData(profile)} (active now, for ${EMERGENCY_DURATION_S} s)`);
      await write(EMERGENCY_PROFILE, 'emergency_profile', profile);
      profileWritten = true;
      const written = Date.now();
      const on = await settle(ctx, o, emergency, true, 0);
      if (on) throw new ExpectationFailure(RULE, `threshold_active = ${formatData(emergency)} (threshold_emergency), emergency_profile_active = true`, on);
      ctx.note('threshold_active switched to threshold_emergency, emergency_profile_active TRUE');

      ctx.note(`emergency_profile := ${formatData(profile0)} again (restored)`);
      await write(EMERGENCY_PROFILE, 'emergency_profile', profile0);
      profileWritten = false;
      const started = Date.now();
      const off = await settle(ctx, o, normal, false, Math.max(0, written + EMERGENCY_DURATION_S * MS_PER_S - started));
      if (off)
        throw new ExpectationFailure(
          RULE,
          `threshold_active = ${formatData(normal)} (threshold_normal), emergency_profile_active = false, at the latest when the written profile's duration ran out`,
          off,
        );
      if (Date.now() - started > SETTLE_TIMEOUTS * ctx.profile.timeouts.responseMs)
        ctx.remark(
          `${o.obis}: threshold_active came back to threshold_normal only when the emergency profile's duration ran out, not when it was replaced`,
          LATCH_CLAUSE,
        );
      ctx.note('threshold_active back to threshold_normal, emergency_profile_active FALSE');
    } finally {
      if (profileWritten) ctx.note(`restored: SET emergency_profile to ${formatData(profile0)} → ${await setValue(ctx, o, EMERGENCY_PROFILE, profile0)}`);
      if (groupsWritten) ctx.note(`restored: SET emergency_profile_group_id_list to ${formatData(groups0)} → ${await setValue(ctx, o, GROUP_IDS, groups0)}`);
      if (emergencyWritten)
        ctx.note(`restored: SET threshold_emergency to ${formatData(emergency0)} → ${await setValue(ctx, o, THRESHOLD_EMERGENCY, emergency0)}`);
      const active = await getValue(ctx, o, THRESHOLD_ACTIVE);
      if (active && !valuesEqual(active, active0))
        ctx.note(`restored: SET threshold_active to ${formatData(active0)} → ${await setValue(ctx, o, THRESHOLD_ACTIVE, active0)}`);
    }
  },
};

/** Reads threshold_active and emergency_profile_active until they are `threshold` and `flag`, for at least `atLeastMs` and a bounded number of reads; what was read instead when they do not come. */
async function settle(ctx: StepContext, o: CosemObject, threshold: Data, flag: boolean, atLeastMs: number): Promise<string | undefined> {
  const started = Date.now();
  const until = started + atLeastMs + SETTLE_TIMEOUTS * ctx.profile.timeouts.responseMs;
  for (let n = 1; ; n++) {
    const t = await getValue(ctx, o, THRESHOLD_ACTIVE);
    const f = await getValue(ctx, o, EMERGENCY_PROFILE_ACTIVE);
    if (t && valuesEqual(t, threshold) && f?.type === 'boolean' && f.value === flag) {
      if (n > 1) ctx.note(`it showed at read ${n}`);
      return undefined;
    }
    const now = Date.now();
    if (now >= until || (n >= SETTLE_READS && now >= started + atLeastMs))
      return `threshold_active = ${t ? formatData(t) : 'not read'}, emergency_profile_active = ${f ? formatData(f) : 'not read'}`;
  }
}

/** The monitored value, as a number, or inconclusive. */
async function valueOf(ctx: StepContext, o: CosemObject, listVersion: number): Promise<number> {
  const m = await monitoredOf(ctx, o, await getValue(ctx, o, MONITORED_VALUE), listVersion);
  const v = numericValue(await getValue(ctx, m.monitored, m.attribute));
  if (v === undefined) throw new Inconclusive(`${o.obis}: the monitored value is not a number`);
  return v;
}

/** threshold_normal moved a hundredth (at least one unit) further from the monitored value. */
async function apart(ctx: StepContext, o: CosemObject, normal: Data, listVersion: number): Promise<Data> {
  const v = await valueOf(ctx, o, listVersion);
  const n = numericValue(normal);
  if (n === undefined || n === v) throw new Inconclusive(`${o.obis}: threshold_normal is not a number, or equals the monitored value`);
  const moved = numericOfType(normal, n + (n > v ? 1 : -1) * Math.max(1, Math.floor(Math.abs(n) / MARGIN_DIVISOR)));
  if (!moved) throw new Inconclusive(`${o.obis}: threshold_normal's type cannot hold a threshold further from the value`);
  return moved;
}

/** Inapplicable when activating threshold_emergency would take threshold_active across the monitored value (the scripts would run). */
async function sameSide(ctx: StepContext, o: CosemObject, normal: Data, emergency: Data, listVersion: number): Promise<void> {
  const v = await valueOf(ctx, o, listVersion);
  const n = numericValue(normal);
  const e = numericValue(emergency);
  if (n === undefined || e === undefined) throw new Inconclusive(`${o.obis}: threshold_normal or threshold_emergency is not a number`);
  if (n === v || e === v || n > v !== e > v)
    throw new Inapplicable(
      `${o.obis}: threshold_emergency ${e} and threshold_normal ${n} are not on one side of the monitored value ${v}: activating it would run the limiter's scripts`,
    );
}

/** The clock's reading less ACTIVATION_LEAD_S, as a date-time of the clock's deviation (unspecified kept unspecified). */
async function activationNow(ctx: StepContext, o: CosemObject, clock: CosemObject): Promise<Data> {
  const read = await getValue(ctx, clock, CLOCK_TIME);
  if (read?.type !== 'octet-string') throw new Inconclusive(`${o.obis}: the clock ${clock.obis} could not be read`);
  let at: Uint8Array | undefined;
  try {
    const dt = dateTimeFromOctetString(read.value);
    const now = dateTimeToDate(dt, { deviation: dt.deviation ?? 0 });
    if (now) {
      const start = dateTimeFromDate(new Date(now.getTime() - ACTIVATION_LEAD_S * MS_PER_S), dt.deviation ?? 0);
      at = dateTimeToOctetString({ ...start, deviation: dt.deviation, clockStatus: undefined });
    }
  } catch {
    at = undefined;
  }
  if (!at) throw new Inconclusive(`${o.obis}: the clock ${clock.obis} read ${formatData(read)}, not a date-time the case can count from`);
  return { type: 'octet-string', value: at };
}
