import { bytesEqual } from '../../dlms/bytes';
import type { Fault } from './types';

/** OBIS 0-0:43.1.x.255, value group E free: the invocation counter objects (Blue Book 6.2.x). */
function isCounterObject(logicalName: Uint8Array): boolean {
  return bytesEqual(logicalName.subarray(0, 4), Uint8Array.of(0, 0, 43, 1)) && logicalName[5] === 255;
}

/** The counter object lags behind what the meter accepted. */
export const invocationCounterObjectStale: Fault = {
  name: 'invocation-counter-object-stale',
  description: 'The invocation counter object (0-0:43.1.x.255) reports one less than the last counter the meter accepted.',
  clause: 'Green Book 9.2.3.7; Blue Book 6.2.x (invocation counter object)',
  hooks: {
    onGet: (address, result) =>
      address.classId === 1 &&
      address.attribute === 2 &&
      isCounterObject(address.logicalName) &&
      result.kind === 'data' &&
      result.data.type === 'double-long-unsigned' &&
      result.data.value > 0
        ? { kind: 'data', data: { type: 'double-long-unsigned', value: result.data.value - 1 } }
        : result,
  },
};
