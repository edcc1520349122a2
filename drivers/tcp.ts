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

/**
 * Bytes a client connection reads into at once: larger than any wrapper PDU a meter sends in one
 * piece in practice and than any HDLC frame; a longer PDU arrives in several reads, which the
 * framer joins.
 */
export const READ_BUFFER_SIZE = 64 * 1024;

/** Where a transport's received bytes go: its listener, or a queue until one is registered. */
interface Delivery {
  deliver(bytes: Uint8Array): void;
  listen(listener: (chunk: Uint8Array) => void): void;
}

function newDelivery(): Delivery {
  let listener: ((chunk: Uint8Array) => void) | undefined;
  const pending: Uint8Array[] = [];
  return {
    deliver(bytes) {
      if (listener) listener(bytes);
      else pending.push(bytes);
    },
    listen(l) {
      listener = l;
      for (const c of pending.splice(0)) l(c);
    },
  };
}

/**
 * Wraps an already connected socket (the simulator's accepted connections use this too), read
 * through its 'data' events; or, given `fed`, a socket made with `onread` whose callback feeds it.
 */
export function socketTransport(socket: net.Socket, label: string, fed?: Delivery): Transport {
  const delivery = fed ?? newDelivery();
  let closeListener: ((error?: Error) => void) | undefined;
  let closeError: Error | undefined;
  let closed = false;
  socket.setNoDelay(true);
  if (fed === undefined) {
    socket.on('data', (chunk: Buffer) => delivery.deliver(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice()));
  }
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
    onData: (listener) => delivery.listen(listener),
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

/**
 * A client connection reads with `onread` into one buffer of its own: no Buffer made per read,
 * no readable-stream machinery per chunk ('data' events); each chunk is copied out once, since
 * the buffer is read into again.
 */
export function connectTcp(opts: TcpOptions): Promise<Transport> {
  const label = `tcp ${opts.host}:${opts.port}`;
  const delivery = newDelivery();
  const buffer = Buffer.allocUnsafe(READ_BUFFER_SIZE);
  const view = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return new Promise((resolve, reject) => {
    const socket = net.connect({
      host: opts.host,
      port: opts.port,
      onread: {
        buffer,
        callback: (n: number) => {
          delivery.deliver(view.slice(0, n));
          return true;
        },
      },
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new UnreachableError(label, `no connection within ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socketTransport(socket, label, delivery));
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(new UnreachableError(label, e.message));
    });
  });
}
