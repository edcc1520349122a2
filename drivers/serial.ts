/**
 * Serial transport over node-serialport 13. Data bits, parity and stop bits are fixed when a port
 * opens, so changing them (IEC 62056-21 mode E: 300 7E1 → 9600 8N1) means close and reopen;
 * `hupcl: false` keeps DTR/RTS up so optical heads stay powered across the reopen.
 *
 * Opening and closing are bounded by `timeoutMs`; writes are not, since at 300 baud a long write
 * legitimately takes seconds (framing layers above bound the exchange). `SerialPort.list()` is
 * never called: it crashes the process on machines without udevadm (TOOLCHAIN.md).
 */
import { SerialPort, type SerialPortMock } from 'serialport';
import { readWriteOnLoopThread } from './serial-loop-io';
import { type Transport, UnreachableError } from './transport';

export interface SerialOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly dataBits?: 7 | 8;
  readonly parity?: 'none' | 'even' | 'odd';
  readonly stopBits?: 1 | 2;
  /** Bound for opening, and for closing, the port. */
  readonly timeoutMs: number;
}

/** What the transport drives: the real port, or `SerialPortMock` in unit tests. */
export type SerialPortHandle = SerialPort | SerialPortMock;

/** `serial /dev/ttyUSB0 9600 8N1`: the label of traces and errors. */
export function serialLabel(opts: Omit<SerialOptions, 'timeoutMs'>): string {
  const parity = (opts.parity ?? 'none')[0]!.toUpperCase();
  return `serial ${opts.path} ${opts.baudRate} ${opts.dataBits ?? 8}${parity}${opts.stopBits ?? 1}`;
}

/**
 * Opens the port. Every failure to open (no such device, permission, busy, no answer from the
 * driver within `timeoutMs`) is an `UnreachableError` naming the path; nothing is thrown
 * synchronously and no `error` event is left unhandled.
 */
export function openSerial(opts: SerialOptions): Promise<Transport> {
  const label = serialLabel(opts);
  return new Promise((resolve, reject) => {
    let settled = false;
    let port: SerialPort;
    const timer = setTimeout(() => {
      settled = true;
      reject(new UnreachableError(label, `port did not open within ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    try {
      port = new SerialPort(
        {
          path: opts.path,
          baudRate: opts.baudRate,
          dataBits: opts.dataBits ?? 8,
          parity: opts.parity ?? 'none',
          stopBits: opts.stopBits ?? 1,
          hupcl: false,
          autoOpen: true,
        },
        (e) => {
          if (settled) {
            // Opened after we gave up on it: release the device rather than leak it.
            if (!e) port.close(() => undefined);
            return;
          }
          settled = true;
          clearTimeout(timer);
          if (e) reject(new UnreachableError(label, describeOpenError(opts.path, e)));
          else {
            // Before the first read: no thread-pool hop per frame (serial-loop-io.ts).
            readWriteOnLoopThread(port.port);
            resolve(portTransport(port, label, opts.timeoutMs));
          }
        },
      );
      // Errors outside a callback would otherwise crash the process; portTransport keeps them.
      port.on('error', () => undefined);
    } catch (e) {
      // Invalid settings throw synchronously from the constructor.
      settled = true;
      clearTimeout(timer);
      reject(new UnreachableError(label, `invalid serial settings: ${e instanceof Error ? e.message : String(e)}`));
    }
  });
}

/** The bindings' messages are errno text; say what the user should look at. */
function describeOpenError(path: string, e: Error): string {
  const m = e.message;
  if (/no such file or directory/i.test(m)) return `no such serial port: ${path} does not exist (${m})`;
  if (/permission denied/i.test(m)) return `permission denied on ${path}: is the user in the dialout group? (${m})`;
  if (/cannot lock port|resource temporarily unavailable|busy/i.test(m)) return `${path} is in use by another process (${m})`;
  return m;
}

/**
 * Wraps an open port. Chunks that arrive before a listener is registered are queued, not lost;
 * the close listener hears the driver's disconnect error when the device goes away.
 */
export function portTransport(port: SerialPortHandle, label: string, closeTimeoutMs: number): Transport {
  let dataListener: ((chunk: Uint8Array) => void) | undefined;
  const pending: Uint8Array[] = [];
  let closeListener: ((error?: Error) => void) | undefined;
  let lastError: Error | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;

  port.on('data', (chunk: Buffer) => {
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice();
    if (dataListener) dataListener(bytes);
    else pending.push(bytes);
  });
  port.on('error', (e: Error) => {
    lastError = e;
  });
  // The driver reports a vanished device (EIO, ENXIO) by closing with a DisconnectedError. A
  // hung-up tty that reads zero bytes is not reported: serialport 13 re-reads it in a loop
  // until the port is closed, so a silent line is left to the response timeouts above.
  port.on('close', (e: Error | null) => {
    if (closed) return;
    closed = true;
    closeListener?.(e ?? lastError);
  });

  return {
    label,
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (closed || !port.isOpen) {
          reject(new Error(`${label}: port is closed`));
          return;
        }
        port.write(Buffer.from(bytes), (e) => {
          if (e) reject(e);
          // drain waits for tcdrain(): the bytes have left the UART, which mode E relies on.
          else port.drain((d) => (d ? reject(d) : resolve()));
        });
      }),
    onData(listener) {
      dataListener = listener;
      for (const c of pending.splice(0)) listener(c);
    },
    onClose(listener) {
      closeListener = listener;
      if (closed) listener(lastError);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (closed || !port.isOpen) {
          closed = true;
          resolve();
          return;
        }
        // A driver that never confirms the close must not hold the run: give up after the bound.
        const timer = setTimeout(() => {
          if (!closed) {
            closed = true;
            closeListener?.(new Error(`${label}: close not confirmed within ${closeTimeoutMs} ms`));
          }
          resolve();
        }, closeTimeoutMs);
        port.close(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      return closing;
    },
  };
}
