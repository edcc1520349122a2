/**
 * Bytes in, bytes out. Framing (HDLC, wrapper) lives above this; a transport never interprets
 * what it carries. Modelled on node-serialport's binding interface: one shape, several
 * implementations (tcp, serial, memory), so the whole harness runs in-process in tests.
 */
export interface Transport {
  /** A short, human label for traces and errors: `tcp 127.0.0.1:4059`, `serial /dev/ttyUSB0`. */
  readonly label: string;
  write(bytes: Uint8Array): Promise<void>;
  /** Every chunk received, in order; registering replaces the previous listener. */
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the peer closes or the link fails; `error` is set on failure. */
  onClose(listener: (error?: Error) => void): void;
  close(): Promise<void>;
}

/** Thrown by a driver that cannot reach the device: the CLI maps it to exit code 3. */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
  constructor(
    readonly target: string,
    readonly causeText: string,
  ) {
    super(`device unreachable at ${target}: ${causeText}`);
  }
}
