/**
 * Progress for long commands: on a terminal one line redrawn in place (a bar); in CI, where a
 * redrawn line would be garbage in the log, plain lines at milestones only.
 */
import type { Io } from './io';

const BAR_WIDTH = 30;

export interface ProgressLine {
  /** Redraws the bar (terminal) or does nothing (CI). */
  update(label: string, done: number, total: number): void;
  /** A line that stays: after the bar on a terminal, as is in CI. */
  say(text: string): void;
  /** Clears the bar. */
  end(): void;
}

export function progressLine(io: Io): ProgressLine {
  let drawn = false;
  const clear = () => {
    if (drawn) io.err('\r\x1b[2K');
    drawn = false;
  };
  return {
    update(label, done, total) {
      if (!io.tty) return;
      const filled = total ? Math.round((done / total) * BAR_WIDTH) : 0;
      io.err(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${label}`);
      drawn = true;
    },
    say(text) {
      clear();
      io.err(`${text}\n`);
    },
    end: clear,
  };
}
