/**
 * `dlmsct simulate [--tcp PORT] [--host HOST] [--framing hdlc|wrapper] [--meter FILE]
 * [--fault NAME]... [--variant NAME]... [--serial PATH [--baud N]] [--list-faults] [--list-variants]`: serves the reference meter over
 * TCP (and a serial device when asked) until SIGINT or
 * SIGTERM. Prints the bound port; resolves with the exit code (0, or 2 for a usage or
 * configuration error).
 */
import { openSerial } from '../drivers/serial';
import { createSimulator, listFaults, listVariants } from './index';

/** IEC 62056-47: the IANA port registered for DLMS/COSEM over TCP. */
const DLMS_TCP_PORT = 4059;

interface SimulateArgs {
  port: number;
  host: string;
  framing: 'hdlc' | 'wrapper';
  meter?: string;
  faults: string[];
  /** Legal variants (simulator/variants/): behaviours the standard allows that the default meter does not show. */
  variants: string[];
  listFaults: boolean;
  listVariants: boolean;
  /** Also serve this serial device (8N1 at `baud`), e.g. one end of a socat pty pair. */
  serial?: string;
  baud: number;
  /** HDLC inactivity timeout in seconds for interactive clients (the default meter has 1 s). */
  inactivityS: number;
}

const USAGE = 'usage: dlmsct simulate [--tcp PORT] [--host HOST] [--framing hdlc|wrapper] [--meter FILE] [--fault NAME]... [--variant NAME]... [--serial PATH [--baud N]] [--inactivity S] [--list-faults] [--list-variants]';

function parse(args: readonly string[]): SimulateArgs | string {
  const out: SimulateArgs = { port: DLMS_TCP_PORT, host: '127.0.0.1', framing: 'hdlc', faults: [], variants: [], listFaults: false, listVariants: false, baud: 9600, inactivityS: 120 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string | undefined => args[++i];
    switch (arg) {
      case '--tcp': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0 || v > 0xffff) return `--tcp needs a port 0..65535 (0 = any free port)`;
        out.port = v;
        break;
      }
      case '--host': {
        const v = value();
        if (!v) return '--host needs an address';
        out.host = v;
        break;
      }
      case '--framing': {
        const v = value();
        if (v !== 'hdlc' && v !== 'wrapper') return '--framing is hdlc or wrapper';
        out.framing = v;
        break;
      }
      case '--meter': {
        const v = value();
        if (!v) return '--meter needs a file';
        out.meter = v;
        break;
      }
      case '--fault': {
        const v = value();
        if (!v) return '--fault needs a name (see --list-faults)';
        out.faults.push(v);
        break;
      }
      case '--variant': {
        const v = value();
        if (!v) return '--variant needs a name (see --list-variants)';
        out.variants.push(v);
        break;
      }
      case '--list-faults':
        out.listFaults = true;
        break;
      case '--list-variants':
        out.listVariants = true;
        break;
      case '--serial': {
        const v = value();
        if (!v) return '--serial needs a device path';
        out.serial = v;
        break;
      }
      case '--inactivity': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0 || v > 0xffff) return '--inactivity needs seconds, 0..65535 (0 = never)';
        out.inactivityS = v;
        break;
      }
      case '--baud': {
        const v = Number(value());
        if (!Number.isInteger(v) || v <= 0) return '--baud needs a positive whole number';
        out.baud = v;
        break;
      }
      default:
        return `unknown argument ${JSON.stringify(arg)}`;
    }
  }
  return out;
}

export async function runSimulateCommand(args: readonly string[], print: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    print(`${parsed}\n${USAGE}`);
    return 2;
  }
  if (parsed.listFaults) {
    for (const f of listFaults()) print(`${f.name}\n    ${f.description}\n    ${f.clause}`);
    return 0;
  }
  if (parsed.listVariants) {
    for (const v of listVariants()) print(`${v.name}\n    ${v.description}\n    ${v.clause}${v.reading ? `\n    reading: ${v.reading}` : ''}`);
    return 0;
  }
  let sim;
  try {
    sim = createSimulator({ framing: parsed.framing, faults: parsed.faults, variants: parsed.variants, inactivityTimeoutS: parsed.inactivityS, ...(parsed.meter === undefined ? {} : { meter: parsed.meter }) });
  } catch (e) {
    print((e as Error).message);
    return 2;
  }
  if (parsed.serial !== undefined) {
    try {
      sim.serveTransport(await openSerial({ path: parsed.serial, baudRate: parsed.baud, timeoutMs: 5000 }));
    } catch (e) {
      print(`cannot open ${parsed.serial}: ${(e as Error).message}`);
      await sim.stop();
      return 2;
    }
    print(`simulator serving serial ${parsed.serial} at ${parsed.baud} baud 8N1 (${parsed.framing})`);
  }
  let port: number;
  try {
    port = await sim.listenTcp(parsed.port, parsed.host);
  } catch (e) {
    print(`cannot listen on ${parsed.host}:${parsed.port}: ${(e as Error).message}`);
    return 2;
  }
  // Handlers first, then the port: whoever reads the port may signal at once (a test does).
  const stopped = new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  const faults = (sim.faults.length ? `, faults: ${sim.faults.join(', ')}` : '') + (sim.variants.length ? `, variants: ${sim.variants.join(', ')}` : '');
  print(`simulator listening on tcp ${parsed.host}:${port} (${parsed.framing}${faults})`);
  print(`port ${port}`);
  await stopped;
  await sim.stop();
  print('simulator stopped');
  return 0;
}
