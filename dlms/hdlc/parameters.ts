/**
 * The HDLC parameter negotiation field carried by SNRM and UA (IEC 62056-46 / Green Book
 * 8.4.5.3.2, after ISO/IEC 13239 5.5.3.2):
 *
 *   81 (format identifier) 80 (group identifier) LL (group length)
 *   then per parameter: id, value length, value (big-endian, 1..4 bytes)
 *
 * Values are from the sender's point of view: in an SNRM "transmit" is what the client will
 * send, in the UA what the server will send. The list keeps each value's width and order, so a
 * decoded field re-encodes to the same bytes; `settingsOf` applies the defaults of absent ones.
 */
import { DecodeError } from '../bytes/decode-error';
import { ByteReader } from '../bytes/reader';
import { ByteWriter } from '../bytes/writer';

/** ISO/IEC 13239 5.5.3.2: format identifier of the parameter negotiation field. */
export const PARAMETER_FORMAT_ID = 0x81;
/** ISO/IEC 13239 5.5.3.2: group identifier of the HDLC-defined parameter set. */
export const PARAMETER_GROUP_ID = 0x80;

export type HdlcParameterName = 'maxInfoFieldLengthTransmit' | 'maxInfoFieldLengthReceive' | 'windowSizeTransmit' | 'windowSizeReceive';

/** Green Book 8.4.5.3.2: parameter identifiers. */
export const PARAMETER_ID: Readonly<Record<HdlcParameterName, number>> = {
  maxInfoFieldLengthTransmit: 0x05,
  maxInfoFieldLengthReceive: 0x06,
  windowSizeTransmit: 0x07,
  windowSizeReceive: 0x08,
};

const NAME_BY_ID: ReadonlyMap<number, HdlcParameterName> = new Map(
  (Object.keys(PARAMETER_ID) as HdlcParameterName[]).map((name) => [PARAMETER_ID[name], name]),
);

export interface HdlcParameter {
  readonly name: HdlcParameterName;
  readonly value: number;
  /** Width of the value on the wire, 1..4 bytes. */
  readonly size: number;
}

export type HdlcParameterList = readonly HdlcParameter[];

/** The four negotiated values, from one side's point of view. */
export interface HdlcSettings {
  readonly maxInfoFieldLengthTransmit: number;
  readonly maxInfoFieldLengthReceive: number;
  readonly windowSizeTransmit: number;
  readonly windowSizeReceive: number;
}

/** Green Book 8.4.5.3.2: the values that hold when a parameter is absent. */
export const DEFAULT_SETTINGS: HdlcSettings = {
  maxInfoFieldLengthTransmit: 128,
  maxInfoFieldLengthReceive: 128,
  windowSizeTransmit: 1,
  windowSizeReceive: 1,
};

/** Green Book 8.4.5.3.2: the window size is 1..7; the maximum information field length 32..2030. */
export const WINDOW_SIZE_RANGE = { min: 1, max: 7 } as const;
export const MAX_INFO_FIELD_LENGTH_RANGE = { min: 32, max: 2030 } as const;

/** A parameter value is at most 4 bytes: it must fit an unsigned 32-bit integer. */
const MAX_VALUE_SIZE = 4;

export function encodeParameters(w: ByteWriter, list: HdlcParameterList): void {
  const group = new ByteWriter();
  for (const p of list) {
    if (p.size < 1 || p.size > MAX_VALUE_SIZE || p.value < 0 || p.value >= 2 ** (8 * p.size)) {
      throw new RangeError(`HDLC parameter ${p.name} = ${p.value} does not fit ${p.size} byte(s)`);
    }
    group.u8(PARAMETER_ID[p.name]).u8(p.size);
    for (let i = p.size - 1; i >= 0; i--) group.u8(Math.floor(p.value / 2 ** (8 * i)));
  }
  // The group length is one byte (ISO/IEC 13239 5.5.3.2); four parameters need at most 24.
  w.u8(PARAMETER_FORMAT_ID).u8(PARAMETER_GROUP_ID).u8(group.size).bytes(group.finish());
}

export function decodeParameters(r: ByteReader): HdlcParameterList {
  const format = r.u8('format identifier');
  if (format !== PARAMETER_FORMAT_ID) r.fail('HDLC_PARAM_BAD_FORMAT', 'format identifier 81', hex(format));
  const groupAt = r.offset;
  const group = r.u8('group identifier');
  if (group !== PARAMETER_GROUP_ID) failAt(groupAt, 'HDLC_PARAM_BAD_GROUP', 'group identifier 80', hex(group));
  const g = r.sub(r.u8('group length'), 'parameter group');
  const out: HdlcParameter[] = [];
  while (!g.done) {
    const idAt = g.offset;
    const id = g.u8('parameter identifier');
    const name = NAME_BY_ID.get(id);
    if (name === undefined) failAt(idAt, 'HDLC_PARAM_UNKNOWN', 'parameter identifier 05, 06, 07 or 08', hex(id));
    if (out.some((p) => p.name === name)) failAt(idAt, 'HDLC_PARAM_DUPLICATE', `${name} at most once`, 'a second occurrence');
    const sizeAt = g.offset;
    const size = g.u8('parameter length');
    if (size < 1 || size > MAX_VALUE_SIZE) failAt(sizeAt, 'HDLC_PARAM_BAD_SIZE', `a value of 1..${MAX_VALUE_SIZE} bytes for ${name}`, `${size} bytes`);
    let value = 0;
    for (const b of g.take(size, name)) value = value * 256 + b;
    out.push({ name, value, size });
  }
  return out;
}

/** The parameters in an SNRM or UA information field: none when the field is empty. */
export function parametersOfInfo(info: Uint8Array, base = 0): HdlcParameterList {
  if (info.length === 0) return [];
  const r = new ByteReader(info, base);
  const list = decodeParameters(r);
  r.expectEnd('HDLC parameter field');
  return list;
}

/** The information field for an SNRM or UA carrying `list`. */
export function infoOfParameters(list: HdlcParameterList): Uint8Array {
  const w = new ByteWriter();
  encodeParameters(w, list);
  return w.finish();
}

/** The settings a parameter list stands for: absent parameters take their defaults. */
export function settingsOf(list: HdlcParameterList, defaults: HdlcSettings = DEFAULT_SETTINGS): HdlcSettings {
  const s: Record<HdlcParameterName, number> = { ...defaults };
  for (const p of list) s[p.name] = p.value;
  return s;
}

/**
 * A list carrying every setting, each value in the fewest bytes that hold it unless `sizes`
 * says otherwise (Gurux sends the window in 4 bytes, for one, and a DUT may insist on a width).
 */
export function parameterList(settings: HdlcSettings, sizes: Partial<Record<HdlcParameterName, number>> = {}): HdlcParameterList {
  return (Object.keys(PARAMETER_ID) as HdlcParameterName[]).map((name) => {
    const value = settings[name];
    return { name, value, size: sizes[name] ?? minimalSize(value) };
  });
}

function minimalSize(value: number): number {
  let size = 1;
  while (size < MAX_VALUE_SIZE && value >= 2 ** (8 * size)) size++;
  return size;
}

function failAt(at: number, code: string, expected: string, actual: string): never {
  throw new DecodeError(code, at, expected, actual);
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
