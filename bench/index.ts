/**
 * `npm run bench [-- --quick] [--only GROUP]... [--goals-only] [--out FILE]`: every benchmark
 * under bench/ (or only the goals), a table on stdout, and the numbers as JSON in out/bench.json
 * (git-ignored). It measures and
 * reports; it never fails on a rate (no thresholds: machines differ). `--quick` runs each
 * benchmark a few times only, as a smoke test (bench.test.ts runs it so in-process).
 *
 * `npm run bench -- --profile FILE [--runs N] [--association NAME]...` reads the meter of a
 * profile instead (meter-read.ts) and prints that as JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { batchBenches } from './batch.bench';
import { cipheredBenches } from './ciphered.bench';
import { clientMemoryBenches } from './client-memory.bench';
import { clientTcpBenches } from './client-tcp.bench';
import { codecBenches } from './codec.bench';
import { hdlcLinkBenches } from './hdlc-link.bench';
import { hdlcSegmentedBenches } from './hdlc-segmented.bench';
import { objectWalkBenches } from './object-walk.bench';
import { securityBenches } from './security.bench';
import { servicesTcpBenches } from './services-tcp.bench';
import { formatGoals, runGoals, type GoalResult } from './goals';
import { readMeter, type MeterReadOptions } from './meter-read';
import { formatTable } from './table';
import { FULL_PLAN, QUICK_PLAN, type BenchGroup, type BenchResult } from './runner';

/** In the order they run: the pure ones first, the ones with IO last. */
export const GROUPS: Readonly<Record<string, BenchGroup>> = {
  codec: codecBenches,
  'hdlc-link': hdlcLinkBenches,
  'hdlc-segmented': hdlcSegmentedBenches,
  ciphered: cipheredBenches,
  'client-memory': clientMemoryBenches,
  'object-walk': objectWalkBenches,
  security: securityBenches,
  'client-tcp': clientTcpBenches,
  'services-tcp': servicesTcpBenches,
  batch: batchBenches,
};

export const DEFAULT_OUT = join(__dirname, '..', 'out', 'bench.json');

export interface BenchOptions {
  readonly quick: boolean;
  /** Group names to run; default all. */
  readonly only?: readonly string[];
  /** Where to write the JSON; undefined writes nothing. */
  readonly outFile?: string;
  /** Where the table goes, line by line; default nowhere. */
  readonly print?: (line: string) => void;
  /** Also measure issue 11's goals (goals.ts) and print them against their targets; default no. */
  readonly goals?: boolean;
  /** With the goals, also measure against the independent meter (gurux-goals.ts); default yes. */
  readonly gurux?: boolean;
}

export interface BenchReport {
  readonly date: string;
  readonly mode: 'quick' | 'full';
  readonly node: string;
  readonly platform: string;
  readonly cpu: string;
  readonly cpus: number;
  readonly results: readonly BenchResult[];
  readonly goals?: readonly GoalResult[];
}

/**
 * A full run measures what a user runs: the compiled CLI (dist/). A stale build would make every
 * batch worker and every CLI start compile the TypeScript first (seconds each), so it is built.
 */
function ensureBuilt(print?: (line: string) => void): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { staleReason } = require('../bin/compiled.js') as { staleReason: () => string | undefined };
  const stale = staleReason();
  if (stale === undefined) return;
  print?.(`building dist/ first (${stale})`);
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: join(__dirname, '..'), stdio: 'inherit', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.error?.message ?? `exit ${r.status}`}): the figures would not be of the compiled CLI`);
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const plan = options.quick ? QUICK_PLAN : FULL_PLAN;
  if (!options.quick) ensureBuilt(options.print);
  const names = options.only ?? Object.keys(GROUPS);
  const unknown = names.filter((n) => !(n in GROUPS));
  if (unknown.length > 0) throw new Error(`unknown benchmark group(s) ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`);
  const results: BenchResult[] = [];
  for (const name of names) results.push(...(await GROUPS[name]!(plan)));
  const goals = options.goals ? await runGoals(options.quick, { gurux: options.gurux !== false }) : undefined;
  const info = cpus();
  const report: BenchReport = {
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: info[0]?.model ?? 'unknown',
    cpus: info.length,
    results,
    ...(goals === undefined ? {} : { goals }),
  };
  if (options.print) {
    options.print(`dlmsct bench (${report.mode}), node ${report.node}, ${report.cpus} × ${report.cpu}`);
    for (const line of formatTable(results)) options.print(line);
    if (goals) {
      options.print('');
      options.print('goals (issue 11)');
      for (const line of formatGoals(goals)) options.print(line);
    }
  }
  if (options.outFile !== undefined) {
    mkdirSync(dirname(options.outFile), { recursive: true });
    writeFileSync(options.outFile, `${JSON.stringify(report, null, 2)}\n`);
    options.print?.(`results written to ${options.outFile}`);
  }
  return report;
}

const USAGE = `usage: npm run bench -- [--quick] [--only ${Object.keys(GROUPS).join('|')}]... [--goals-only] [--no-goals] [--no-gurux] [--out FILE]
       npm run bench -- --profile FILE [--runs N] [--association NAME]...`;

function parseMeterArgs(args: readonly string[]): MeterReadOptions | string {
  let profile: string | undefined;
  let runs = 5;
  const associations: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--profile' && value !== undefined) profile = args[++i]!;
    else if (arg === '--runs' && value !== undefined && /^[1-9]\d*$/.test(value)) runs = Number(args[++i]);
    else if (arg === '--association' && value !== undefined) associations.push(args[++i]!);
    else return `unknown or incomplete argument ${arg}\n${USAGE}`;
  }
  if (profile === undefined) return `--profile FILE is needed\n${USAGE}`;
  return { profile, runs, ...(associations.length > 0 && { associations }) };
}

function parseArgs(args: readonly string[]): BenchOptions | string {
  let quick = false;
  let goals = true;
  let gurux = true;
  const only: string[] = [];
  let outFile = DEFAULT_OUT;
  let goalsOnly = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--goals-only') goalsOnly = true;
    else if (arg === '--no-goals') goals = false;
    else if (arg === '--no-gurux') gurux = false;
    else if (arg === '--only' && args[i + 1] !== undefined) only.push(args[++i]!);
    else if (arg === '--out' && args[i + 1] !== undefined) outFile = args[++i]!;
    else return `unknown argument ${arg}\n${USAGE}`;
  }
  if (goalsOnly && (only.length > 0 || !goals)) return `--goals-only runs no benchmark group and needs the goals\n${USAGE}`;
  return { quick, goals, gurux, outFile, print: (line) => process.stdout.write(`${line}\n`), ...((only.length > 0 || goalsOnly) && { only }) };
}

if (require.main === module && process.argv.includes('--profile')) {
  const options = parseMeterArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    process.exitCode = 2;
  } else {
    readMeter(options).then(
      (report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`),
      (e: unknown) => {
        process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  }
} else if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    process.exitCode = 2;
  } else {
    runBench(options).catch((e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    });
  }
}
