/**
 * Clock (class 8, Blue Book 4.5.1) methods and time setting, each restored: SET of time,
 * shift_time, adjust_to_quarter. Times are compared allowing for the time the exchanges took and
 * the one-second resolution of a reading (docs/decisions/method-behaviours.md).
 */
import type { Data } from '../../../dlms/axdr/data';
import { dateTimeFromDate, dateTimeFromOctetString, dateTimeToDate, dateTimeToOctetString, NOT_SPECIFIED_DEVIATION } from '../../../dlms/axdr/datetime';
import { formatData } from '../../../dlms/axdr/format';
import type { CosemObject } from '../../classes/object-list';
import { ExpectationFailure, Inapplicable, Inconclusive } from '../../engine/verdict';
import type { StepContext } from '../context';
import { actionResult, getValue, invoke, setValue } from '../object-ops';
import { methodGranted, type MethodBehaviour } from './types';

const TIME = 2;
const TIME_ZONE = 3;
const ADJUST_TO_QUARTER = 1;
const SHIFT_TIME = 6;
/** A reading has a resolution of one second; two readings, two seconds. */
const RESOLUTION_MS = 2000;
const QUARTER_MS = 15 * 60_000;
const SHIFT_S = 60;
const SET_AHEAD_MS = 120_000;
/** Near a quarter boundary an adjustment to the quarter cannot be told from no adjustment: move away first. */
const NEAR_QUARTER_MS = 30_000;
const AWAY_FROM_QUARTER_S = 300;

interface Reading {
  readonly at: number;
  readonly wall: number;
}

async function timeZoneOf(ctx: StepContext, o: CosemObject): Promise<number> {
  const tz = await getValue(ctx, o, TIME_ZONE);
  return tz?.type === 'long' && tz.value !== NOT_SPECIFIED_DEVIATION ? tz.value : 0;
}

/** The clock's time as an instant, with the wall time of the reading. */
async function readTime(ctx: StepContext, o: CosemObject, timeZone: number): Promise<Reading> {
  const d = await getValue(ctx, o, TIME);
  const wall = Date.now();
  const dt = d?.type === 'octet-string' && d.value.length === 12 ? dateTimeFromOctetString(d.value) : undefined;
  const at = dt && dateTimeToDate(dt, dt.deviation === undefined ? { deviation: timeZone } : {});
  if (!at) throw new Inconclusive(`precondition not met: the time of ${o.obis} could not be read as an instant (${d ? formatData(d) : 'not read'})`);
  return { at: at.getTime(), wall };
}

function timeData(at: number, timeZone: number): Data {
  return { type: 'octet-string', value: dateTimeToOctetString(dateTimeFromDate(new Date(at), timeZone)) };
}

/** Runs ACTION `method`; a refusal makes the behaviour inapplicable to this meter (clock methods are optional). */
async function run(ctx: StepContext, o: CosemObject, method: number, parameter: Data, what: string): Promise<void> {
  if (!methodGranted(o, method)) throw new Inapplicable(`${o.obis}: the object list grants no access to ${what} (method ${method})`);
  const said = actionResult(ctx, await invoke(ctx, o, method, parameter));
  ctx.note(`${what} (${formatData(parameter)}) → ${said}`);
  if (said !== 'success') throw new Inapplicable(`${o.obis}: ${what} refused (${said}); the method is optional (Blue Book 4.5.1)`);
}

async function shift(ctx: StepContext, o: CosemObject, seconds: number, why: string): Promise<void> {
  const said = actionResult(ctx, await invoke(ctx, o, SHIFT_TIME, { type: 'long', value: seconds }));
  ctx.note(`${why}: shift_time ${seconds} s → ${said}`);
}

function within(rule: string, what: string, value: number, low: number, high: number): void {
  if (value < low || value > high) throw new ExpectationFailure(rule, `${what} in ${low / 1000}..${high / 1000} s`, `${value / 1000} s`);
}

