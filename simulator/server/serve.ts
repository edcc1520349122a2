/**
 * The thin IO shell: binds a sans-IO ServerConnection to a Transport. Bytes in go to the
 * connection with the current time; bytes out are written in order, one write after another.
 */
import type { Transport } from '../../drivers/transport';
import { createServerConnection, type ServerConfig } from './connection';

export interface Served {
  /** Closes the transport; resolves once it is closed. */
  close(): Promise<void>;
}

export function serveTransport(transport: Transport, config: ServerConfig, now: () => number, onClosed: () => void): Served {
  const connection = createServerConnection(config);
  let writing: Promise<void> = Promise.resolve();
  let closed = false;
  transport.onClose(() => {
    closed = true;
    onClosed();
  });
  transport.onData((chunk) => {
    if (closed) return;
    const out = connection.receive(chunk, now());
    for (const bytes of out) {
      // A peer that went away mid-response is not an error of the simulator.
      writing = writing.then(() => (closed ? undefined : transport.write(bytes))).catch(() => undefined);
    }
    // A meter that hangs up (simulator/variants/close-after-*): what it sent goes out first.
    if (connection.hangingUp) void served.close();
  });
  const served: Served = {
    async close() {
      if (closed) return;
      await writing;
      closed = true;
      await transport.close();
    },
  };
  return served;
}
