/**
 * Extended register, class 4 version 0 (Blue Book 4.3.3): a value with scaler_unit, a status
 * and the time the value was captured. The simulator's extended register holds a fixed value
 * (a maximum demand, say) captured at the last `captureEvery` boundary before now (aligned in
 * UTC), so capture_time moves as a real meter's would and is a pure function of the time served.
 * capture_time is expressed as the meter's first Clock object expresses its time.
 */
import type { Data } from '../../dlms/axdr/data';
import { dateTimeFromDate, dateTimeToOctetString } from '../../dlms/axdr/datetime';
import { EXTENDED_REGISTER } from '../../dlms/cosem/catalogue/extended-register';
import type { Cursor } from '../../config/yaml-cursor';
import { attributesOf } from './from-catalogue';
import { unitOf } from './units-yaml';
import { dataFromYaml } from './yaml-data';
import { ok, refused, type ClassBehaviour, type ServeContext } from './types';

/** Blue Book 4.5.1: the Clock class; its time attribute is 2. */
const CLOCK_CLASS = 8;
const CLOCK_TIME = 2;

/** The capture instant as an octet-string(12), as the meter's clock would show it. */
function captureTime(at: number, ctx: ServeContext): Data {
  const clock = ctx.meter.objects.find((o) => o.cosemClass.classId === CLOCK_CLASS);
  const r = clock?.behaviour.read(CLOCK_TIME, { ...ctx, now: at });
  if (r?.kind === 'data') return r.data;
  return { type: 'octet-string', value: dateTimeToOctetString(dateTimeFromDate(new Date(at), 0)) };
}

export const extendedRegisterClass: ClassBehaviour = {
  name: 'extended-register',
  classId: EXTENDED_REGISTER.classId,
  version: EXTENDED_REGISTER.version,
  attributes: attributesOf(EXTENDED_REGISTER, { 2: 'read-only', 3: 'read-only', 4: 'read-only', 5: 'read-only' }),
  methodCount: EXTENDED_REGISTER.methods.length,
  keys: ['value', 'scaler', 'unit', 'status', 'captureEvery'],
  build(entry: Cursor) {
    const value = dataFromYaml(entry.need('value'));
    const scaler = entry.need('scaler').int(-128, 127);
    const unit = unitOf(entry.get('unit'));
    const status: Data = entry.get('status').present ? dataFromYaml(entry.get('status')) : { type: 'unsigned', value: 0 };
    const everyMs = (entry.get('captureEvery').present ? entry.get('captureEvery').int(1, 31 * 86_400) : 900) * 1000;
    // Blue Book 4.3.2 scal_unit_type, shared with Register.
    const scalerUnit: Data = {
      type: 'structure',
      items: [
        { type: 'integer', value: scaler },
        { type: 'enum', value: unit },
      ],
    };
    return {
      read(attribute, ctx) {
        switch (attribute) {
          case 2:
            return ok(value);
          case 3:
            return ok(scalerUnit);
          case 4:
            return ok(status);
          case 5:
            return ok(captureTime(Math.floor(ctx.now / everyMs) * everyMs, ctx));
          default:
            return refused('object-undefined');
        }
      },
    };
  },
};
