/**
 * `dlmsct simulate`: serve the reference meter over TCP (HDLC or wrapper), and a serial device when
 * asked, with faults injected by name, until interrupted (SIGINT, SIGTERM, or the npx that started
 * it gone: launcher-watch.ts). `--list-faults` prints the fault catalogue. The banner says how to
 * reach and authenticate to the meter (docs/simulator.md).
 */
import { createSimulator, listFaults, listVariants, type Simulator } from '../../simulator';
import { resolveSecretRef } from '../../simulator/secrets';
import { EXIT, type Io, parse, UsageError } from './io';
import { watchLauncher } from './launcher-watch';

/** IANA port for DLMS/COSEM over TCP (IEC 62056-47). */
const DEFAULT_PORT = 4059;
/**
 * HDLC inactivity time-out for interactive clients: the default meter's 1 s (kept short so its
 * conformance case is quick) would drop a person's session between two commands.
 */
export const INTERACTIVE_INACTIVITY_S = 120;
const DEFAULT_BAUD = 9600;
/** Bound on opening the serial device. */
const SERIAL_OPEN_MS = 5000;

export const SIMULATE_OPTIONS = {
  tcp: { type: 'string', value: 'PORT', help: `TCP port to listen on, 0 = any free port (default ${DEFAULT_PORT}, the IANA DLMS port)` },
  host: { type: 'string', default: '127.0.0.1', value: 'HOST', help: 'address to listen on (0.0.0.0 for every interface)' },
  framing: { type: 'string', default: 'hdlc', value: 'hdlc|wrapper', help: 'HDLC (IEC 62056-46) or the IEC 62056-47 wrapper' },
  serial: { type: 'string', value: 'PATH', help: 'also serve this serial device (8N1), e.g. one end of a socat pty pair' },
  baud: { type: 'string', value: 'N', help: `serial speed (default ${DEFAULT_BAUD})` },
  inactivity: { type: 'string', value: 'S', help: `HDLC inactivity time-out in seconds, 0 = never (default ${INTERACTIVE_INACTIVITY_S})` },
  password: { type: 'string', value: 'TEXT|env:NAME', help: 'LLS password of the management association (default builtin:sim-lls, see docs/simulator.md)' },
  fault: { type: 'string', multiple: true, default: [] as string[], value: 'NAME', help: 'inject a named fault (repeatable; --list-faults lists them)' },
  variant: {
    type: 'string',
    multiple: true,
    default: [] as string[],
    value: 'NAME',
    help: 'show a legal variant, a behaviour the standard allows (repeatable; --list-variants)',
  },
  meter: { type: 'string', value: 'FILE', help: 'meter definition YAML (default simulator/meters/default.yaml)' },
  'list-faults': { type: 'boolean', default: false, help: 'print the fault catalogue and exit' },
  'list-variants': { type: 'boolean', default: false, help: 'print the legal variants and exit' },
} as const;

const ABOUT = {
  summary: 'Serve the reference meter (optionally with faults) until interrupted.',
  notes: [
    'A simulated delivery, many meters each on its own port (docs/acceptance.md; `dlmsct simulate --meters 1 --help` lists its options):',
    '  dlmsct simulate --meters N [--tcp BASE] [--faulty K] [--meter-fault I:FAULT]... [--devices-out FILE]',
    'The banner names the server address and each association with how to authenticate (docs/simulator.md).',
    'example: dlmsct simulate --tcp 4059 --password env:SIM_LLS',
  ],
};

