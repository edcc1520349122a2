/**
 * Serial reads and writes on the event loop's own thread. serialport 13's unix bindings read and
 * write through libuv's thread pool (`fs.read`/`fs.write`): each frame that arrives costs a wake of
 * the main thread (the poller says readable), a hop to a pool thread for the read and a hop back,
 * and the next read goes to the pool again only to learn EAGAIN. At 9600 Bd with both ends idle
 * between frames that was 0.3-0.7 ms per frame received (measured through the line-speed bridge,
 * docs/decisions/speed-and-a-light-report.md), and a pool busy with file or crypto work delays it
 * further. The port's descriptor is non-blocking (the bindings open it O_NONBLOCK), so a read or
 * write the kernel can do now is one system call here; only when it cannot (EAGAIN) does this wait
 * for the bindings' poller, on the same thread.
 *
 * Anything else (an error, a hung-up tty reading zero bytes, a short write) is handed back to the
 * bindings' own read or write, so disconnects, cancellation on close and their error flags stay
 * exactly theirs.
 */
import * as fs from 'node:fs';

/** What this needs of a unix port binding (bindings-cpp's LinuxPortBinding, DarwinPortBinding). */
interface UnixPortBinding {
  fd: number | null;
  readonly isOpen: boolean;
  readonly poller?: { once(event: 'readable', callback: (error: Error | null) => void): unknown };
  read(buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }>;
  write(buffer: Buffer): Promise<void>;
}

function isUnixPortBinding(port: unknown): port is UnixPortBinding {
  const p = port as Partial<UnixPortBinding> | undefined;
  return typeof p?.fd === 'number' && typeof p.poller?.once === 'function' && typeof p.read === 'function' && typeof p.write === 'function';
}

function wouldBlock(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINTR';
}

/**
 * Makes the port binding read and write on the loop thread; a binding that is not a unix one
 * (the mock of the unit tests, Windows) is left as it is. Returns whether it was changed.
 */
export function readWriteOnLoopThread(port: unknown): boolean {
  if (!isUnixPortBinding(port)) return false;
  const bindingsRead = port.read.bind(port);
  const bindingsWrite = port.write.bind(port);
  const readable = (): Promise<void> => new Promise((resolve, reject) => port.poller!.once('readable', (e) => (e ? reject(e) : resolve())));

  port.read = async (buffer, offset, length) => {
    for (;;) {
      if (!port.isOpen || port.fd === null) return bindingsRead(buffer, offset, length);
      let n: number;
      try {
        n = fs.readSync(port.fd, buffer, offset, length, null);
      } catch (e) {
        if (!wouldBlock(e)) return bindingsRead(buffer, offset, length);
        await readable();
        continue;
      }
      return n > 0 ? { bytesRead: n, buffer } : bindingsRead(buffer, offset, length);
    }
  };

  port.write = async (buffer) => {
    if (!port.isOpen || port.fd === null || buffer.length === 0) return bindingsWrite(buffer);
    let written = 0;
    try {
      written = fs.writeSync(port.fd, buffer, 0, buffer.length);
    } catch (e) {
      if (!wouldBlock(e)) return bindingsWrite(buffer);
    }
    if (written < buffer.length) return bindingsWrite(buffer.subarray(written));
  };
  return true;
}
