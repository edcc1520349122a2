/**
 * A release the case expects refused (RLRE reason not-finished: Green Book 9.3.3, the RLRQ of a
 * ciphered association whose user-information is not protected as the association requires).
 * A meter may say the same refusal at the xDLMS level, with an exception-response or a
 * confirmed-service-error (real-meter.md section 2: `62 03 80 01 00` → `D8 01 02`): the release
 * is refused and the association stays, which is what the case is about. Allowed, with a remark:
 * docs/decisions/release-refusal.md.
 */
import type { ReleaseOutcome } from '../../client/api';
import type { StepContext } from './context';

export const RELEASE_REFUSAL_CLAUSE = 'Green Book 9.3.3 and 9.5 (ExceptionResponse); docs/decisions/release-refusal.md';

/** Whether `outcome` refuses the release in another allowed form than the RLRE the case names (then remarked). */
export function refusedOtherwise(ctx: StepContext, outcome: ReleaseOutcome, expectedReason: string | undefined): boolean {
  if (expectedReason !== 'not-finished') return false;
  if (outcome.kind !== 'exception' && outcome.kind !== 'confirmed-service-error') return false;
  const said =
    outcome.kind === 'exception'
      ? `exception-response ${outcome.stateError} ${outcome.serviceError}`
      : `confirmed-service-error ${outcome.error} ${outcome.value}`;
  ctx.remark(`the release was refused with ${said}; an RLRE reason not-finished is preferred`, RELEASE_REFUSAL_CLAUSE);
  return true;
}
