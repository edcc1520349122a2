/**
 * batch-summary.json and the console table: one verdict per meter of a delivered batch.
 * accepted: no case failed or broke (and no known deviation went stale); rejected: one did;
 * unreachable: the meter could not be reached, so nothing was judged. It names devices by id,
 * serial and label and says how they were reached; it never holds a secret or a reference.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPORTED_STATUSES, type ReportedStatus, type RunMode } from '../../reports/summary';
import { EXIT } from '../cli/io';
import type { DeviceRow } from './devices';
import type { DeviceRun } from './run-device';

/** broken: the harness could not judge the meter (its worker process died): never the meter's fault. */
export type DeviceVerdict = 'accepted' | 'rejected' | 'unreachable' | 'broken';
export const DEVICE_VERDICTS: readonly DeviceVerdict[] = ['accepted', 'rejected', 'unreachable', 'broken'];

export interface BatchDevice {
  readonly id: string;
  readonly serial: string | null;
  readonly label: string | null;
  /** `tcp 192.0.2.10:4059`, `serial /dev/ttyUSB3`. */
  readonly target: string;
  readonly verdict: DeviceVerdict;
  /** Why it was not accepted: the cases that failed or broke, or why it was unreachable. */
  readonly reason: string | null;
  readonly totals: Readonly<Record<ReportedStatus, number>> | null;
  /** The device's folder (allure-results/, junit.xml, summary.json), relative to batch-summary.json. */
  readonly results: string | null;
}

export interface BatchSummary {
  readonly profile: string;
  readonly devicesFile: string;
  readonly mode: RunMode;
  readonly deviations: string | null;
  /** `2/4` when this is one shard's share of the devices file (dlmsct merge joins them). */
  readonly shard?: string;
  /** The shards a merged summary was joined from (their batch-summary.json files). */
  readonly mergedFrom?: readonly string[];
  readonly totals: Readonly<Record<DeviceVerdict, number>>;
  readonly devices: readonly BatchDevice[];
}

/** Statuses that reject a device: the DUT broke a rule, the run could not judge, or a deviation is stale. */
const REJECTING: readonly ReportedStatus[] = ['failed', 'broken', 'unexpected-pass'];
/** Failing case ids listed in a reason; the rest are counted. */
const REASON_IDS = 5;

export function batchDevice(d: DeviceRow, run: DeviceRun, folder: string): BatchDevice {
  const who = { id: d.id, serial: d.serial ?? null, label: d.label ?? null, target: run.target };
  if (run.kind === 'unreachable') return { ...who, verdict: 'unreachable', reason: run.message, totals: null, results: null };
  const totals = run.summary.totals;
  if (run.exitCode === EXIT.unreachable)
    return { ...who, verdict: 'unreachable', reason: 'every case broke on an unreachable device', totals, results: folder };
  const bad = run.summary.cases.filter((c) => REJECTING.includes(c.status));
  if (!bad.length) return { ...who, verdict: 'accepted', reason: null, totals, results: folder };
  const ids = bad.slice(0, REASON_IDS).map((c) => `${c.id} (${c.status})`);
  const more = bad.length > REASON_IDS ? ` and ${bad.length - REASON_IDS} more` : '';
  return { ...who, verdict: 'rejected', reason: `${ids.join(', ')}${more}`, totals, results: folder };
}

export function buildBatchSummary(meta: Omit<BatchSummary, 'totals' | 'devices'>, devices: readonly BatchDevice[]): BatchSummary {
  const totals: Record<DeviceVerdict, number> = { accepted: 0, rejected: 0, unreachable: 0, broken: 0 };
  for (const d of devices) totals[d.verdict]++;
  return { ...meta, totals, devices };
}

export function writeBatchSummary(file: string, s: BatchSummary): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`);
}

/** 0 every device accepted; 3 every device unreachable; 1 otherwise. */
export function batchExitCode(s: BatchSummary): number {
  if (s.devices.length && s.totals.unreachable === s.devices.length) return EXIT.unreachable;
  return s.totals.accepted === s.devices.length ? EXIT.ok : EXIT.failed;
}

/** `3 accepted, 1 rejected, 0 unreachable` (and broken, when a meter could not be judged): the line CI reads. */
export function verdictsLine(s: Pick<BatchSummary, 'totals'>): string {
  const t = s.totals;
  return `${t.accepted} accepted, ${t.rejected} rejected, ${t.unreachable} unreachable${t.broken ? `, ${t.broken} broken` : ''}`;
}

/** A meter the harness could not judge: its run died with `message`. */
export function brokenDevice(d: DeviceRow, target: string, message: string): BatchDevice {
  return { id: d.id, serial: d.serial ?? null, label: d.label ?? null, target, verdict: 'broken', reason: message, totals: null, results: null };
}

/** The console table, then the plain last line CI reads. */
export function batchTable(s: BatchSummary): string {
  // passed-with-remarks only when some meter has remarks: the usual table stays narrow.
  const remarked = s.devices.some((d) => d.totals && d.totals['passed-with-remarks']);
  const counts: ReportedStatus[] = ['passed', ...(remarked ? (['passed-with-remarks'] as const) : []), 'failed', 'inconclusive', 'inapplicable', 'broken'];
  // The deviation columns only when deviations were in play, so the usual table stays narrow.
  const deviated = s.deviations !== null || s.devices.some((d) => d.totals && (d.totals['expected-failure'] || d.totals['unexpected-pass']));
  const columns = deviated ? REPORTED_STATUSES.filter((c) => c !== 'passed-with-remarks' || remarked) : counts;
  const head = ['device', 'serial/label', ...columns, 'verdict'];
  const rows = s.devices.map((d) => [
    d.id,
    [d.serial, d.label].filter((x) => x !== null).join(' ') || '-',
    ...columns.map((c) => (d.totals ? String(d.totals[c]) : '-')),
    d.verdict,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i >= 2 && i < cells.length - 1 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const why = s.devices.filter((d) => d.reason !== null).map((d) => `${d.id}: ${d.verdict}: ${d.reason}`);
  return [line(head), ...rows.map(line), ...(why.length ? ['', ...why] : []), '', verdictsLine(s)].join('\n') + '\n';
}
