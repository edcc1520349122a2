/** The benchmark results as a plain-text table, one row per benchmark, figures rounded for reading. */
import type { BenchResult } from './runner';

/** Three significant digits, thousands grouped: 1 230 000, 12.3, 0.456; whole numbers exact. */
export function figure(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Counts (bytes, frames per exchange) stay exact.
  if (Number.isInteger(n)) return n.toLocaleString('en-US').replace(/,/g, ' ');
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const rounded = abs >= 1000 ? Number(n.toPrecision(3)) : n;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).replace(/,/g, ' ');
}

function extras(r: BenchResult): string {
  const parts = Object.entries(r.extra ?? {}).map(([k, v]) => `${k} ${figure(v)}`);
  if (r.cpuLabel !== undefined) parts.unshift(`CPU: ${r.cpuLabel}`);
  if (r.note !== undefined) parts.push(r.note);
  return parts.join('; ');
}

export function formatTable(results: readonly BenchResult[]): string[] {
  const header = ['group', 'benchmark', 'rate', 'µs/unit (wall)', 'CPU µs/unit', 'notes'];
  const rows = results.map((r) => [r.group, r.name, `${figure(r.perSecond)} ${r.unit}/s`, figure(r.usPerUnit), figure(r.cpuUsPerUnit), extras(r)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  // Numbers right-aligned, text left-aligned; the last column is not padded.
  const numeric = new Set([2, 3, 4]);
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.min(w, 5) : w)).join('-|-'), ...rows.map(line)];
}
