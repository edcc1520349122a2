/** What the commands write to, so tests can capture it; the exit codes; and option parsing with `--help`. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress is drawn in place (a bar, a live table), else said in plain lines. */
  readonly tty?: boolean;
}

export function processIo(): Io {
  const out = quietWhenClosed(process.stdout);
  const err = quietWhenClosed(process.stderr);
  return { out: (t) => out.write(t), err: (t) => err.write(t), tty: process.stderr.isTTY === true };
}

const guarded = new WeakMap<NodeJS.WriteStream, { write(text: string): void }>();

/**
 * `dlmsct list | head -1`: the reader goes away, writes fail with EPIPE. Like any Unix filter the
 * command then stops writing there, quietly, rather than dying on an unhandled 'error' event; a
 * run goes on and still writes its files.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): { write(text: string): void } {
  const known = guarded.get(stream);
  if (known) return known;
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  const writer = { write: (text: string): void => void (closed || stream.write(text)) };
  guarded.set(stream, writer);
  return writer;
}

export const EXIT = { ok: 0, failed: 1, config: 2, unreachable: 3 } as const;

/** A wrong command line: exit 2, like a configuration error. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What `--help` says about one option: its value's placeholder (`FILE`) and a sentence. */
export interface OptionHelp {
  readonly value?: string;
  readonly help?: string;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** What `--help` says about the command itself: its positional arguments and what it does. */
export interface CommandAbout {
  readonly summary: string;
  /** e.g. `[HEX]`; positionals are refused unless this is given. */
  readonly positionals?: string;
  /** Extra lines after the options (examples, exit codes). */
  readonly notes?: readonly string[];
}

/**
 * `--help` (or `-h`) anywhere on a command's line: main prints `text(name)` on stdout and exits 0.
 * Built from the same option table the parser uses, so help cannot forget an option.
 */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
  constructor(
    readonly options: Readonly<Record<string, OptionHelp & { readonly type: string; readonly multiple?: boolean; readonly default?: unknown }>>,
    readonly about: CommandAbout | undefined,
  ) {
    super('help requested');
  }

  text(command: string): string {
    const lines = [`usage: dlmsct ${command}${this.about?.positionals ? ` ${this.about.positionals}` : ''} [options]`, ''];
    if (this.about) lines.push(`  ${this.about.summary}`, '');
    lines.push('options:');
    const rows = Object.entries(this.options).map(([name, o]) => {
      const flag = `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}${o.multiple ? ' …' : ''}`;
      const dflt =
        o.default !== undefined && o.type === 'string' && !(Array.isArray(o.default) && o.default.length === 0) ? ` (default ${String(o.default)})` : '';
      return [flag, `${o.help ?? ''}${dflt}`] as const;
    });
    rows.push(['--help, -h', 'this text']);
    const width = Math.max(...rows.map(([f]) => f.length)) + 2;
    for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}${text}`.trimEnd());
    if (this.about?.notes?.length) lines.push('', ...this.about.notes);
    return `${lines.join('\n')}\n`;
  }
}

/** Option names a command accepts, e.g. for the test that checks README's command lines. */
export function isHelpFlag(arg: string): boolean {
  return arg === '--help' || arg === '-h';
}

/**
 * parseArgs, strict; option entries may carry `value` and `help` for `--help`. `about` (or, in the
 * older form, `true`) allows positional arguments.
 */
export function parse<T extends Readonly<Record<string, Options[string] & OptionHelp>>>(args: string[], options: T, about: CommandAbout | boolean = false) {
  const info = typeof about === 'object' ? about : undefined;
  if (args.some(isHelpFlag)) throw new HelpRequested(options as never, info);
  const allowPositionals = typeof about === 'object' ? about.positionals !== undefined : about;
  const config: Options = {};
  for (const [name, o] of Object.entries(options)) {
    const { value: _value, help: _help, ...rest } = o as OptionHelp & Options[string];
    config[name] = rest;
  }
  try {
    return parseArgs({ args, options: config as unknown as T, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
