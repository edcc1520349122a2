/** Starts bench/simulator-process.ts in a child process and talks to it (see there). */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Bound for the child to start ts-node, load the meter and bind two ports. */
const START_TIMEOUT_MS = 30_000;
const REPLY_TIMEOUT_MS = 5_000;

export interface SimulatorChild {
  readonly ports: { readonly hdlc: number; readonly wrapper: number };
  /** The child's process id: placement.ts pins it beside the client to measure on one core. */
  readonly pid: number;
  /** The child's user + system CPU so far, in µs. */
  cpuUs(): Promise<number>;
  stop(): Promise<void>;
}

interface Message {
  readonly type?: string;
  readonly ports?: { hdlc: number; wrapper: number };
  readonly us?: number;
}

function nextMessage(child: ChildProcess, type: string, timeoutMs: number): Promise<Message> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`bench simulator process: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: Message): void => {
      if (m.type === type) done(undefined, m);
    };
    const onExit = (code: number | null): void => done(new Error(`bench simulator process exited (${code}) before '${type}'`));
    function done(error?: Error, m?: Message): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(m!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startSimulatorChild(): Promise<SimulatorChild> {
  const child = fork(join(__dirname, 'simulator-process.ts'), [], {
    // ts-node in the child too; mocha's own require hooks are not inherited through execArgv.
    execArgv: ['-r', 'ts-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await nextMessage(child, 'ready', START_TIMEOUT_MS);
    const ports = ready.ports!;
    return {
      ports,
      pid: child.pid!,
      async cpuUs() {
        const reply = nextMessage(child, 'cpu', REPLY_TIMEOUT_MS);
        child.send({ type: 'cpu' });
        return (await reply).us!;
      },
      async stop() {
        if (child.exitCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.send({ type: 'stop' });
        const timer = setTimeout(() => child.kill(), REPLY_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      },
    };
  } catch (e) {
    child.kill();
    throw e;
  }
}
