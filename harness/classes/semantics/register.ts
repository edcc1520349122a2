/**
 * Register (class 3, Blue Book 4.3.2): the value is one of the Blue Book's CHOICE of types,
 * scaler_unit names a unit of the unit table, and a scaler only scales a number.
 */
import type { Data, DataType } from '../../../dlms/axdr/data';
import { formatData } from '../../../dlms/axdr/format';
import { isKnownUnit } from '../../../dlms/cosem/units';
import { type ClassSemantics, numberOf, type Problem } from './types';

const NUMERIC: readonly DataType[] = [
  'integer',
  'long',
  'unsigned',
  'long-unsigned',
  'double-long',
  'double-long-unsigned',
  'long64',
  'long64-unsigned',
  'float32',
  'float64',
];
/** Blue Book 4.3.2 value: CHOICE of the numeric types and three string types. */
const VALUE_TYPES: readonly DataType[] = [...NUMERIC, 'octet-string', 'visible-string', 'utf8-string'];

export function valueAndUnit(values: ReadonlyMap<number, Data>): Problem[] {
  const problems: Problem[] = [];
  const value = values.get(2);
  if (value && !VALUE_TYPES.includes(value.type)) {
    problems.push({ attribute: 2, expected: `value of a numeric type (or octet-, visible-, utf8-string)`, actual: formatData(value) });
  }
  const su = values.get(3);
  if (su?.type === 'structure' && su.items.length === 2) {
    const scaler = numberOf(su.items[0]);
    const unit = numberOf(su.items[1]);
    if (unit !== undefined && !isKnownUnit(unit))
      problems.push({ attribute: 3, expected: 'scaler_unit.unit a unit of the Blue Book unit table', actual: `unit ${unit}` });
    if (value && !NUMERIC.includes(value.type) && scaler !== undefined && scaler !== 0) {
      problems.push({ attribute: 3, expected: `scaler 0 for a ${value.type} value (only numbers scale)`, actual: `scaler ${scaler}` });
    }
  }
  return problems;
}

export const REGISTER_SEMANTICS: ClassSemantics = { classId: 3, clause: '4.3.2', check: ({ values }) => valueAndUnit(values) };
