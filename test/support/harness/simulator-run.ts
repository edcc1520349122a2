/**
 * For the harness's own tests: run suite text against the built-in simulator (in memory, wrapper
 * framing, the quickest link), optionally with faults, and get the case results.
 */
import { builtinSecret } from '../../../harness/builtin-secrets';
import type { CaseResult } from '../../../harness/engine/result';
import { runSuites } from '../../../harness/engine/run-suites';
import { parseProfile } from '../../../harness/profile/load';
import type { Profile } from '../../../harness/profile/types';
import { parseSuite } from '../../../harness/suite/load';

export function simulatorProfile(): Profile {
  return parseProfile(
    `device: { name: built-in simulator }
transport: { kind: builtin, framing: wrapper }
timeouts: { response: 2s, connect: 2s }
associations:
  public: { clientSap: 16, authentication: none }
  reader: { clientSap: 1, authentication: low, password: builtin:sim-lls }
`,
    'simulator-test-profile.yaml',
    { builtinSecrets: builtinSecret },
  );
}

/** Cases written as YAML (`cases:` and below), wrapped in a suite. */
export async function runCasesText(casesYaml: string, faults: readonly string[] = []): Promise<CaseResult[]> {
  const suite = parseSuite(`suite: test/cases\ntitle: test\nspec: test\n${casesYaml}`, 'test-suite.yaml');
  return runSuites({ profile: simulatorProfile(), suites: [suite], faults });
}

/** One case (`cases:` and below) that connects and associates as public, then runs `steps` (YAML lines indented six spaces). */
export function associatedCase(id: string, steps: string, extra = ''): string {
  return `cases:
  - id: ${id}
    title: t
    spec: s
    requirement: r
    detects: []${extra}
    steps:
      - connect: {}
      - associate: { expect: accepted }
${steps}`;
}
