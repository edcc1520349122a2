/**
 * `dlmsct simulate`: serve the reference meter over TCP (HDLC or wrapper), with faults injected
 * by name, until interrupted. `--list-faults` prints the fault catalogue.
 */
import { createSimulator, listFaults } from '../../simulator';
import { EXIT, type Io, parse, UsageError } from './io';

/** IANA port for DLMS/COSEM over TCP (IEC 62056-47). */
const DEFAULT_PORT = 4059;

export async function simulateCommand(args: string[], io: Io, until: Promise<unknown> = interrupted()): Promise<number> {
  // Many meters at once (a simulated delivery) is its own command line.
  if (args.some((a) => a === '--meters' || a.startsWith('--meters='))) return (await import('./simulate-fleet')).simulateFleetCommand(args, io, until);
  const { values } = parse(args, {
    tcp: { type: 'string' },
    framing: { type: 'string', default: 'hdlc' },
    fault: { type: 'string', multiple: true, default: [] },
    meter: { type: 'string' },
    'list-faults': { type: 'boolean', default: false },
  });
  const framing = values.framing;
  if (framing !== 'hdlc' && framing !== 'wrapper') throw new UsageError(`--framing must be hdlc or wrapper, not ${JSON.stringify(framing)}`);
  const port = values.tcp === undefined ? DEFAULT_PORT : Number(values.tcp);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--tcp must be a port number 0..65535, not ${JSON.stringify(values.tcp)}`);

  const catalogue = listFaults();
  if (values['list-faults']) {
    for (const f of catalogue) io.out(`${f.name.padEnd(34)} ${f.description} (${f.clause})\n`);
    return EXIT.ok;
  }
  const unknown = values.fault.filter((f) => !catalogue.some((c) => c.name === f));
  if (unknown.length) throw new UsageError(`unknown fault ${unknown.join(', ')}; \`dlmsct simulate --list-faults\` lists them`);

  const sim = createSimulator({ framing, faults: values.fault, ...(values.meter === undefined ? {} : { meter: values.meter }) });
  const bound = await sim.listenTcp(port);
  io.out(`simulator: ${framing} on tcp port ${bound}${values.fault.length ? `, faults: ${values.fault.join(', ')}` : ''} (Ctrl-C stops)\n`);
  await until;
  await sim.stop();
  io.out('simulator: stopped\n');
  return EXIT.ok;
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
