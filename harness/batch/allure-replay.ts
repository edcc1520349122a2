/**
 * A batch meter's Allure results, made when someone asks: its recorded cases (meter-cases.ts)
 * replayed through the same mocha and Allure binding as a single run (harness/mocha/run-mocha.ts),
 * so the results are those the run would have written, made without the meter. `dlmsct report`
 * and `dlmsct export` call this on a meter's `allure-results` folder that is not there yet.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type MochaGroup, reportWithMocha } from '../mocha/run-mocha';
import { judgedResultOf, METER_CASES_FILE, readMeterCases } from './meter-cases';

/** Where a batch meter's Allure results go, beside its cases.json. */
export const METER_ALLURE_DIR = 'allure-results';

/**
 * Makes `resultsDir` from the cases.json beside it when it is a batch meter's allure-results
 * folder not made yet; true when it did. A folder that exists is left as it is.
 */
export async function ensureMeterAllure(resultsDir: string): Promise<boolean> {
  const casesFile = path.join(path.dirname(path.resolve(resultsDir)), METER_CASES_FILE);
  if (fs.existsSync(resultsDir) || !fs.existsSync(casesFile)) return false;
  await replayMeterCases(casesFile, resultsDir);
  return true;
}

export async function replayMeterCases(casesFile: string, resultsDir: string): Promise<void> {
  const recorded = readMeterCases(casesFile);
  const groups: { title: string; file: string; tests: MochaGroup['tests'][number][] }[] = [];
  for (const c of recorded.cases) {
    let g = groups[groups.length - 1];
    if (!g || g.title !== c.suiteTitle) {
      g = { title: c.suiteTitle, file: c.suiteFile, tests: [] };
      groups.push(g);
    }
    const result = judgedResultOf(c);
    g.tests.push({
      title: `${result.id} ${result.title}`,
      timeoutMs: c.timeoutMs,
      run: async () => ({ result, parameters: c.parameters }),
    });
  }
  await reportWithMocha(groups, { resultsDir, console: 'none', detail: recorded.detail });
}
