/** The rule a case's failure cites: its clause and its requirement sentence. */
import type { StepContext } from './context';

/** Over short names, the case's `sn:` clause and requirement where it gives them (they name READ/WRITE, not GET/SET). */
export function caseRule(ctx: StepContext): string {
  // The open association's referencing; between associations, the one the instance runs for.
  const referencing = ctx.association?.referencing ?? ctx.referencing ?? ctx.each?.referencing ?? ctx.granted?.referencing;
  const def = referencing === 'sn' && ctx.caseDef.sn ? ctx.caseDef.sn : ctx.caseDef;
  return `${def.spec}: ${def.requirement}`;
}
