/**
 * The golden-sample suite: not a file under suites/, because it exists only for a profile that
 * names a golden sample (profile `golden:`), and then in every run, batch or not.
 */
import * as path from 'node:path';
import { UsageError } from '../cli/io';
import type { Profile } from '../profile/types';
import type { SuiteDef } from '../suite/types';

export const GOLDEN_SUITE = 'acceptance/golden-sample';
export const GOLDEN_CASE = 'GOLDEN-SAMPLE';

export function goldenSuite(profile: Profile): SuiteDef | undefined {
  if (!profile.golden) return undefined;
  const place = { file: profile.file, line: 1, col: 1 };
  return {
    suite: GOLDEN_SUITE,
    title: 'The meter matches the approved golden sample',
    spec: 'Acceptance (utility): golden sample; Blue Book attribute tables (static / dyn.)',
    requires: {},
    file: profile.file,
    cases: [
      {
        id: GOLDEN_CASE,
        title: "The association's objects, access rights and static configuration equal the golden sample's",
        spec: 'Blue Book 4.4.3 (object_list, access rights); the class attribute tables (static / dyn.)',
        requirement:
          'Every object of the golden sample is listed with the same class version and access rights, no other object is, and every static attribute holds the same value.',
        // Proved by harness/acceptance/golden-batch.test.ts (the sample read from a clean meter).
        detects: ['register-scaler-unit-wrong-type'],
        tags: ['acceptance'],
        requires: {},
        forEach: 'association',
        steps: [{ name: 'golden.compare', args: { association: '$each' }, place }],
        suite: GOLDEN_SUITE,
        place,
      },
    ],
  };
}

/** The suites of a run, with the golden-sample suite when the profile names a sample. */
export function withGolden(suites: readonly SuiteDef[], profile: Profile): SuiteDef[] {
  const g = goldenSuite(profile);
  return g ? [...suites, g] : [...suites];
}

/** `run --golden FILE [--golden-rules FILE]`: the sample named on the command line, over the profile's. */
export function goldenFlag(snapshot: string | undefined, rules: string | undefined): (p: Profile) => Profile {
  if (snapshot === undefined) {
    if (rules !== undefined) throw new UsageError("--golden-rules needs --golden FILE (or the profile's golden: { snapshot, rules })");
    return (p) => p;
  }
  const golden = { snapshot: path.resolve(snapshot), ...(rules === undefined ? {} : { rules: path.resolve(rules) }) };
  return (p) => ({ ...p, golden });
}
