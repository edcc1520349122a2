/**
 * The IEC 62056-21 protocol mode E opener: runs the sans-IO machine of iec21-mode-e.ts over a
 * serial port at 300 baud 7E1, then closes the port and reopens it 8N1 at the agreed rate, where
 * HDLC starts. Data bits and parity are fixed when a port opens, hence the reopen; `hupcl: false`
 * (serial.ts) keeps an optical head powered across it.
 *
 * Failures: a port that cannot be opened, or a device that stays silent, is an
 * `UnreachableError` (the CLI's "DUT unreachable"); a device that answers wrongly is an
 * `Iec21Error` with a stable code and the offset of the first wrong byte.
 */
import { BAUD_RATES, type Identification } from './iec21-identification';
import { expireModeE, receiveModeE, startModeE, type ModeEAction, type ModeEState, type ModeEStep } from './iec21-mode-e';
import { openSerial } from './serial';
import { type Transport, UnreachableError } from './transport';

export { Iec21Error, isIec21Error } from './iec21-error';
export { parseIdentification, scanIdentification, BAUD_RATES, type Identification } from './iec21-identification';
export { encodeOptionSelect, encodeRequest } from './iec21-mode-e';

export interface Iec21ModeEOptions {
  readonly path: string;
  /** Device address for the request message (IEC 62056-21 6.3.1). */
  readonly address?: string;
  /** Bounds every wait: opening and closing the port, each write, and silence from the device. */
  readonly timeoutMs: number;
  /** Highest baud rate to select (default: the device's offer). */
  readonly maxBaud?: number;
  /** false: acknowledge a device without the enhanced identification `\2` anyway (ModeEConfig). */
  readonly requireEnhancedId?: boolean;
  /** Every message of the opening as it crosses the line, for the trace. */
  readonly onExchange?: (record: Iec21Exchange) => void;
}

export interface Iec21Exchange {
  readonly dir: 'tx' | 'rx' | 'event';
  readonly bytes?: Uint8Array;
  readonly note: string;
}

/** The HDLC-ready transport, and what the device said about itself. */
export interface Iec21Transport extends Transport {
  readonly identification: Identification;
  readonly baudRate: number;
}

interface Agreed {
  readonly identification: Identification;
  readonly baudRate: number;
}

/** Opens `path` in protocol mode E; resolves once the line runs 8N1 at the agreed rate. */
export async function openIec21ModeE(opts: Iec21ModeEOptions): Promise<Iec21Transport> {
  // Configuration errors (address, maxBaud) are thrown before the port is touched.
  const first = startModeE(
    {
      responseTimeoutMs: opts.timeoutMs,
      ...(opts.address !== undefined && { address: opts.address }),
      ...(opts.maxBaud !== undefined && { maxBaud: opts.maxBaud }),
      ...(opts.requireEnhancedId !== undefined && { requireEnhancedId: opts.requireEnhancedId }),
    },
    performance.now(),
  );
  const opening = await openSerial({ path: opts.path, baudRate: BAUD_RATES[0]!, dataBits: 7, parity: 'even', stopBits: 1, timeoutMs: opts.timeoutMs });
  let agreed: Agreed;
  try {
    agreed = await runOpening(opening, first, opts);
  } finally {
    await opening.close();
  }
  const line = await openSerial({ path: opts.path, baudRate: agreed.baudRate, dataBits: 8, parity: 'none', stopBits: 1, timeoutMs: opts.timeoutMs });
  opts.onExchange?.({ dir: 'event', note: `IEC 62056-21 mode E: line reopened at ${agreed.baudRate} baud 8N1, HDLC starts` });
  return {
    label: `${line.label} (IEC 62056-21 mode E)`,
    identification: agreed.identification,
    baudRate: agreed.baudRate,
    write: (bytes) => line.write(bytes),
    onData: (listener) => line.onData(listener),
    onClose: (listener) => line.onClose(listener),
    close: () => line.close(),
  };
}

