/**
 * The invocation counter object of a Security setup (Blue Book 6.2.x, OBIS 0-0:43.1.x.255,
 * class Data): the last frame counter the meter accepted from a client under that setup, so
 * that a client can continue above it (Green Book 9.2.3.7). A double-long-unsigned, readable in
 * the public association; 0 before any protected APDU was accepted.
 *
 *   - obis: 0-0:43.1.0.255
 *     class: invocation-counter
 *     securitySetup: 0-0:43.0.0.255
 */
import { DATA } from '../../dlms/cosem/catalogue/data';
import { parseObis } from '../../dlms/cosem/obis';
import { isDecodeError } from '../../dlms/bytes';
import type { Cursor } from '../../config/yaml-cursor';
import { attributesOf } from './from-catalogue';
import { securityStateOf } from './security-setup';
import { ok, refused, type ClassBehaviour } from './types';

export const invocationCounterClass: ClassBehaviour = {
  name: 'invocation-counter',
  classId: DATA.classId,
  version: DATA.version,
  attributes: attributesOf(DATA, { 2: 'read-only' }),
  methodCount: DATA.methods.length,
  keys: ['securitySetup'],
  build(entry: Cursor) {
    const c = entry.need('securitySetup');
    let setup: Uint8Array;
    try {
      setup = parseObis(c.string());
    } catch (e) {
      if (isDecodeError(e)) return c.fail(`not an OBIS code (${e.code})`);
      throw e;
    }
    return {
      read(attribute, ctx) {
        if (attribute !== 2) return refused('object-undefined');
        const state = securityStateOf(ctx.meter.objects, setup);
        if (!state) return refused('object-unavailable');
        return ok({ type: 'double-long-unsigned', value: state.lastClientCounter ?? 0 });
      },
    };
  },
};
