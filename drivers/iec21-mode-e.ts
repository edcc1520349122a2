/**
 * The opening of IEC 62056-21 protocol mode E as a sans-IO state machine: it takes events
 * (start, bytes received, time passed) and returns actions (send, arm a timer, switch the line,
 * fail); it opens nothing and reads no clock, so every path is tested without a port.
 *
 *   client, 300 baud 7E1            device
 *   / ? [address] ! CR LF   ──►
 *                           ◄──     / X X X Z \2 Ident CR LF
 *   ACK 2 Z 2 CR LF         ──►
 *   both switch to Z baud 8N1; HDLC starts (IEC 62056-21 protocol mode E, Green Book 8.4)
 *
 * Waiting is bounded by `responseTimeoutMs` of silence: the timer is re-armed by every byte (at
 * 300 baud a 23-byte identification takes 770 ms to arrive), and the scanner rejects the first
 * byte that cannot belong to an identification, so neither garbage nor silence can hang it.
 */
import { describeByte, Iec21Error } from './iec21-error';
import { ACK, BAUD_RATES, CR, END, LF, REQUEST_COMMAND, START, scanIdentification, type Identification } from './iec21-identification';

/** IEC 62056-21 6.3.3: protocol control character V = '2', HDLC protocol procedure. */
const PROTOCOL_CONTROL_HDLC = 0x32;
/** IEC 62056-21 6.3.3: mode control character Y = '2', binary mode (HDLC). */
const MODE_CONTROL_BINARY = 0x32;
/** IEC 62056-21 6.3.1: a device address has at most 32 characters. */
export const MAX_ADDRESS_LENGTH = 32;

export interface ModeEConfig {
  /** Device address for the request (6.3.1); omitted: any device on the line answers. */
  readonly address?: string;
  /** Longest silence tolerated while the identification is awaited. */
  readonly responseTimeoutMs: number;
  /** Highest baud rate to select; default: whatever the device offers. */
  readonly maxBaud?: number;
  /**
   * false: a device that signs on without the enhanced identification `\2` still gets the
   * acknowledgement (some meters speak HDLC after it anyway); the identification then says
   * `hdlc: false` and the caller remarks on it. Default true (IEC 62056-21 6.3.2 requires it).
   */
  readonly requireEnhancedId?: boolean;
}

export type ModeEAction =
  /** Write these bytes at the current line settings (300 7E1 during the opening). */
  | { readonly type: 'send'; readonly bytes: Uint8Array; readonly note: string }
  /** Call `expireModeE(state, now)` at `at` unless bytes arrive first (which re-arms it). */
  | { readonly type: 'arm-timer'; readonly at: number }
  /** Received bytes that were not the identification but are harmless (an optical head's echo). */
  | { readonly type: 'skip'; readonly bytes: Uint8Array; readonly note: string }
  /** After the sends before it have left the line: reopen at `baudRate` 8N1; HDLC starts. */
  | { readonly type: 'switch'; readonly baudRate: number; readonly identification: Identification }
  | { readonly type: 'fail'; readonly error: Iec21Error };

export type ModeEState =
  | {
      readonly phase: 'awaiting-identification';
      readonly request: Uint8Array;
      /** Bytes received since the request, the skipped echo included (offsets count from here). */
      readonly received: Uint8Array;
      /** Leading bytes of `received` already accounted for as an echo of the request. */
      readonly skipped: number;
      readonly responseTimeoutMs: number;
      /** When silence since the request or the last byte becomes a failure. */
      readonly deadline: number;
      readonly maxBaud: number;
      readonly requireEnhancedId: boolean;
    }
  | { readonly phase: 'switching'; readonly identification: Identification; readonly baudRate: number }
  | { readonly phase: 'failed'; readonly error: Iec21Error };

export interface ModeEStep {
  readonly state: ModeEState;
  readonly actions: readonly ModeEAction[];
}

/** `/?!CR LF` or `/?address!CR LF` (6.3.1). Throws IEC21_BAD_ADDRESS for an address a device could not parse. */
export function encodeRequest(address = ''): Uint8Array {
  if (address.length > MAX_ADDRESS_LENGTH) {
    throw new Iec21Error(
      'IEC21_BAD_ADDRESS',
      MAX_ADDRESS_LENGTH,
      `a device address of at most ${MAX_ADDRESS_LENGTH} characters`,
      `${address.length} characters`,
    );
  }
  for (let i = 0; i < address.length; i++) {
    // 6.3.1: digits, letters and spaces only; '/', '!' and controls would end the message early.
    if (!/[0-9A-Za-z ]/.test(address[i]!)) {
      throw new Iec21Error('IEC21_BAD_ADDRESS', i, 'a digit, a letter or a space in the device address', describeByte(address.charCodeAt(i)));
    }
  }
  return Uint8Array.from([START, REQUEST_COMMAND, ...Array.from(address, (c) => c.charCodeAt(0)), END, CR, LF]);
}

/** ACK 2 Z 2 CR LF (6.3.3): HDLC protocol procedure, baud rate Z, binary mode. */
export function encodeOptionSelect(baudCharacter: string): Uint8Array {
  return Uint8Array.from([ACK, PROTOCOL_CONTROL_HDLC, baudCharacter.charCodeAt(0), MODE_CONTROL_BINARY, CR, LF]);
}