export async function simulateCommand(args: string[], io: Io, until?: Promise<unknown>): Promise<number> {
  // Many meters at once (a simulated delivery) is its own command line.
  if (args.some((a) => a === '--meters' || a.startsWith('--meters=')))
    return (await import('./simulate-fleet')).simulateFleetCommand(args, io, until ?? interrupted());
  const { values } = parse(args, SIMULATE_OPTIONS, ABOUT);
  const framing = values.framing;
  if (framing !== 'hdlc' && framing !== 'wrapper') throw new UsageError(`--framing must be hdlc or wrapper, not ${JSON.stringify(framing)}`);
  const port = wholeNumber(values.tcp ?? String(DEFAULT_PORT), 'tcp', 0, 0xffff, 'a port number 0..65535 (0 = any free port)');
  const inactivity = wholeNumber(values.inactivity ?? String(INTERACTIVE_INACTIVITY_S), 'inactivity', 0, 0xffff, 'seconds 0..65535 (0 = never)');
  const baud = wholeNumber(values.baud ?? String(DEFAULT_BAUD), 'baud', 1, Number.MAX_SAFE_INTEGER, 'a positive whole number');
  if (values.baud !== undefined && values.serial === undefined) throw new UsageError('--baud goes with --serial PATH');

  const catalogue = listFaults();
  if (values['list-faults']) {
    for (const f of catalogue) io.out(`${f.name.padEnd(34)} ${f.description} (${f.clause})\n`);
    return EXIT.ok;
  }
  if (values['list-variants']) {
    for (const v of listVariants()) io.out(`${v.name.padEnd(34)} ${v.description} (${v.clause})${v.reading ? `; reading: ${v.reading}` : ''}\n`);
    return EXIT.ok;
  }
  const unknownVariants = values.variant.filter((v) => !listVariants().some((c) => c.name === v));
  if (unknownVariants.length)
    throw new UsageError(
      `unknown variant ${unknownVariants.join(', ')}; known: ${listVariants()
        .map((v) => v.name)
        .join(', ')}`,
    );
  const unknown = values.fault.filter((f) => !catalogue.some((c) => c.name === f));
  if (unknown.length) throw new UsageError(`unknown fault ${unknown.join(', ')}; \`dlmsct simulate --list-faults\` lists them`);

  const sim = createSimulator({
    framing,
    faults: values.fault,
    variants: values.variant,
    inactivityTimeoutS: inactivity,
    ...(values.meter === undefined ? {} : { meter: values.meter }),
    ...(values.password === undefined ? {} : { llsPassword: password(values.password) }),
  });
  // Handlers first, then the port: whoever reads the port may signal at once (a test does).
  const launcher = watchLauncher();
  const stop = until ?? Promise.race([interrupted(), launcher.gone]);
  try {
    if (values.serial !== undefined) {
      try {
        await sim.serveSerial(values.serial, baud, SERIAL_OPEN_MS);
      } catch (e) {
        throw new UsageError(`cannot open --serial ${values.serial}: ${(e as Error).message}`);
      }
      io.out(`simulator: ${framing} on serial ${values.serial} at ${baud} baud 8N1\n`);
    }
    let bound: number;
    try {
      bound = await sim.listenTcp(port, values.host);
    } catch (e) {
      throw new UsageError(`cannot listen on ${values.host}:${port}: ${(e as Error).message}`);
    }
    io.out(
      `simulator: ${framing} on tcp ${values.host}:${bound}${sim.faults.length ? `, faults: ${sim.faults.join(', ')}` : ''}${sim.variants.length ? `, variants: ${sim.variants.join(', ')}` : ''}, HDLC inactivity ${inactivity} s (Ctrl-C stops)\n`,
    );
    io.out(banner(sim, framing));
    io.out(`port ${bound}\n`);
    await stop;
  } finally {
    launcher.cancel();
    await sim.stop();
  }
  io.out('simulator: stopped\n');
  return EXIT.ok;
}

/**
 * How to reach and authenticate to the meter. The built-in password is a public development
 * default (simulator/secrets.ts), so it is shown; one given by the user is not.
 */
export function banner(sim: Simulator, framing: 'hdlc' | 'wrapper'): string {
  const m = sim.meter;
  const address =
    framing === 'hdlc' ? `HDLC server address: logical ${m.hdlc.serverLogical}, physical ${m.hdlc.serverPhysical}` : `wrapper wPort ${m.wrapper.wPort}`;
  const lines = [`  ${address}; logical device name ${m.logicalDeviceName}`];
  const hls: number[] = [];
  for (const a of m.associations) {
    if (a.authentication === 'none') lines.push(`  association ${a.name}: client SAP ${a.clientSap}, no authentication`);
    else if (a.authentication === 'low') lines.push(`  association ${a.name}: client SAP ${a.clientSap}, LLS password ${passwordText(a.password?.ref)}`);
    else hls.push(a.clientSap);
  }
  if (hls.length)
    lines.push(`  ${hls.length} HLS associations (client SAPs ${hls.join(', ')}): keys in simulator/secrets.ts, named by profiles/simulator.yaml`);
  return `${lines.join('\n')}\n`;
}

function passwordText(ref: string | undefined): string {
  if (ref?.startsWith('builtin:')) {
    const r = resolveSecretRef(ref);
    // Public by design (simulator/secrets.ts): a profile names it as `password: builtin:sim-lls`.
    if (r.ok) return `"${new TextDecoder().decode(r.bytes)}" (profile: password: ${ref})`;
  }
  return ref === COMMAND_LINE ? 'as given by --password' : `from ${ref ?? 'nowhere'}`;
}

const COMMAND_LINE = 'command line';

function password(text: string): { ref: string; bytes: Uint8Array } {
  if (/^(env|builtin):/.test(text)) {
    const r = resolveSecretRef(text);
    if (!r.ok) throw new UsageError(`--password ${text}: ${r.problem}`);
    return { ref: text, bytes: r.bytes };
  }
  if (!text) throw new UsageError('--password needs a password, or env:NAME');
  return { ref: COMMAND_LINE, bytes: new TextEncoder().encode(text) };
}

function wholeNumber(text: string, option: string, min: number, max: number, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${option} must be ${what}, not ${JSON.stringify(text)}`);
  return n;
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
