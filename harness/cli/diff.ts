/**
 * `dlmsct diff GOLDEN SNAPSHOT [--rules FILE] [--association NAME] [--json]`: a meter's snapshot
 * against the golden sample's (harness/acceptance/diff.ts). Exit 0 when they match, 1 when they
 * differ, 2 for a file that is not a snapshot or a rules file with a mistake (located).
 */
import { diffSnapshots } from '../acceptance/diff';
import { diffJson, diffTable } from '../acceptance/diff-report';
import { ruleSet } from '../acceptance/rules';
import { loadRules } from '../acceptance/rules-file';
import { loadSnapshot } from '../acceptance/snapshot';
import { EXIT, type Io, parse, UsageError } from './io';

export async function diffCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { rules: { type: 'string' }, association: { type: 'string' }, json: { type: 'boolean', default: false } }, true);
  if (positionals.length !== 2)
    throw new UsageError(`GOLDEN and SNAPSHOT are required (two snapshot files written by dlmsct read), got ${positionals.length} file(s)`);
  const [goldenFile, actualFile] = positionals as [string, string];
  const golden = loadSnapshot(goldenFile);
  const actual = loadSnapshot(actualFile);
  const rules = ruleSet(values.rules === undefined ? [] : loadRules(values.rules));
  const result = diffSnapshots(golden, actual, rules, values.association);
  const names = { golden: goldenFile, actual: actualFile };
  io.out(values.json ? diffJson(result, names) : diffTable(result, names));
  return result.same ? EXIT.ok : EXIT.failed;
}
