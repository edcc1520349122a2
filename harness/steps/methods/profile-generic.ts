/**
 * Profile generic (class 7, Blue Book 4.3.6) capture (method 2): one entry is added. Below
 * profile_entries, entries_in_use grows by one; in a full FIFO or LIFO profile the newest entry
 * (the last, or the first) is a new one, read by entry selection. A capture cannot be undone (the
 * entry stays until the profile's own captures push it out): the report says so.
 *
 * reset (method 1) empties the buffer for good: it runs only on a profile the profile file names
 * in `resettableProfiles` (the owner's consent), then the buffer must be empty, entries_in_use 0,
 * and a capture afterwards must add exactly one entry (docs/decisions/method-behaviours.md).
 */
import { formatData } from '../../../dlms/axdr/format';
import { ACCESS_SELECTOR, entryDescriptorToData } from '../../../dlms/cosem/selective-access';
import { ExpectationFailure, Inapplicable } from '../../engine/verdict';
import { boundedStep } from '../object-iteration';
import { numberOf } from '../../classes/semantics/types';
import { formatObis, parseObis } from '../../../dlms/cosem/obis';
import type { CosemObject } from '../../classes/object-list';
import type { StepContext } from '../context';
import { actionResult, getValue, invoke } from '../object-ops';
import { methodGranted, type MethodBehaviour } from './types';

const BUFFER = 2;
const ENTRIES_IN_USE = 7;
const PROFILE_ENTRIES = 8;
const SORT_METHOD = 5;
const FIFO = 1;
const LIFO = 2;
const RESET = 1;
const CAPTURE = 2;
const CAPTURE_RULE = 'Blue Book 4.3.6 (Profile generic capture): one entry is added to the buffer';
const RESET_RULE = 'Blue Book 4.3.6 (Profile generic reset): the buffer is cleared, entries_in_use becomes 0';

/** The newest entry (by the sort method), encoded, or undefined where it cannot be read by entry selection. */
async function newest(ctx: StepContext, o: CosemObject, inUse: number, sort: number | undefined): Promise<string | undefined> {
  const buffer = o.attributes.find((a) => a.id === BUFFER);
  if (!buffer?.selectors.includes(ACCESS_SELECTOR.entry) || inUse === 0 || (sort !== FIFO && sort !== LIFO)) return undefined;
  const entry = sort === FIFO ? inUse : 1;
  const ref = {
    classId: o.classId,
    obis: o.obis,
    attribute: BUFFER,
    selector: {
      selector: ACCESS_SELECTOR.entry,
      parameters: entryDescriptorToData({ fromEntry: entry, toEntry: entry, fromSelectedValue: 1, toSelectedValue: 0 }),
    },
  };
  const outcome = await boundedStep(ctx, ctx.client.get(ref), `GET ${o.obis}/2 entry ${entry}`);
  ctx.last = { op: 'get', ref, outcome };
  return outcome.kind === 'data' ? formatData(outcome.data) : undefined;
}

async function entries(ctx: StepContext, o: CosemObject): Promise<{ inUse: number; max: number }> {
  const inUse = numberOf(await getValue(ctx, o, ENTRIES_IN_USE));
  const max = numberOf(await getValue(ctx, o, PROFILE_ENTRIES));
  if (inUse === undefined || max === undefined) throw new Inapplicable(`${o.obis}: entries_in_use or profile_entries not readable`);
  return { inUse, max };
}

async function call(ctx: StepContext, o: CosemObject, method: number, name: string): Promise<string> {
  if (!methodGranted(o, method)) throw new Inapplicable(`${o.obis}: the object list grants no access to ${name}`);
  const said = actionResult(ctx, await invoke(ctx, o, method, { type: 'integer', value: 0 }));
  ctx.note(`${name} → ${said}`);
  return said;
}

