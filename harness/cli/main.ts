/**
 * `dlmsct <command>`: run, simulate, decode, list, report (and schemas, for maintainers).
 * Exit codes (DESIGN.md, Commands): 0 every case passed (or was inapplicable), 1 a case did not
 * pass, 2 configuration error (a located message on stderr), 3 device unreachable; 70 a bug.
 */
import { isConfigError } from '../../config/error';
import { ACCEPTANCE_COMMANDS, ACCEPTANCE_USAGE } from './acceptance-commands';
import { EXIT, HelpRequested, UsageError, type Io, processIo } from './io';

type Command = (args: string[], io: Io) => Promise<number>;

/**
 * Each command's module is loaded when it runs, so `--help` or `decode` does not load the whole
 * harness (start-up time is a goal of its own: bench/startup.bench.ts).
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run')).runCommand,
  simulate: async () => (await import('./simulate')).simulateCommand,
  decode: async () => (await import('./decode')).decodeCommand,
  list: async () => (await import('./list')).listCommand,
  report: async () => (await import('./report')).reportCommand,
  export: async () => (await import('./export')).exportCommand,
  schemas: async () => (await import('./schemas')).schemasCommand,
  classes: async () => (await import('./classes')).classesCommand,
  ...ACCEPTANCE_COMMANDS,
};

const USAGE = `usage: dlmsct <command> [options]      (dlmsct <command> --help lists every option)

  run --profile FILE [--suite GLOB|FILE] [--case ID] [--tag T] [--quick] [--results DIR] [--junit FILE]
      [--summary FILE] [--report] [--quiet]       run suites against a device (exit 0/1/2/3)
      [--suites DIR|FILE]                  suites of your own instead of suites/
      [--deviations FILE]                  known failures reported as expected-failure (docs/deviations.md)
      [--certification]                    every case, every verdict stands: no filters, no deviations
      [--devices FILE.csv|.yaml]           once per meter of a batch, a verdict each (docs/batch.md)
  simulate [--tcp PORT] [--host HOST] [--framing hdlc|wrapper] [--serial PATH [--baud N]]
      [--inactivity S] [--password TEXT|env:NAME] [--fault NAME]... [--variant NAME]... [--meter FILE]
      [--list-faults] [--list-variants]
                                           serve the reference meter (docs/simulator.md)
  decode [HEX] [--json]                    decode an HDLC frame, wrapper PDU or APDU
        [--ek HEX --ak HEX --system-title HEX --server-system-title HEX --suite N | --profile FILE [--association NAME]]
                                           and decipher protected APDUs (keys are never printed)
                                           (without HEX: one per line from stdin, C2S/S2C prefixes allowed)
  list [--profile FILE] [--suite GLOB|FILE] [--suites DIR|FILE] [--steps]
                                           suites and cases with their ids
  classes [--json] [--class ID]            the interface classes the object checks know
  report [--results DIR] [--out DIR]       write the single-file HTML report (default allure-report/)
  export [--results DIR] [--format pcapng|svg] [--out DIR]
                                           each case's trace as a file named by case id (docs/wireshark.md)
  schemas [--check]                        regenerate (or check) the JSON Schemas for editors
${ACCEPTANCE_USAGE}
exit codes: 0 every case passed, 1 a case failed (decode: a frame did not decode), 2 usage or
configuration error, 3 device unreachable (docs/error-codes.md)
`;

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  // `dlmsct help run` is `dlmsct run --help`.
  if (name === 'help' && rest[0] !== undefined && COMMANDS[rest[0]]) return main([rest[0], '--help'], io);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? EXIT.ok : EXIT.config;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`dlmsct: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.config;
  }
  try {
    return await (
      await command()
    )([...rest], io);
  } catch (e) {
    if (isConfigError(e)) {
      io.err(`${e.message}\n`);
      return EXIT.config;
    }
    if (e instanceof HelpRequested) {
      io.out(e.text(name));
      return EXIT.ok;
    }
    if (e instanceof UsageError) {
      io.err(`dlmsct ${name}: ${e.message}\n`);
      return EXIT.config;
    }
    throw e;
  }
}
