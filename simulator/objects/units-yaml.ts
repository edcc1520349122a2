/**
 * `unit:` of a meter-definition entry (Register, Extended register): a unit code (Blue Book
 * 4.3.2 unit enumeration), or a symbol that names exactly one unit (`Wh`; m³ names two).
 */
import { UNITS } from '../../dlms/cosem/units';
import type { Cursor } from '../../config/yaml-cursor';

const UNIQUE_SYMBOLS = UNITS.filter((u) => UNITS.filter((v) => v.symbol === u.symbol).length === 1);

export function unitOf(c: Cursor): number {
  if (!c.present) c.fail('missing required key "unit"');
  if (!c.isString()) return c.int(0, 255);
  const symbol = c.oneOf(UNIQUE_SYMBOLS.map((u) => u.symbol));
  return UNIQUE_SYMBOLS.find((u) => u.symbol === symbol)!.code;
}
