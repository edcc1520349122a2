/**
 * Opens the transport a profile names. Only the connection is retried (p-retry): a refused or
 * timed-out connect is retried with back-off inside one bounded budget; once connected, nothing
 * is ever retried behind the harness's back, since a retried request would hide a DUT fault.
 */
import pRetry, { AbortError } from 'p-retry';
import type { Transport } from '../drivers/transport';
import { UnreachableError } from '../drivers/transport';
import { connectTcp } from '../drivers/tcp';
import { openSerial } from '../drivers/serial';
import { type Iec21Error, isIec21Error, openIec21ModeE, type Iec21Exchange } from '../drivers/iec21';
import { ClientError } from './api';

export type TransportSpec =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | {
      readonly kind: 'serial';
      readonly path: string;
      readonly baudRate: number;
      readonly dataBits?: 7 | 8;
      readonly parity?: 'none' | 'even' | 'odd';
      readonly stopBits?: 1 | 2;
      /** IEC 62056-21 mode E: 300 baud 7E1 sign-on, then HDLC at the agreed rate (at most `baudRate`). */
      readonly opening?: 'iec21-mode-e';
      /** false: acknowledge a meter whose identification lacks the enhanced identification `\2` (a remark, not a failure). */
      readonly requireEnhancedId?: boolean;
      /** The device address of the mode E request message, when the bus has several meters. */
      readonly address?: string;
    }
  /** An already arranged transport, e.g. the built-in simulator's in-memory pair. */
  | { readonly kind: 'factory'; readonly label: string; readonly open: () => Promise<Transport> };

export interface OpenOptions {
  /** Bound for one connection attempt. */
  readonly attemptTimeoutMs: number;
  /** Further attempts after the first. */
  readonly retries: number;
  readonly onRetry?: (note: string) => void;
  /** Each message of a serial sign-on (mode E) with its bytes, for the trace. */
  readonly onOpening?: (x: Iec21Exchange) => void;
  /** An allowed but not preferred opening (a mode E meter without `\2`): a remark on the case. */
  readonly onRemark?: (text: string, clause: string) => void;
}

/** IEC 62056-21 6.3.2/6.3.3: where mode E's enhanced identification and acknowledgement are defined. */
export const MODE_E_CLAUSE = 'IEC 62056-21 6.3.2 identification message, 6.3.3 acknowledgement (protocol mode E)';

export async function openTransport(spec: TransportSpec, opts: OpenOptions): Promise<Transport> {
  let heard = '';
  const once = async (): Promise<Transport> => {
    switch (spec.kind) {
      case 'tcp':
        return connectTcp({ host: spec.host, port: spec.port, timeoutMs: opts.attemptTimeoutMs });
      case 'serial':
        try {
          if (spec.opening === 'iec21-mode-e') {
            // What the meter said, so that a failure quotes it (the trace has it too, byte by byte).
            heard = '';
            const line = await openIec21ModeE({
              path: spec.path,
              timeoutMs: opts.attemptTimeoutMs,
              maxBaud: spec.baudRate,
              ...(spec.address === undefined ? {} : { address: spec.address }),
              ...(spec.requireEnhancedId === undefined ? {} : { requireEnhancedId: spec.requireEnhancedId }),
              onExchange: (x: Iec21Exchange) => {
                if (x.dir === 'rx' && x.bytes) heard += String.fromCharCode(...x.bytes);
                opts.onOpening?.(x);
              },
            });
            if (!line.identification.hdlc) {
              opts.onRemark?.(
                `the meter's IEC 62056-21 identification lacks the enhanced identification \\2 that announces mode E (HDLC); the acknowledgement was sent anyway because the profile says requireEnhancedId: false (the meter sent ${JSON.stringify(heard)})`,
                MODE_E_CLAUSE,
              );
            }
            return line;
          }
          return await openSerial({ ...spec, timeoutMs: opts.attemptTimeoutMs });
        } catch (e) {
          // The meter answered the sign-on wrongly: its failure, with the offending byte located.
          if (isIec21Error(e)) throw new AbortError(openingFailure(e, heard));
          // A missing or busy serial port does not heal by waiting: do not retry it.
          throw new AbortError(e instanceof Error ? e : String(e));
        }
      case 'factory':
        return spec.open();
      default: {
        const never: never = spec;
        throw new Error(`unknown transport ${JSON.stringify(never)}`);
      }
    }
  };
  try {
    return await pRetry(once, {
      retries: opts.retries,
      minTimeout: 200,
      maxTimeout: 2000,
      factor: 2,
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
        opts.onRetry?.(`connection attempt ${attemptNumber} failed (${error.message}); ${retriesLeft} left`);
      },
    });
  } catch (e) {
    if (e instanceof UnreachableError || e instanceof ClientError) throw e;
    throw new UnreachableError(describeSpec(spec), e instanceof Error ? e.message : String(e));
  }
}

/** The meter's wrong answer to the mode E sign-on, as a failure of the meter naming the clause. */
function openingFailure(e: Iec21Error, heard: string): ClientError {
  const why =
    e.code === 'IEC21_NO_MODE_E'
      ? 'protocol mode E requires the enhanced identification \\2 right after the baud rate character of the identification message'
      : 'the identification message does not follow IEC 62056-21';
  return new ClientError(`IEC 62056-21 opening failed: ${why} (${MODE_E_CLAUSE}): ${e.message}; the meter sent ${JSON.stringify(heard)}`, 'dut', e.code);
}

export function describeSpec(spec: TransportSpec): string {
  switch (spec.kind) {
    case 'tcp':
      return `tcp ${spec.host}:${spec.port}`;
    case 'serial':
      return `serial ${spec.path}`;
    case 'factory':
      return spec.label;
  }
}
