/**
 * What a batch shows while it runs. On a terminal: a live table redrawn in place — the meters
 * running now, the last ones finished with their verdicts, and the counts. In CI: one plain line
 * per meter as it finishes, nothing redrawn.
 */
import type { Io } from '../cli/io';
import { totalsOf } from './batch-files';
import type { BatchDevice } from './batch-summary';

/** Rows of finished meters kept on screen. */
const RECENT = 8;

export interface BatchProgress {
  started(id: string): void;
  finished(d: BatchDevice): void;
  end(): void;
}

export function batchProgress(io: Io, total: number): BatchProgress {
  const running = new Set<string>();
  const recent: BatchDevice[] = [];
  const counts = { accepted: 0, rejected: 0, unreachable: 0, broken: 0 };
  let lines = 0;
  const t0 = Date.now();
  const draw = () => {
    if (!io.tty) return;
    const done = counts.accepted + counts.rejected + counts.unreachable + counts.broken;
    const rate = done / Math.max((Date.now() - t0) / 60_000, 1e-9);
    const rows = [
      `batch: ${done}/${total} done — ${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.unreachable} unreachable${counts.broken ? `, ${counts.broken} broken` : ''} — ${rate.toFixed(1)} meters/min`,
      `running: ${[...running].join(' ') || '-'}`,
      ...recent.map((d) => `  ${d.id.padEnd(16)} ${d.verdict.padEnd(11)} ${d.totals ? totalsOf(d.totals) : ''}${d.reason ? `  ${d.reason.slice(0, 70)}` : ''}`),
    ];
    io.err(`${lines ? `\x1b[${lines}A` : ''}${rows.map((r) => `\x1b[2K${r}\n`).join('')}`);
    lines = rows.length;
  };
  return {
    started(id) {
      running.add(id);
      draw();
    },
    finished(d) {
      running.delete(d.id);
      counts[d.verdict]++;
      recent.unshift(d);
      recent.length = Math.min(recent.length, RECENT);
      if (io.tty) draw();
      else io.out(`${d.id}: ${d.verdict}${d.totals ? ` (${totalsOf(d.totals)})` : ''}${d.reason ? `: ${d.reason}` : ''}\n`);
    },
    end() {
      if (io.tty) draw();
    },
  };
}