/** The highest rate of BAUD_RATES that both the device (`offered`) and the caller (`max`) accept. */
export function selectBaudRate(offered: number, max: number): number {
  let chosen = BAUD_RATES[0]!;
  for (const rate of BAUD_RATES) if (rate <= offered && rate <= max) chosen = rate;
  return chosen;
}

export function startModeE(config: ModeEConfig, now: number): ModeEStep {
  const maxBaud = config.maxBaud ?? Number.POSITIVE_INFINITY;
  if (!(maxBaud >= BAUD_RATES[0]!)) {
    throw new Iec21Error('IEC21_BAD_MAX_BAUD', 0, `a maximum baud rate of at least ${BAUD_RATES[0]}`, String(config.maxBaud));
  }
  const request = encodeRequest(config.address);
  return {
    state: {
      phase: 'awaiting-identification',
      request,
      received: new Uint8Array(0),
      skipped: 0,
      responseTimeoutMs: config.responseTimeoutMs,
      deadline: now + config.responseTimeoutMs,
      maxBaud,
      requireEnhancedId: config.requireEnhancedId ?? true,
    },
    actions: [
      { type: 'send', bytes: request, note: 'IEC 62056-21 request message' },
      { type: 'arm-timer', at: now + config.responseTimeoutMs },
    ],
  };
}

export function receiveModeE(state: ModeEState, chunk: Uint8Array, now: number): ModeEStep {
  // Once switching or failed, the opening is over: late bytes belong to nobody.
  if (state.phase !== 'awaiting-identification' || chunk.length === 0) return { state, actions: [] };
  const received = new Uint8Array(state.received.length + chunk.length);
  received.set(state.received);
  received.set(chunk, state.received.length);
  const actions: ModeEAction[] = [];
  let skipped = state.skipped;
  const deadline = now + state.responseTimeoutMs;

  // An optical head that hears its own transmission hands the request back first.
  if (skipped === 0) {
    const request = state.request;
    const n = Math.min(received.length, request.length);
    if (received.subarray(0, n).every((b, i) => b === request[i])) {
      if (received.length < request.length) {
        return { state: { ...state, received, deadline }, actions: [{ type: 'arm-timer', at: deadline }] };
      }
      skipped = request.length;
      actions.push({ type: 'skip', bytes: received.slice(0, skipped), note: 'echo of the request' });
    }
  }

  const rest = received.subarray(skipped);
  let scan;
  try {
    scan = scanIdentification(rest);
  } catch (e) {
    if (!(e instanceof Iec21Error)) throw e;
    return failed(e.shifted(skipped), actions);
  }
  if (scan.kind === 'incomplete') {
    actions.push({ type: 'arm-timer', at: deadline });
    return { state: { ...state, received, skipped, deadline }, actions };
  }
  if (scan.length < rest.length) {
    // The device must wait for the acknowledgement: anything after CR LF is out of turn.
    const at = skipped + scan.length;
    return failed(
      new Iec21Error(
        'IEC21_IDENT_TRAILING_BYTES',
        at,
        'nothing until the acknowledgement is sent',
        `${received.length - at} byte(s), first ${describeByte(received[at])}`,
      ),
      actions,
    );
  }
  const identification = scan.identification;
  if (!identification.hdlc && state.requireEnhancedId) {
    const at = skipped + 5; // where `\2` stands: right after Z
    return failed(
      new Iec21Error(
        'IEC21_NO_MODE_E',
        at,
        'the enhanced identification \\2 (binary mode, HDLC)',
        identification.enhanced.length === 0 ? 'no enhanced identification' : identification.enhanced.map((w) => `\\${w}`).join(''),
      ),
      actions,
    );
  }
  const baudRate = selectBaudRate(identification.baudRate, state.maxBaud);
  const baudCharacter = String(BAUD_RATES.indexOf(baudRate));
  actions.push(
    {
      type: 'send',
      bytes: encodeOptionSelect(baudCharacter),
      note: `IEC 62056-21 acknowledgement: mode E at ${baudRate} baud${identification.hdlc ? '' : ' (sent although the identification lacks the enhanced identification \\2: the profile says requireEnhancedId: false)'}`,
    },
    { type: 'switch', baudRate, identification },
  );
  return { state: { phase: 'switching', identification, baudRate }, actions };
}

/** Time passed: fails once `responseTimeoutMs` of silence has gone by since the last byte or the request. */
export function expireModeE(state: ModeEState, now: number): ModeEStep {
  if (state.phase !== 'awaiting-identification' || now < state.deadline) return { state, actions: [] };
  const got = state.received.length - state.skipped;
  const error =
    got === 0
      ? new Iec21Error('IEC21_SILENT', state.received.length, `an identification message within ${state.responseTimeoutMs} ms`, 'nothing')
      : new Iec21Error(
          'IEC21_IDENT_TRUNCATED',
          state.received.length,
          `the rest of the identification message within ${state.responseTimeoutMs} ms`,
          `silence after ${got} byte(s)`,
        );
  return failed(error, []);
}

function failed(error: Iec21Error, before: readonly ModeEAction[]): ModeEStep {
  return { state: { phase: 'failed', error }, actions: [...before, { type: 'fail', error }] };
}
