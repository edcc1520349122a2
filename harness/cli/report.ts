/**
 * `dlmsct report`: the single-file HTML report (Allure 3, allurerc.mjs) from allure-results/,
 * light and private (reports/light-report.ts): passing cases link their heavy attachments and
 * their full text trace, which stay in allure-results/, and the page makes no network request.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lightResult, privateHtml } from '../../reports/light-report';
import { withByteCounts } from '../../reports/trace-text';
import { ensureMeterAllure } from '../batch/allure-replay';
import { METER_CASES_FILE } from '../batch/meter-cases';
import { REPO_ROOT } from '../paths';
import { EXIT, type Io, parse } from './io';

export async function reportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(
    args,
    {
      results: { type: 'string', default: 'allure-results', value: 'DIR', help: 'the Allure results `dlmsct run` wrote' },
      out: { type: 'string', default: 'allure-report', value: 'DIR', help: 'where the report (index.html) goes' },
    },
    { summary: "Write the single-file HTML report (Allure 3, no network requests) from a run's results." },
  );
  // A batch meter's Allure results are made from its cases.json on first use (harness/batch/allure-replay.ts).
  if (await ensureMeterAllure(values.results)) io.out(`results: ${values.results} (made from the meter's ${METER_CASES_FILE})\n`);
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
  const reportDir = path.resolve(outDir);
  const input = lightInput(resultsDir, reportDir);
  try {
    const r = spawnSync(process.execPath, [cli, 'generate', input, '--config', path.join(REPO_ROOT, 'allurerc.mjs'), '--output', reportDir], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) {
      io.err(`dlmsct report: allure generate failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}\n`);
      return EXIT.failed;
    }
  } finally {
    fs.rmSync(input, { recursive: true, force: true });
  }
  const page = path.join(reportDir, 'index.html');
  fs.writeFileSync(page, privateHtml(fs.readFileSync(page, 'utf8')));
  io.out(`report: ${page}\n`);
  return EXIT.ok;
}

/**
 * What the report is generated from: a copy of the results in which passing cases link their
 * heavy attachments (relative to the report's folder) instead of embedding them and carry their
 * text trace with byte counts instead of hex. Other attachment files are hard-linked where the
 * file system allows, else copied.
 */
function lightInput(resultsDir: string, reportDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-report-'));
  const linkBase = `${path.relative(reportDir, path.resolve(resultsDir)).split(path.sep).join('/')}/`;
  const files = fs.readdirSync(resultsDir);
  const embedded = new Set<string>();
  const counted = new Set<string>();
  const isAttachment = new Set<string>();
  for (const f of files.filter((n) => n.endsWith('-result.json'))) {
    const original = JSON.parse(fs.readFileSync(path.join(resultsDir, f), 'utf8')) as Parameters<typeof lightResult>[0];
    const light = lightResult(original, linkBase);
    for (const a of allSources(original)) isAttachment.add(a);
    for (const a of light.embedded) embedded.add(a);
    for (const a of light.counted) counted.add(a);
    fs.writeFileSync(path.join(dir, f), JSON.stringify(light.result));
  }
  for (const f of files) {
    if (f.endsWith('-result.json') || (isAttachment.has(f) && !embedded.has(f))) continue;
    const from = path.join(resultsDir, f);
    if (!fs.statSync(from).isFile()) continue;
    if (counted.has(f)) {
      fs.writeFileSync(path.join(dir, f), withByteCounts(fs.readFileSync(from, 'utf8')));
      continue;
    }
    try {
      fs.linkSync(from, path.join(dir, f));
    } catch {
      fs.copyFileSync(from, path.join(dir, f));
    }
  }
  return dir;
}

function allSources(node: { attachments?: { source: string }[]; steps?: unknown[] }): string[] {
  return [...(node.attachments ?? []).map((a) => a.source), ...(node.steps ?? []).flatMap((s) => allSources(s as typeof node))];
}
