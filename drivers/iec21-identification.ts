/**
 * The identification message of IEC 62056-21 (clause 6.3.2), as a mode E opener reads it:
 *
 *   / X X X Z [\W ...] Ident CR LF
 *
 * XXX is the manufacturer's three-letter identification (a lower-case third letter says the
 * device answers within 20 ms instead of 200 ms); Z the highest baud rate it offers, one of the
 * protocol mode C/E characters 0..6; `\W` an enhanced identification sequence, where W = 2 says
 * that the binary mode (HDLC, protocol mode E) is available (clause 6.3.2 item 24; the other
 * digits are reserved); Ident at most 16 printable characters other than `/` and `!`.
 *
 * The scanner works on a prefix, so the opener can reject a wrong byte the moment it arrives
 * instead of waiting out a timeout behind it.
 */
import { describeByte, Iec21Error } from './iec21-error';

/** IEC 62056-21 6.3: the characters that frame the opening messages. */
export const START = 0x2f; // '/'
export const REQUEST_COMMAND = 0x3f; // '?'
export const END = 0x21; // '!'
export const ESCAPE = 0x5c; // '\'
export const CR = 0x0d;
export const LF = 0x0a;
export const ACK = 0x06;

/** Baud rate characters of protocol modes C and E (IEC 62056-21 6.3.2, Z): '0' = 300 … '6' = 19200. */
export const BAUD_RATES: readonly number[] = [300, 600, 1200, 2400, 4800, 9600, 19200];

/** Protocol mode B uses 'A'..'I' for Z (6.3.2); named in errors, since it means "not mode C/E". */
const MODE_B_BAUD_CHARACTERS = 'ABCDEFGHI';

/** Enhanced identification character 2: binary mode (HDLC) available (6.3.2 item 24). */
export const ENHANCED_HDLC = '2';

/** 6.3.2: the Ident field holds at most 16 characters. */
export const MAX_IDENT_LENGTH = 16;

export interface Identification {
  /** The three letters XXX as sent, e.g. 'ISk'. */
  readonly manufacturer: string;
  /** Third letter lower case: the device's minimum reaction time is 20 ms, not 200 ms. */
  readonly fastReaction: boolean;
  /** Z, e.g. '5'. */
  readonly baudCharacter: string;
  /** The baud rate Z stands for. */
  readonly baudRate: number;
  /** Each W of the `\W` sequences, in order, e.g. ['2']. */
  readonly enhanced: readonly string[];
  /** Whether `\2` was among them: the device offers protocol mode E (HDLC). */
  readonly hdlc: boolean;
  readonly ident: string;
}

export type IdentificationScan =
  { readonly kind: 'complete'; readonly identification: Identification; readonly length: number } | { readonly kind: 'incomplete' };

/** Baud rate character for a rate of BAUD_RATES ('0'..'6'). */
export function baudCharacterOf(baudRate: number): string {
  const i = BAUD_RATES.indexOf(baudRate);
  if (i < 0) throw new RangeError(`${baudRate} is not an IEC 62056-21 mode C/E baud rate`);
  return String(i);
}

const isUpper = (b: number): boolean => b >= 0x41 && b <= 0x5a;
const isLower = (b: number): boolean => b >= 0x61 && b <= 0x7a;
const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;

/**
 * Reads one identification message from the start of `bytes`. Throws an `Iec21Error` at the
 * first byte that cannot belong to one; returns `incomplete` when the bytes end before CR LF
 * and nothing so far was wrong. Bytes after CR LF are not looked at.
 */
