/** The engine's public face: plan, run one case, run many; verdict types and errors for steps. */
export { planCases, unmet, type CaseFilter, type PlannedCase } from './plan';
export { runCase, verdictOf, stepBudgetMs, caseBudgetMs, type CaseEnv } from './run-case';
export { runSuites, type RunSuitesOptions } from './run-suites';
export type { CaseResult, StepRecord, StepStatus } from './result';
export { ExpectationFailure, Inconclusive, Inapplicable, HarnessFault, STATUSES, type Status, type Verdict } from './verdict';
