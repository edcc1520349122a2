/**
 * The floor in C: bench/c/round-trip.c, compiled by the bench itself (no binary is committed)
 * with the first C compiler found, into out/bench-c/ when it is missing or older than its source,
 * and run against a meter's wrapper port with the same AARQ and GET bytes as Node's floor
 * (node-floor.ts). Blocking send/recv, TCP_NODELAY, getrusage before and after: what any client,
 * in any language, pays on this machine per exchange.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FLOOR_EXCHANGES, type FloorFigures, type FloorRequests } from './node-floor';

const SOURCES = path.join(__dirname, 'c');
const OUT_DIR = path.join(__dirname, '..', 'out', 'bench-c');
export const C_COMPILERS: readonly string[] = ['cc', 'gcc'];
const COMPILE_TIMEOUT_MS = 60_000;
/** The program bounds each answer at 2 s; this bounds the whole run. */
const RUN_TIMEOUT_MS = 60_000;

export type CFloorProgram = { readonly kind: 'built'; readonly bin: string } | { readonly kind: 'none'; readonly reason: string };

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function firstLine(s: string | undefined): string {
  return (s ?? '').trim().split('\n')[0] ?? '';
}

/** Builds the floor program if it is missing or older than its source; the reason when it cannot be. */
export function buildCFloor(compilers: readonly string[] = C_COMPILERS, outDir = OUT_DIR): CFloorProgram {
  return buildC('round-trip', compilers, outDir);
}

/** Builds bench/c/NAME.c into out/bench-c/NAME if it is missing or older than its source; the reason when it cannot be. */
export function buildC(name: string, compilers: readonly string[] = C_COMPILERS, outDir = OUT_DIR): CFloorProgram {
  const source = path.join(SOURCES, `${name}.c`);
  let dir = outDir;
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    // A read-only checkout: build beside the other temporary files.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-bench-c-'));
  }
  const bin = path.join(dir, name);
  if (fs.existsSync(bin) && fs.statSync(bin).mtimeMs >= fs.statSync(source).mtimeMs) return { kind: 'built', bin };
  for (const compiler of compilers) {
    const probe = spawnSync(compiler, ['--version'], { encoding: 'utf8', timeout: COMPILE_TIMEOUT_MS });
    if (probe.error !== undefined) continue;
    const r = spawnSync(compiler, ['-O2', '-Wall', '-o', bin, source], { encoding: 'utf8', timeout: COMPILE_TIMEOUT_MS });
    if (r.status !== 0)
      return { kind: 'none', reason: `${compiler} could not compile ${path.relative(process.cwd(), source)}: ${firstLine(r.stderr) || r.error?.message}` };
    return { kind: 'built', bin };
  }
  return { kind: 'none', reason: `no C compiler (${compilers.join(', ')}) found` };
}

/** What the program prints: its CPU, switches and migrations per exchange (the system-wide counts are the caller's). */
export type CFloorFigures = Omit<FloorFigures, 'ipis' | 'halts'>;

/** One run of the C floor against 127.0.0.1:`port` (wrapper), after a quarter as many unmeasured round trips. */
export function cFloor(program: CFloorProgram & { kind: 'built' }, port: number, requests: FloorRequests, exchanges = FLOOR_EXCHANGES): CFloorFigures {
  const args = ['127.0.0.1', String(port), hex(requests.aarq), hex(requests.get), String(Math.ceil(exchanges / 4)), String(exchanges)];
  const r = spawnSync(program.bin, args, { encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(`bench: the C floor failed against port ${port}: ${firstLine(r.stderr) || r.error?.message || `exit ${r.status}`}`);
  let figures: CFloorFigures;
  try {
    figures = JSON.parse(r.stdout) as CFloorFigures;
  } catch {
    throw new Error(`bench: the C floor printed no JSON: ${JSON.stringify(r.stdout.trim())}`);
  }
  if (!Number.isFinite(figures.cpuUs)) throw new Error(`bench: the C floor printed no CPU figure: ${JSON.stringify(r.stdout.trim())}`);
  return figures;
}
