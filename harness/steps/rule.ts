/** The rule a case's failure cites: its clause and its requirement sentence. */
import type { StepContext } from './context';

export function caseRule(ctx: StepContext): string {
  return `${ctx.caseDef.spec}: ${ctx.caseDef.requirement}`;
}
