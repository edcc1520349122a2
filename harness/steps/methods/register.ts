/**
 * Register and Extended register reset (classes 3 and 4, Blue Book 4.3.2 / 4.3.3, method 1):
 * the value goes back to the instance's default. The default is instance specific, so the check
 * is that the value went back — changed, and no larger (a counter restarts) — unless it already
 * was 0 (docs/decisions/method-behaviours.md). Only a register whose value the association may
 * write is reset, so that the value read before can be written back: a billing register that
 * cannot be restored is left alone (inapplicable to it, with the reason).
 */
import type { Data } from '../../../dlms/axdr/data';
import { formatData } from '../../../dlms/axdr/format';
import { readAccess } from '../../classes/object-list';
import { ExpectationFailure, Inapplicable } from '../../engine/verdict';
import { writeAccess } from '../object-walk-rules';
import { actionResult, getValue, invoke, setValue } from '../object-ops';
import { numberOf } from '../../classes/semantics/types';
import { methodGranted, type MethodBehaviour } from './types';

const VALUE = 2;
const RESET = 1;
const RULE = 'Blue Book 4.3.2 (Register reset): the value is set to its default value';

export const REGISTER_RESET: MethodBehaviour = {
  name: 'register-reset',
  classIds: [3, 4],
  rule: RULE,
  async run(ctx, o, listVersion) {
    if (!methodGranted(o, RESET)) throw new Inapplicable(`${o.obis}: the object list grants no access to reset`);
    const access = o.attributes.find((a) => a.id === VALUE)?.mode ?? 0;
    if (readAccess(listVersion, access) !== 'plain') throw new Inapplicable(`${o.obis}: the value is not readable here`);
    if (writeAccess(listVersion, access) !== 'plain')
      throw new Inapplicable(`${o.obis}: not reset, because its value could not be written back afterwards (access_mode ${access})`);
    const before = await getValue(ctx, o, VALUE);
    const n0 = numberOf(before);
    if (!before || n0 === undefined) throw new Inapplicable(`${o.obis}: the value is not a number (${before ? formatData(before) : 'not read'})`);
    const said = actionResult(ctx, await invoke(ctx, o, RESET, { type: 'integer', value: 0 }));
    ctx.note(`reset → ${said}`);
    if (said !== 'success') throw new ExpectationFailure(RULE, 'reset, which the object list grants, succeeds', said);
    let after: Data | undefined;
    try {
      after = await getValue(ctx, o, VALUE);
      const n1 = numberOf(after);
      ctx.note(`value ${formatData(before)} before the reset, ${after ? formatData(after) : 'not read'} after`);
      if (n1 === undefined || (n0 !== 0 && (n1 === n0 || n1 > n0)))
        throw new ExpectationFailure(
          RULE,
          `the value back to its default after the reset (from ${n0}: changed and no larger)`,
          after ? formatData(after) : 'not read',
        );
    } finally {
      ctx.note(`restored: SET of the value read before the reset → ${await setValue(ctx, o, VALUE, before)}`);
    }
  },
};
