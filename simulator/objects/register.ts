/**
 * Register, class 3 version 0 (Blue Book 4.3.2): value and scaler_unit. A register may "live":
 * `growth: { perHour: 1500 }` adds 1500 units per hour since the simulator started, so an
 * energy register advances between two reads as a real one would.
 */
import type { Data } from '../../dlms/axdr/data';
import type { Cursor } from '../meter/yaml-cursor';
import { REGISTER } from '../../dlms/cosem/catalogue/register';
import { UNITS } from '../../dlms/cosem/units';
import { attributesOf } from './from-catalogue';
import { dataFromYaml } from './yaml-data';
import { ok, refused, type ClassBehaviour, type ServeContext } from './types';

const MS_PER_HOUR = 3_600_000;

/** Integer value types a register may grow in, with their upper bound (Blue Book 4.1.5). */
const GROWABLE: Readonly<Record<string, number>> = {
  unsigned: 0xff,
  'long-unsigned': 0xffff,
  'double-long-unsigned': 0xffffffff,
  'double-long': 0x7fffffff,
};

function unitOf(c: Cursor): number {
  if (!c.present) c.fail('missing required key "unit"');
  if (!c.isString()) return c.int(0, 255);
  // Symbols that name one unit only (m³ names two): the definition may write `unit: Wh`.
  const unique = UNITS.filter((u) => UNITS.filter((v) => v.symbol === u.symbol).length === 1);
  const symbol = c.oneOf(unique.map((u) => u.symbol));
  return unique.find((u) => u.symbol === symbol)!.code;
}

/** The value at `ctx.now`: the initial value plus growth, wrapping like a meter's counter would. */
function valueAt(initial: Data, perHour: number, ctx: ServeContext): Data {
  if (perHour === 0 || !('value' in initial) || typeof initial.value !== 'number') return initial;
  const bound = GROWABLE[initial.type];
  if (bound === undefined) return initial;
  const grown = initial.value + Math.floor((perHour * Math.max(0, ctx.now - ctx.startedAt)) / MS_PER_HOUR);
  return { ...initial, value: grown % (bound + 1) } as Data;
}

export const registerClass: ClassBehaviour = {
  name: 'register',
  classId: REGISTER.classId,
  version: REGISTER.version,
  attributes: attributesOf(REGISTER, { 3: 'read-only' }),
  methodCount: REGISTER.methods.length,
  keys: ['value', 'scaler', 'unit', 'growth'],
  build(entry: Cursor) {
    const initial = dataFromYaml(entry.need('value'));
    const scaler = entry.need('scaler').int(-128, 127);
    const unit = unitOf(entry.get('unit'));
    let perHour = 0;
    if (entry.get('growth').present) {
      perHour = entry.get('growth').only(['perHour']).need('perHour').int(0, 1_000_000_000);
      if (GROWABLE[initial.type] === undefined) entry.get('growth').fail(`a ${initial.type} value cannot grow; use one of ${Object.keys(GROWABLE).join(', ')}`);
    }
    // Blue Book 4.3.2: scaler_unit ::= structure { scaler: integer, unit: enum }.
    const scalerUnit: Data = { type: 'structure', items: [{ type: 'integer', value: scaler }, { type: 'enum', value: unit }] };
    return {
      read(attribute, ctx) {
        if (attribute === 2) return ok(valueAt(initial, perHour, ctx));
        if (attribute === 3) return ok(scalerUnit);
        return refused('object-undefined');
      },
    };
  },
};
