/** What the commands write to, so tests can capture it; and the exit codes. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress is drawn in place (a bar, a live table), else said in plain lines. */
  readonly tty?: boolean;
}

export function processIo(): Io {
  return { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), tty: process.stderr.isTTY === true };
}

export const EXIT = { ok: 0, failed: 1, config: 2, unreachable: 3 } as const;

/** A wrong command line: exit 2, like a configuration error. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