const SHIFT_RULE = 'Blue Book 4.5.1 (Clock shift_time): the time is shifted by the number of seconds given';
export const CLOCK_SHIFT_TIME: MethodBehaviour = {
  name: 'clock-shift-time',
  classIds: [8],
  rule: SHIFT_RULE,
  async run(ctx, o) {
    const tz = await timeZoneOf(ctx, o);
    const before = await readTime(ctx, o, tz);
    await run(ctx, o, SHIFT_TIME, { type: 'long', value: SHIFT_S }, 'shift_time');
    try {
      const after = await readTime(ctx, o, tz);
      const elapsed = after.wall - before.wall;
      within(
        SHIFT_RULE,
        `the clock's advance over ${elapsed} ms of exchanges after shift_time ${SHIFT_S} s`,
        after.at - before.at,
        SHIFT_S * 1000 - RESOLUTION_MS,
        SHIFT_S * 1000 + elapsed + RESOLUTION_MS,
      );
    } finally {
      await shift(ctx, o, -SHIFT_S, 'restored');
    }
  },
};

const QUARTER_RULE = 'Blue Book 4.5.1 (Clock adjust_to_quarter): the time is set to the nearest (+/-) quarter of an hour';
export const CLOCK_ADJUST_TO_QUARTER: MethodBehaviour = {
  name: 'clock-adjust-to-quarter',
  classIds: [8],
  rule: QUARTER_RULE,
  async run(ctx, o) {
    const tz = await timeZoneOf(ctx, o);
    let moved = 0;
    let before = await readTime(ctx, o, tz);
    const phase0 = ((before.at % QUARTER_MS) + QUARTER_MS) % QUARTER_MS;
    if (phase0 < NEAR_QUARTER_MS || phase0 > QUARTER_MS - NEAR_QUARTER_MS) {
      await run(ctx, o, SHIFT_TIME, { type: 'long', value: AWAY_FROM_QUARTER_S }, 'shift_time away from the quarter boundary');
      moved += AWAY_FROM_QUARTER_S * 1000;
      before = await readTime(ctx, o, tz);
    }
    try {
      await run(ctx, o, ADJUST_TO_QUARTER, { type: 'integer', value: 0 }, 'adjust_to_quarter');
      const after = await readTime(ctx, o, tz);
      const elapsed = after.wall - before.wall;
      moved += after.at - before.at - elapsed;
      const phase = ((after.at % QUARTER_MS) + QUARTER_MS) % QUARTER_MS;
      const fromQuarter = phase > QUARTER_MS / 2 ? phase - QUARTER_MS : phase;
      within(
        QUARTER_RULE,
        `the time after adjust_to_quarter, from the nearest quarter (the exchanges took ${elapsed} ms)`,
        fromQuarter,
        -RESOLUTION_MS,
        elapsed + RESOLUTION_MS,
      );
    } finally {
      if (Math.abs(moved) >= 1000) await shift(ctx, o, -Math.round(moved / 1000), 'restored (within the 2 s resolution of the readings)');
    }
  },
};

const SET_RULE = 'Blue Book 4.5.1 (Clock time) and Green Book 9.3.7: a SET of time sets the clock';
export const CLOCK_SET: MethodBehaviour = {
  name: 'clock-set',
  classIds: [8],
  rule: SET_RULE,
  async run(ctx, o) {
    const tz = await timeZoneOf(ctx, o);
    const before = await readTime(ctx, o, tz);
    const target = before.at + SET_AHEAD_MS;
    const said = await setValue(ctx, o, TIME, timeData(target, tz));
    ctx.note(`SET time to ${SET_AHEAD_MS / 1000} s ahead → ${said}`);
    if (said === 'read-write-denied') throw new Inapplicable(`${o.obis}: this association may not set the time (${said})`);
    try {
      if (said !== 'success') throw new ExpectationFailure(SET_RULE, 'the SET of time accepted (success)', said);
      const after = await readTime(ctx, o, tz);
      within(
        SET_RULE,
        `the time read after setting it ${SET_AHEAD_MS / 1000} s ahead, from that target`,
        after.at - target,
        -RESOLUTION_MS,
        after.wall - before.wall + RESOLUTION_MS,
      );
    } finally {
      if (said === 'success') {
        const now = await readTime(ctx, o, tz);
        ctx.note(
          `restored: SET time back by ${SET_AHEAD_MS / 1000} s → ${await setValue(ctx, o, TIME, timeData(now.at - SET_AHEAD_MS + (Date.now() - now.wall), tz))}`,
        );
      }
    }
  },
};