export const PROFILE_CAPTURE: MethodBehaviour = {
  name: 'profile-capture',
  classIds: [7],
  rule: CAPTURE_RULE,
  async run(ctx, o) {
    const before = await entries(ctx, o);
    const sort = numberOf(await getValue(ctx, o, SORT_METHOD));
    const newestBefore = await newest(ctx, o, before.inUse, sort);
    const said = await call(ctx, o, CAPTURE, 'capture');
    ctx.note("not restored: a captured entry cannot be removed; the profile's own captures push it out in time");
    if (said !== 'success') throw new ExpectationFailure(CAPTURE_RULE, 'capture, which the object list grants, succeeds', said);
    const after = await entries(ctx, o);
    ctx.note(`entries_in_use ${before.inUse} before, ${after.inUse} after (profile_entries ${after.max})`);
    const want = Math.min(before.inUse + 1, before.max);
    if (after.inUse < want)
      throw new ExpectationFailure(
        CAPTURE_RULE,
        `entries_in_use at least ${want} after a capture (was ${before.inUse}, at most ${before.max})`,
        String(after.inUse),
      );
    if (before.inUse < before.max) return;
    // Full: entries_in_use cannot grow; the newest entry must be a new one.
    const newestAfter = await newest(ctx, o, after.inUse, sort);
    if (newestBefore === undefined || newestAfter === undefined)
      return ctx.note('the profile is full and its newest entry cannot be read by entry selection: only entries_in_use checked');
    if (newestAfter === newestBefore)
      throw new ExpectationFailure(CAPTURE_RULE, 'a new newest entry after a capture of a full profile', `the same newest entry: ${newestAfter}`);
  },
};

/** Whether the profile file names `o` as resettable (OBIS compared by value, so 1-0:99.01.0.255 names 1-0:99.1.0.255). */
function resettable(ctx: StepContext, o: CosemObject): boolean {
  return (ctx.profile.resettableProfiles ?? []).some((text) => formatObis(parseObis(text)) === o.obis);
}

async function bufferRows(ctx: StepContext, o: CosemObject): Promise<string> {
  const buffer = await getValue(ctx, o, BUFFER);
  if (buffer === undefined) throw new Inapplicable(`${o.obis}: the buffer is not readable in this association`);
  return buffer.type === 'array' ? `${buffer.items.length} row(s)` : `not an array: ${formatData(buffer, { maxItems: 2 })}`;
}

export const PROFILE_RESET: MethodBehaviour = {
  name: 'profile-reset',
  classIds: [7],
  rule: RESET_RULE,
  async run(ctx, o) {
    if (!resettable(ctx, o))
      throw new Inapplicable(`${o.obis}: the profile does not name it in resettableProfiles; the entries a reset clears could not be put back`);
    if (!methodGranted(o, CAPTURE))
      throw new Inapplicable(`${o.obis}: the object list grants no access to capture, which shows the reset profile still records`);
    const before = await entries(ctx, o);
    const said = await call(ctx, o, RESET, 'reset');
    ctx.note(`not restored: the ${before.inUse} entries reset cleared cannot be put back (the profile names ${o.obis} resettable)`);
    if (said !== 'success') throw new ExpectationFailure(RESET_RULE, 'reset, which the object list grants, succeeds', said);
    const cleared = await entries(ctx, o);
    const rows = await bufferRows(ctx, o);
    ctx.note(`after reset: entries_in_use ${cleared.inUse}, buffer ${rows}`);
    if (cleared.inUse !== 0) throw new ExpectationFailure(RESET_RULE, 'entries_in_use 0 after reset', String(cleared.inUse));
    if (rows !== '0 row(s)') throw new ExpectationFailure(RESET_RULE, 'an empty buffer after reset', rows);
    const captured = await call(ctx, o, CAPTURE, 'capture');
    if (captured !== 'success') throw new ExpectationFailure(CAPTURE_RULE, 'capture after reset succeeds', captured);
    const after = await entries(ctx, o);
    const rowsAfter = await bufferRows(ctx, o);
    ctx.note(`after capture: entries_in_use ${after.inUse}, buffer ${rowsAfter}`);
    if (after.inUse !== 1 || rowsAfter !== '1 row(s)')
      throw new ExpectationFailure(
        CAPTURE_RULE,
        'one entry (entries_in_use 1, one buffer row) after a capture of the reset profile',
        `entries_in_use ${after.inUse}, ${rowsAfter}`,
      );
  },
};
