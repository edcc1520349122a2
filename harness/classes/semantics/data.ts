/**
 * Data (class 1, Blue Book 4.3.1) has no rule of its own beyond its type, but well-known
 * objects do: the COSEM logical device name (0-0:42.0.0.255, Green Book 4.1.8.2) is an
 * octet-string of 3..16 octets.
 */
import { formatData } from '../../../dlms/axdr/format';
import type { ClassSemantics } from './types';

const LOGICAL_DEVICE_NAME = '0-0:42.0.0.255';

export const DATA_SEMANTICS: ClassSemantics = {
  classId: 1,
  clause: '4.3.1',
  check({ object, values }) {
    const v = values.get(2);
    if (object.obis !== LOGICAL_DEVICE_NAME || !v) return [];
    if (v.type === 'octet-string' && v.value.length >= 3 && v.value.length <= 16) return [];
    return [{ attribute: 2, expected: 'the logical device name an octet-string of 3..16 octets (Green Book 4.1.8.2)', actual: formatData(v) }];
  },
};
