/** Registers every step (one file each); import this before loading suites or running cases. */
import './connect';
import './disconnect';
import './associate';
import './get';
import './expect';
import './release';
import './expect-alive';
import './check-object-list';

export { getStep, listSteps, registerStep, argsSchema } from './registry';
export type { StepDefinition } from './registry';
export type { StepContext, LastOutcome } from './context';
