/**
 * Register, class 3 version 0 (Blue Book 4.3.2): value and scaler_unit. A register may "live":
 * `growth: { perHour: 1500 }` adds 1500 units per hour since the simulator started, so an
 * energy register advances between two reads as a real one would. Method 1 (reset) sets the
 * value to zero of its type; a read-write association may also SET the value (same type).
 */
import type { Data } from '../../dlms/axdr/data';
import type { Cursor } from '../../config/yaml-cursor';
import { REGISTER } from '../../dlms/cosem/catalogue/register';
import { UNITS } from '../../dlms/cosem/units';
import { attributesOf } from './from-catalogue';
import { dataFromYaml } from './yaml-data';
import { isIntegerZero } from './method-parameter';
import { methodRefused, ok, refused, writeRefused, written, type ClassBehaviour, type ServeContext } from './types';

const MS_PER_HOUR = 3_600_000;
/** Blue Book 4.3.2: method 1, reset (data ::= integer(0)). */
const RESET = 1;

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

/**
 * The value at `ctx.now`: the base value plus growth since `since`, wrapping like a meter's
 * counter would. Before `since` the value is what it grew from (less by the growth until then):
 * the meter is taken to have run before the simulator started, so that a profile's past captures
 * differ row to row and its capture at the current instant reads what the register reads now.
 */
function valueAt(initial: Data, perHour: number, since: number, ctx: ServeContext): Data {
  if (perHour === 0 || !('value' in initial) || typeof initial.value !== 'number') return initial;
  const bound = GROWABLE[initial.type];
  if (bound === undefined) return initial;
  const grown = initial.value + Math.floor((perHour * (ctx.now - since)) / MS_PER_HOUR);
  return { ...initial, value: ((grown % (bound + 1)) + bound + 1) % (bound + 1) } as Data;
}

/** Blue Book 4.3.2 reset: the value becomes the default, zero of its own type. */
function zeroOf(value: Data): Data {
  if (!('value' in value)) return value;
  if (typeof value.value === 'number') return { ...value, value: 0 } as Data;
  if (typeof value.value === 'bigint') return { ...value, value: 0n } as Data;
  return value;
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
    const scalerUnit: Data = {
      type: 'structure',
      items: [
        { type: 'integer', value: scaler },
        { type: 'enum', value: unit },
      ],
    };
    // The register lives: reset (method 1) and SET of the value start it again from there. Each
    // restart is kept with the instant it happened, so that what the register read before it (a
    // profile's past captures, which read the register at past instants) stays as it was.
    const restarts: { readonly at: number; readonly base: Data }[] = [];
    const restart = (at: number, base: Data) => restarts.push({ at, base });
    return {
      read(attribute, ctx) {
        const last = [...restarts].reverse().find((r) => r.at <= ctx.now);
        if (attribute === 2) return ok(last ? valueAt(last.base, perHour, last.at, ctx) : valueAt(initial, perHour, ctx.startedAt, ctx));
        if (attribute === 3) return ok(scalerUnit);
        return refused('object-undefined');
      },
      write(attribute, value, ctx) {
        if (attribute !== 2) return writeRefused('read-write-denied');
        if (value.type !== initial.type) return writeRefused('type-unmatched');
        restart(ctx.now, value);
        return written;
      },
      invoke(method, parameters, ctx) {
        if (method !== RESET) return methodRefused('object-undefined');
        if (!isIntegerZero(parameters)) return methodRefused('type-unmatched');
        restart(ctx.now, zeroOf(initial));
        return { kind: 'success' };
      },
    };
  },
};
