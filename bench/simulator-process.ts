/**
 * The simulator in a child process, for the TCP benchmarks: there the client's process does
 * only the client's work, and this process reports its own CPU time on request, so both sides
 * are measured without guessing. Started by simulator-child.ts with `fork`; speaks over IPC:
 *   → { type: 'ready', ports: { hdlc, wrapper } }   once both listeners are bound
 *   ← { type: 'cpu' }  → { type: 'cpu', us }        user + system CPU so far
 *   ← { type: 'stop' }                               closes everything and exits
 */
import { createSimulator } from '../simulator';

async function main(): Promise<void> {
  const send = (message: unknown): void => {
    process.send?.(message);
  };
  const hdlc = createSimulator({ framing: 'hdlc' });
  const wrapper = createSimulator({ framing: 'wrapper' });
  const ports = { hdlc: await hdlc.listenTcp(0), wrapper: await wrapper.listenTcp(0) };
  process.on('message', (m: { type?: string }) => {
    if (m.type === 'cpu') {
      const u = process.cpuUsage();
      send({ type: 'cpu', us: u.user + u.system });
    } else if (m.type === 'stop') {
      void Promise.all([hdlc.stop(), wrapper.stop()]).finally(() => process.exit(0));
    }
  });
  // The parent is gone (crashed or killed): do not outlive it.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', ports });
}

main().catch((e: unknown) => {
  process.stderr.write(`bench simulator process: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
