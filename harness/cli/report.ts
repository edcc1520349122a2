/** `dlmsct report`: the single-file HTML report (Allure 3, allurerc.mjs) from allure-results/. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../paths';
import { EXIT, type Io, parse } from './io';


export async function reportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(
    args,
    {
      results: { type: 'string', default: 'allure-results', value: 'DIR', help: 'the Allure results `dlmsct run` wrote' },
      out: { type: 'string', default: 'allure-report', value: 'DIR', help: 'where the report (index.html) goes' },
    },
    { summary: 'Write the single-file HTML report (Allure 3, no network requests) from a run\'s results.' },
  );
  return generateReport(values.results, io, values.out);
}

export function generateReport(resultsDir: string, io: Io, outDir = 'allure-report'): number {
  if (!fs.existsSync(resultsDir)) {
    io.err(`dlmsct report: no results in ${resultsDir}; run \`dlmsct run\` first\n`);
    return EXIT.config;
  }
  // The package's exports map hides cli.js from require.resolve; its bin is at a fixed place.
  const cli = path.join(REPO_ROOT, 'node_modules', 'allure', 'cli.js');
  if (!fs.existsSync(cli)) {
    io.err(`dlmsct report: the allure package is not installed (${cli}); run scripts/setup.sh\n`);
    return EXIT.failed;
  }
  const r = spawnSync(process.execPath, [cli, 'generate', path.resolve(resultsDir), '--config', path.join(REPO_ROOT, 'allurerc.mjs'), '--output', path.resolve(outDir)], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) {
    io.err(`dlmsct report: allure generate failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}\n`);
    return EXIT.failed;
  }
  io.out(`report: ${path.resolve(outDir, 'index.html')}\n`);
  return EXIT.ok;
}
