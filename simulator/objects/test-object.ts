/**
 * A manufacturer-specific test object (class_id 8192, the first of the manufacturer-specific
 * range, Blue Book 4.1 class_id; a manufacturer-specific OBIS code, value group C 128..254) for
 * the service cases that no standard class gives a handle on:
 *  - method 1 `read_long`: returns attribute 2 (a long value) as its return parameters, so a
 *    client with a small max receive PDU size gets them in action-response-with-pblock blocks
 *    (Green Book 9.4.6.x block transfer with ACTION);
 *  - method 2 `notify`: adds one to attribute 3 (a counter) and reports its new value in an
 *    event-notification-request (Green Book 9.3.x EventNotification), sent after the response.
 * Both take integer 0 as their parameter, as the standard classes' parameterless methods do.
 */
import type { Cursor } from '../../config/yaml-cursor';
import type { Data } from '../../dlms/axdr/data';
import { isIntegerZero } from './method-parameter';
import { dataFromYaml } from './yaml-data';
import { methodRefused, ok, refused, type ClassBehaviour } from './types';

/** Blue Book 4.1: class_ids 8192..32767 are manufacturer specific. */
const TEST_CLASS_ID = 8192;
const READ_LONG = 1;
const NOTIFY = 2;
const VALUE = 2;
const COUNTER = 3;
const COUNTER_MODULUS = 2 ** 32;

export const testObjectClass: ClassBehaviour = {
  name: 'test-object',
  classId: TEST_CLASS_ID,
  version: 0,
  attributes: [
    { id: 1, name: 'logical_name', max: 'read-only' },
    { id: VALUE, name: 'value', max: 'read-only' },
    { id: COUNTER, name: 'counter', max: 'read-only' },
  ],
  methodCount: 2,
  keys: ['value'],
  build(entry: Cursor) {
    const value: Data = dataFromYaml(entry.get('value'));
    let counter = 0;
    return {
      read(attribute) {
        if (attribute === VALUE) return ok(value);
        if (attribute === COUNTER) return ok({ type: 'double-long-unsigned', value: counter });
        return refused('object-undefined');
      },
      invoke(method, parameters) {
        if (method !== READ_LONG && method !== NOTIFY) return methodRefused('object-undefined');
        if (!isIntegerZero(parameters)) return methodRefused('type-unmatched');
        if (method === READ_LONG) return { kind: 'success', returnData: value };
        counter = (counter + 1) % COUNTER_MODULUS;
        return { kind: 'success', event: { attribute: COUNTER, value: { type: 'double-long-unsigned', value: counter } } };
      },
    };
  },
};
