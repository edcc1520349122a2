/**
 * Programmatic runs, without mocha: the project's tests use this to run the suites against the
 * clean simulator and against each fault, and the CLI uses the same pieces one case at a time.
 */
import { type Dut, type DutOptions, startDut } from '../dut';
import type { Profile } from '../profile/types';
import type { SuiteDef } from '../suite/types';
import { type CaseFilter, planCases } from './plan';
import type { CaseResult } from './result';
import type { CapabilityCache } from './capabilities';
import { type FatalPolicy, fatalWatch } from './fatal';
import { runCase } from './run-case';

export interface RunSuitesOptions {
  readonly profile: Profile;
  readonly suites: readonly SuiteDef[];
  readonly filter?: CaseFilter;
  /** Simulator faults, replacing the profile's (builtin profiles only). */
  readonly faults?: DutOptions['faults'];
  /** Legal simulator variants, replacing the profile's (builtin profiles only). */
  readonly variants?: DutOptions['variants'];
  /** An already started DUT (then it is not stopped here). */
  readonly dut?: Dut;
  /** What a meter that stops answering does to the run (fatal.ts); default: every case runs. */
  readonly fatal?: FatalPolicy;
  /** Called after each case, e.g. for progress output. */
  readonly onCase?: (result: CaseResult) => void;
}

export async function runSuites(opts: RunSuitesOptions): Promise<CaseResult[]> {
  const own = opts.dut === undefined;
  const dut =
    opts.dut ??
    (await startDut(opts.profile, {
      ...(opts.faults === undefined ? {} : { faults: opts.faults }),
      ...(opts.variants === undefined ? {} : { variants: opts.variants }),
    }));
  const results: CaseResult[] = [];
  // What each association grants, discovered once for the run (capabilities.ts).
  const capabilities: CapabilityCache = new Map();
  const fatal = fatalWatch(opts.fatal ?? { kind: 'continue' });
  try {
    for (const planned of planCases(opts.suites, opts.profile, opts.filter)) {
      const r = fatal.preempt(planned) ?? (await runCase(planned, { profile: opts.profile, newClient: () => dut.newClient(), capabilities }));
      fatal.observe(r);
      results.push(r);
      opts.onCase?.(r);
    }
  } finally {
    if (own) await dut.stop();
  }
  return results;
}
