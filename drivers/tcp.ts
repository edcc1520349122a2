/**
 * TCP transport (IEC 62056-47 wrapper, or HDLC carried over TCP by gateways). Connecting is
 * bounded by `timeoutMs`; retrying a refused connection is the client's business (p-retry).
 */
import * as net from 'node:net';
import { type Transport, UnreachableError } from './transport';

export interface TcpOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
}

const DONE: Promise<void> = Promise.resolve();

/** Wraps an already connected socket (the simulator's accepted connections use this too). */
export function socketTransport(socket: net.Socket, label: string): Transport {
  let dataListener: ((chunk: Uint8Array) => void) | undefined;
  const pending: Uint8Array[] = [];
  let closeListener: ((error?: Error) => void) | undefined;
  let closeError: Error | undefined;
  let closed = false;
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => {
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice();
    if (dataListener) dataListener(bytes);
    else pending.push(bytes);
  });
  socket.on('error', (e) => {
    closeError = e;
  });
  socket.on('close', () => {
    closed = true;
    closeListener?.(closeError);
  });
  return {
    label,
    write: (bytes) => {
      if (closed || socket.destroyed) return Promise.reject(new Error(`${label}: connection closed`));
      // Handed to the kernel at once, or queued by the socket in order: either way the frame is
      // on its way, and a failure closes the socket ('error', then 'close'), which the link sees.
      // No callback: a promise and a callback per frame for nothing the caller needs.
      socket.write(bytes);
      return DONE;
    },
    onData(listener) {
      dataListener = listener;
      for (const c of pending.splice(0)) listener(c);
    },
    onClose(listener) {
      closeListener = listener;
      if (closed) listener(closeError);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed || socket.destroyed) {
          resolve();
          return;
        }
        socket.once('close', () => resolve());
        socket.end();
        // A peer that never acknowledges the FIN must not hold us: destroy after a bounded wait.
        const t = setTimeout(() => socket.destroy(), 1000);
        t.unref();
      }),
  };
}

export function connectTcp(opts: TcpOptions): Promise<Transport> {
  const label = `tcp ${opts.host}:${opts.port}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: opts.host, port: opts.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new UnreachableError(label, `no connection within ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socketTransport(socket, label));
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(new UnreachableError(label, e.message));
    });
  });
}
