/**
 * The COSEM `Data` CHOICE (Green Book 9.5, "Data" in the xDLMS ASN.1; Blue Book 4.1.5 for the
 * types) as a discriminated union on `type`, spelled as the standard spells the alternatives.
 * Tags are in `DATA_TAG`; the codec is data-codec.ts.
 */
export type Data =
  | { readonly type: 'null-data' }
  | { readonly type: 'array'; readonly items: readonly Data[] }
  | { readonly type: 'structure'; readonly items: readonly Data[] }
  | { readonly type: 'boolean'; readonly value: boolean }
  /** `length` is in bits; `bytes` holds them MSB first, unused trailing bits zero. */
  | { readonly type: 'bit-string'; readonly length: number; readonly bytes: Uint8Array }
  | { readonly type: 'double-long'; readonly value: number }
  | { readonly type: 'double-long-unsigned'; readonly value: number }
  | { readonly type: 'octet-string'; readonly value: Uint8Array }
  | { readonly type: 'visible-string'; readonly value: string }
  | { readonly type: 'utf8-string'; readonly value: string }
  /** One byte holding two BCD digits, kept raw: its meaning is the attribute's. */
  | { readonly type: 'bcd'; readonly value: number }
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'long'; readonly value: number }
  | { readonly type: 'unsigned'; readonly value: number }
  | { readonly type: 'long-unsigned'; readonly value: number }
  | { readonly type: 'compact-array'; readonly description: TypeDescription; readonly items: readonly Data[] }
  | { readonly type: 'long64'; readonly value: bigint }
  | { readonly type: 'long64-unsigned'; readonly value: bigint }
  | { readonly type: 'enum'; readonly value: number }
  | { readonly type: 'float32'; readonly value: number }
  | { readonly type: 'float64'; readonly value: number }
  | { readonly type: 'date-time'; readonly value: CosemDateTime }
  | { readonly type: 'date'; readonly value: CosemDate }
  | { readonly type: 'time'; readonly value: CosemTime }
  /** Delta types (Blue Book edition 12+), used in compact arrays of profile buffers. */
  | { readonly type: 'delta-integer' | 'delta-long' | 'delta-double-long'; readonly value: number }
  | { readonly type: 'delta-unsigned' | 'delta-long-unsigned' | 'delta-double-long-unsigned'; readonly value: number }
  | { readonly type: 'dont-care' };

export type DataType = Data['type'];

/** Green Book 9.5 Data tags. */
export const DATA_TAG = {
  'null-data': 0,
  array: 1,
  structure: 2,
  boolean: 3,
  'bit-string': 4,
  'double-long': 5,
  'double-long-unsigned': 6,
  'octet-string': 9,
  'visible-string': 10,
  'utf8-string': 12,
  bcd: 13,
  integer: 15,
  long: 16,
  unsigned: 17,
  'long-unsigned': 18,
  'compact-array': 19,
  long64: 20,
  'long64-unsigned': 21,
  enum: 22,
  float32: 23,
  float64: 24,
  'date-time': 25,
  date: 26,
  time: 27,
  'delta-integer': 28,
  'delta-long': 29,
  'delta-double-long': 30,
  'delta-unsigned': 31,
  'delta-long-unsigned': 32,
  'delta-double-long-unsigned': 33,
  'dont-care': 255,
} as const satisfies Record<DataType, number>;

/** TypeDescription of a compact-array (Green Book 9.5): a simple type, an array of n, or a structure. */
export type TypeDescription =
  | { readonly kind: 'simple'; readonly type: Exclude<DataType, 'array' | 'structure' | 'compact-array'> }
  | { readonly kind: 'array'; readonly count: number; readonly element: TypeDescription }
  | { readonly kind: 'structure'; readonly elements: readonly TypeDescription[] };

/** Blue Book 4.1.6.1 date: every field may be "not specified" (0xFF / 0xFFFF), encoded as `undefined`. */
export interface CosemDate {
  readonly year: number | undefined; // 0xFFFF = not specified
  readonly month: number | undefined; // 1..12, 0xFD daylight-savings-end, 0xFE daylight-savings-begin
  readonly dayOfMonth: number | undefined; // 1..31, 0xFD second-last, 0xFE last day of month
  readonly dayOfWeek: number | undefined; // 1..7, Monday = 1
}

/** Blue Book 4.1.6.1 time. */
export interface CosemTime {
  readonly hour: number | undefined;
  readonly minute: number | undefined;
  readonly second: number | undefined;
  readonly hundredths: number | undefined;
}

/** Blue Book 4.1.6.1 date-time: date, time, deviation in minutes from local to UTC, clock status bits. */
export interface CosemDateTime {
  readonly date: CosemDate;
  readonly time: CosemTime;
  readonly deviation: number | undefined; // -720..720 minutes; 0x8000 = not specified
  readonly clockStatus: number | undefined; // 0xFF = not specified
}