/** Drives the machine over the 300-baud port until it says switch (resolve) or fail (reject). */
function runOpening(port: Transport, first: ModeEStep, opts: Iec21ModeEOptions): Promise<Agreed> {
  return new Promise<Agreed>((resolve, reject) => {
    let state: ModeEState = first.state;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    // Actions run strictly in order (a send completes before the switch after it), even when
    // bytes arrive while an earlier send is still draining.
    let queue = Promise.resolve();
    // When the last send began and how long it occupies a 300-baud line (see 'switch').
    let lineBusyUntil = 0;

    const finish = (error: Error | undefined, agreed?: Agreed): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      port.onData(() => undefined);
      port.onClose(() => undefined);
      if (error) reject(error);
      else resolve(agreed!);
    };

    const apply = (step: ModeEStep): void => {
      state = step.state;
      const actions = step.actions;
      queue = queue
        .then(async () => {
          for (const action of actions) {
            if (done) return;
            await perform(action);
          }
        })
        .catch((e: unknown) => finish(e instanceof Error ? e : new Error(String(e))));
    };

    const expire = (): void => {
      timer = undefined;
      if (done) return;
      const step = expireModeE(state, performance.now());
      // A timer may fire a hair early: if the machine is still waiting, wait for its deadline.
      if (step.actions.length === 0 && step.state.phase === 'awaiting-identification') arm(step.state.deadline);
      apply(step);
    };

    const arm = (at: number): void => {
      clearTimeout(timer);
      timer = setTimeout(expire, Math.max(0, Math.ceil(at - performance.now())));
    };

    const perform = async (action: ModeEAction): Promise<void> => {
      switch (action.type) {
        case 'send':
          opts.onExchange?.({ dir: 'tx', bytes: action.bytes, note: action.note });
          lineBusyUntil = performance.now() + transmitMs(action.bytes.length);
          await bounded(
            port.write(action.bytes),
            opts.timeoutMs + transmitMs(action.bytes.length),
            () => new UnreachableError(port.label, `${action.note} not sent within the bound`),
          );
          return;
        case 'arm-timer':
          arm(action.at);
          return;
        case 'skip':
          opts.onExchange?.({ dir: 'event', bytes: action.bytes, note: `skipped: ${action.note}` });
          return;
        case 'switch': {
          // The reopen flushes the port (TCIOFLUSH). A real UART's drain covers the ACK's time on
          // the line, but a pty or a USB adapter reports drained early, and the flush would then
          // discard an ACK the device has not read yet: let the line time of the ACK pass first.
          const settle = lineBusyUntil - performance.now();
          if (settle > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(settle)));
          finish(undefined, { identification: action.identification, baudRate: action.baudRate });
          return;
        }
        case 'fail':
          // Silence is the device not being there; anything else is the device answering wrongly.
          finish(action.error.code === 'IEC21_SILENT' ? new UnreachableError(port.label, action.error.message) : action.error);
          return;
        default: {
          const never: never = action;
          throw new Error(`unknown mode E action ${JSON.stringify(never)}`);
        }
      }
    };

    port.onData((chunk) => {
      if (done) return;
      opts.onExchange?.({ dir: 'rx', bytes: chunk, note: 'IEC 62056-21 identification' });
      apply(receiveModeE(state, chunk, performance.now()));
    });
    port.onClose((e) => finish(new UnreachableError(port.label, `port closed during the IEC 62056-21 opening${e ? `: ${e.message}` : ''}`)));
    apply(first);
  });
}

/** Time to clock `n` characters out at 300 baud, 7E1 = 10 bits a character, rounded up. */
function transmitMs(n: number): number {
  return Math.ceil((n * 10 * 1000) / BAUD_RATES[0]!);
}

/** `p`, or the error of `onTimeout` after `ms` (the timer cleared either way). */
export function bounded<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(onTimeout()), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
