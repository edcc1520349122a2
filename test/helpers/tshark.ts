/**
 * tshark (Wireshark's command line) reading a capture with our Lua dissector, for the tests that
 * prove a trace opens in Wireshark. One run per capture in PDML (`-T pdml`): every field of every
 * packet with its value (`show`) and its display text (`showname`, value-string names included).
 *
 * tshark is a system package (scripts/setup.sh installs it). Where it is missing, tests that need
 * it are skipped with the reason in their titles, never failed.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const TSHARK_MISSING_REASON = 'tshark is not installed (scripts/setup.sh installs it: apt-get install tshark)';
export const DISSECTOR = path.resolve(__dirname, '../../tools/wireshark/dlms.lua');

let tsharkKnown: boolean | undefined;

export function tsharkAvailable(): boolean {
  if (tsharkKnown === undefined) {
    const probe = spawnSync('tshark', ['-v'], { stdio: 'ignore', timeout: 10_000 });
    tsharkKnown = probe.error === undefined && probe.status === 0;
  }
  return tsharkKnown;
}

/** For a `before` hook: skips the whole suite when tshark is missing, the reason in each title. */
export function skipWithoutTshark(ctx: Mocha.Context): void {
  if (tsharkAvailable()) return;
  const mark = (s: Mocha.Suite | undefined): void => {
    if (!s) return;
    for (const t of s.tests) t.title += ` [skipped: ${TSHARK_MISSING_REASON}]`;
    for (const child of s.suites) mark(child);
  };
  mark(ctx.runnable().parent);
  ctx.skip();
}

export interface PdmlField {
  readonly name: string;
  readonly show: string;
  readonly showname: string;
}

/** One packet: its fields in tree order. */
export type PdmlPacket = readonly PdmlField[];

/** Runs tshark with the dissector over `file`; throws with tshark's stderr when it fails. */
export function dissect(file: string, extraArgs: readonly string[] = []): PdmlPacket[] {
  const run = spawnSync('tshark', ['-X', `lua_script:${DISSECTOR}`, '-r', file, '-T', 'pdml', ...extraArgs], {
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`tshark exited ${run.status}: ${run.stderr}`);
  return parsePdml(run.stdout);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : (ENTITIES[e] ?? ''),
  );
}

/** PDML as tshark writes it: `<packet>` elements holding `<field name=… show=… showname=…>`. */
export function parsePdml(xml: string): PdmlPacket[] {
  return [...xml.matchAll(/<packet>([\s\S]*?)<\/packet>/g)].map(([, body]) =>
    [...(body ?? '').matchAll(/<(?:field|proto)\s([^>]*?)\/?>/g)].map(([, attrs]) => {
      const a: Record<string, string> = {};
      for (const [, k, v] of (attrs ?? '').matchAll(/(\w+)="([^"]*)"/g)) a[k!] = unescape(v!);
      return { name: a.name ?? '', show: a.show ?? '', showname: a.showname ?? '' };
    }),
  );
}

/** Every value of a field in a packet, in tree order. */
export function values(p: PdmlPacket, name: string): string[] {
  return p.filter((f) => f.name === name).map((f) => f.show);
}

/** Every display text of a field in a packet (value-string names included). */
export function shownames(p: PdmlPacket, name: string): string[] {
  return p.filter((f) => f.name === name).map((f) => f.showname);
}
