/**
 * The unit enumeration of scal_unit_type (Blue Book 4.3.2, Register "scaler_unit"; the table
 * IEC 62056-6-2 shares with SML). Codes 1..64 were checked against two independent public
 * copies of the table; 65..72 are later additions (Blue Book edition 12 onwards) taken from the
 * table as published and checked against one source only; 254 and 255 are the "other unit" and
 * "no unit / count" codes. Codes not listed (0, 58, 59, 68, 69, 73..253) are reserved.
 */
export interface UnitRow {
  readonly code: number;
  /** The symbol as the Blue Book prints it. */
  readonly symbol: string;
  readonly quantity: string;
}

export const UNITS: readonly UnitRow[] = [
  { code: 1, symbol: 'a', quantity: 'time (year)' },
  { code: 2, symbol: 'mo', quantity: 'time (month)' },
  { code: 3, symbol: 'wk', quantity: 'time (week)' },
  { code: 4, symbol: 'd', quantity: 'time (day)' },
  { code: 5, symbol: 'h', quantity: 'time (hour)' },
  { code: 6, symbol: 'min', quantity: 'time (minute)' },
  { code: 7, symbol: 's', quantity: 'time (second)' },
  { code: 8, symbol: '°', quantity: '(phase) angle' },
  { code: 9, symbol: '°C', quantity: 'temperature' },
  { code: 10, symbol: 'currency', quantity: '(local) currency' },
  { code: 11, symbol: 'm', quantity: 'length' },
  { code: 12, symbol: 'm/s', quantity: 'speed' },
  { code: 13, symbol: 'm³', quantity: 'volume' },
  { code: 14, symbol: 'm³', quantity: 'corrected volume' },
  { code: 15, symbol: 'm³/h', quantity: 'volume flux' },
  { code: 16, symbol: 'm³/h', quantity: 'corrected volume flux' },
  { code: 17, symbol: 'm³/d', quantity: 'volume flux' },
  { code: 18, symbol: 'm³/d', quantity: 'corrected volume flux' },
  { code: 19, symbol: 'l', quantity: 'volume (litre)' },
  { code: 20, symbol: 'kg', quantity: 'mass' },
  { code: 21, symbol: 'N', quantity: 'force' },
  { code: 22, symbol: 'Nm', quantity: 'energy (newton metre)' },
  { code: 23, symbol: 'Pa', quantity: 'pressure' },
  { code: 24, symbol: 'bar', quantity: 'pressure' },
  { code: 25, symbol: 'J', quantity: 'energy' },
  { code: 26, symbol: 'J/h', quantity: 'thermal power' },
  { code: 27, symbol: 'W', quantity: 'active power' },
  { code: 28, symbol: 'VA', quantity: 'apparent power' },
  { code: 29, symbol: 'var', quantity: 'reactive power' },
  { code: 30, symbol: 'Wh', quantity: 'active energy' },
  { code: 31, symbol: 'VAh', quantity: 'apparent energy' },
  { code: 32, symbol: 'varh', quantity: 'reactive energy' },
  { code: 33, symbol: 'A', quantity: 'current' },
  { code: 34, symbol: 'C', quantity: 'electrical charge' },
  { code: 35, symbol: 'V', quantity: 'voltage' },
  { code: 36, symbol: 'V/m', quantity: 'electric field strength' },
  { code: 37, symbol: 'F', quantity: 'capacitance' },
  { code: 38, symbol: 'Ω', quantity: 'resistance' },
  { code: 39, symbol: 'Ωm²/m', quantity: 'resistivity' },
  { code: 40, symbol: 'Wb', quantity: 'magnetic flux' },
  { code: 41, symbol: 'T', quantity: 'magnetic flux density' },
  { code: 42, symbol: 'A/m', quantity: 'magnetic field strength' },
  { code: 43, symbol: 'H', quantity: 'inductance' },
  { code: 44, symbol: 'Hz', quantity: 'frequency' },
  { code: 45, symbol: '1/(Wh)', quantity: 'active energy meter constant or pulse value' },
  { code: 46, symbol: '1/(varh)', quantity: 'reactive energy meter constant or pulse value' },
  { code: 47, symbol: '1/(VAh)', quantity: 'apparent energy meter constant or pulse value' },
  { code: 48, symbol: 'V²h', quantity: 'volt-squared hour' },
  { code: 49, symbol: 'A²h', quantity: 'ampere-squared hour' },
  { code: 50, symbol: 'kg/s', quantity: 'mass flux' },
  { code: 51, symbol: 'S', quantity: 'conductance (siemens, mho)' },
  { code: 52, symbol: 'K', quantity: 'temperature' },
  { code: 53, symbol: '1/(V²h)', quantity: 'volt-squared hour meter constant or pulse value' },
  { code: 54, symbol: '1/(A²h)', quantity: 'ampere-squared hour meter constant or pulse value' },
  { code: 55, symbol: '1/m³', quantity: 'volume meter constant or pulse value' },
  { code: 56, symbol: '%', quantity: 'percentage' },
  { code: 57, symbol: 'Ah', quantity: 'ampere-hour' },
  { code: 60, symbol: 'Wh/m³', quantity: 'energy per volume' },
  { code: 61, symbol: 'J/m³', quantity: 'calorific value, wobbe' },
  { code: 62, symbol: 'Mol %', quantity: 'molar fraction of gas composition' },
  { code: 63, symbol: 'g/m³', quantity: 'mass density, quantity of material' },
  { code: 64, symbol: 'Pa s', quantity: 'dynamic viscosity' },
  { code: 65, symbol: 'J/kg', quantity: 'specific energy' },
  { code: 66, symbol: 'g/cm²', quantity: 'pressure, gram per square centimetre' },
  { code: 67, symbol: 'atm', quantity: 'pressure, atmosphere' },
  { code: 70, symbol: 'dBm', quantity: 'signal strength, dB milliwatt' },
  { code: 71, symbol: 'dBµV', quantity: 'signal strength, dB microvolt' },
  { code: 72, symbol: 'dB', quantity: 'logarithmic unit' },
  { code: 254, symbol: 'other', quantity: 'other unit' },
  { code: 255, symbol: 'count', quantity: 'no unit, unitless, count' },
];

const BY_CODE: ReadonlyMap<number, UnitRow> = new Map(UNITS.map((u) => [u.code, u]));

export function unitByCode(code: number): UnitRow | undefined {
  return BY_CODE.get(code);
}

/** The unit's symbol (`Wh`, `V`, `count`), or undefined for a reserved code. */
export function unitName(code: number): string | undefined {
  return BY_CODE.get(code)?.symbol;
}

export function isKnownUnit(code: number): boolean {
  return BY_CODE.has(code);
}

/** `30 (Wh)` / `99 (reserved)`: for traces and failure messages. */
export function formatUnit(code: number): string {
  return `${code} (${unitName(code) ?? 'reserved'})`;
}