export function scanIdentification(bytes: Uint8Array): IdentificationScan {
  const at = (i: number): number | undefined => bytes[i];
  if (bytes.length === 0) return { kind: 'incomplete' };
  if (at(0) !== START) throw new Iec21Error('IEC21_IDENT_NO_START', 0, "'/' (0x2F)", describeByte(at(0)));

  for (let i = 1; i <= 3; i++) {
    const b = at(i);
    if (b === undefined) return { kind: 'incomplete' };
    if (!(isUpper(b) || (i === 3 && isLower(b)))) {
      const want = i === 3 ? 'a letter (manufacturer identification)' : 'an upper-case letter (manufacturer identification)';
      throw new Iec21Error('IEC21_IDENT_BAD_MANUFACTURER', i, want, describeByte(b));
    }
  }

  const z = at(4);
  if (z === undefined) return { kind: 'incomplete' };
  const baudIndex = z - 0x30;
  const baudRate = BAUD_RATES[baudIndex];
  if (!isDigit(z) || baudRate === undefined) {
    const modeB = MODE_B_BAUD_CHARACTERS.includes(String.fromCharCode(z)) ? ', a protocol mode B character' : '';
    throw new Iec21Error('IEC21_IDENT_BAD_BAUD_CHARACTER', 4, "a mode C/E baud rate character '0'..'6'", describeByte(z) + modeB);
  }

  let i = 5;
  const enhanced: string[] = [];
  while (at(i) === ESCAPE) {
    const w = at(i + 1);
    if (w === undefined) return { kind: 'incomplete' };
    if (!isDigit(w)) throw new Iec21Error('IEC21_IDENT_BAD_ESCAPE', i + 1, 'an enhanced identification digit after \\', describeByte(w));
    enhanced.push(String.fromCharCode(w));
    i += 2;
  }

  const identStart = i;
  for (;;) {
    const b = at(i);
    if (b === undefined) return { kind: 'incomplete' };
    if (b === CR) break;
    if (b === LF) throw new Iec21Error('IEC21_IDENT_BAD_END', i, 'CR (0x0D) before LF', describeByte(b));
    if (b < 0x20 || b > 0x7e || b === START || b === END) {
      throw new Iec21Error('IEC21_IDENT_BAD_CHARACTER', i, "a printable character other than '/' and '!'", describeByte(b));
    }
    if (i - identStart >= MAX_IDENT_LENGTH) {
      throw new Iec21Error('IEC21_IDENT_TOO_LONG', i, `CR after at most ${MAX_IDENT_LENGTH} identification characters`, describeByte(b));
    }
    i++;
  }
  const lf = at(i + 1);
  if (lf === undefined) return { kind: 'incomplete' };
  if (lf !== LF) throw new Iec21Error('IEC21_IDENT_BAD_END', i + 1, 'LF (0x0A) after CR', describeByte(lf));

  const text = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  return {
    kind: 'complete',
    length: i + 2,
    identification: {
      manufacturer: text(1, 4),
      fastReaction: isLower(bytes[3] as number),
      baudCharacter: String.fromCharCode(z),
      baudRate,
      enhanced,
      hdlc: enhanced.includes(ENHANCED_HDLC),
      ident: text(identStart, i),
    },
  };
}

/** Exactly one identification message, CR LF included; anything short or extra is an error. */
export function parseIdentification(bytes: Uint8Array): Identification {
  const scan = scanIdentification(bytes);
  if (scan.kind === 'incomplete') {
    throw new Iec21Error('IEC21_IDENT_TRUNCATED', bytes.length, 'the rest of the identification message, up to CR LF', 'end of data');
  }
  if (scan.length !== bytes.length) {
    throw new Iec21Error(
      'IEC21_IDENT_TRAILING_BYTES',
      scan.length,
      'nothing after CR LF',
      `${bytes.length - scan.length} more byte(s), first ${describeByte(bytes[scan.length])}`,
    );
  }
  return scan.identification;
}

/** The message back as bytes (for a fake meter, and round-trip tests). */
export function encodeIdentification(id: Omit<Identification, 'baudRate' | 'hdlc' | 'fastReaction'>): Uint8Array {
  const escapes = id.enhanced.map((w) => `\\${w}`).join('');
  const text = `/${id.manufacturer}${id.baudCharacter}${escapes}${id.ident}\r\n`;
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
