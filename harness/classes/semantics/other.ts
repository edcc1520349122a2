/**
 * Data (class 1, Blue Book 4.3.1) and Disconnect control (class 70, Blue Book 4.5.8).
 * Data has no rule of its own beyond its type, but well-known objects do: the COSEM logical
 * device name (0-0:42.0.0.255, Green Book 4.1.8.2) is an octet-string of 3..16 octets.
 * Disconnect control: states and modes in range, and the output closed exactly when connected.
 */
import { formatData } from '../../../dlms/axdr/format';
import { type ClassSemantics, numberOf, type Problem, range } from './types';

const LOGICAL_DEVICE_NAME = '0-0:42.0.0.255';
/** Blue Book 4.5.8 control_state: 0 disconnected, 1 connected, 2 ready_for_reconnection. */
const CONNECTED = 1;

export const DATA_SEMANTICS: ClassSemantics = {
  clause: '4.3.1',
  check({ object, values }) {
    const v = values.get(2);
    if (object.obis !== LOGICAL_DEVICE_NAME || !v) return [];
    if (v.type === 'octet-string' && v.value.length >= 3 && v.value.length <= 16) return [];
    return [{ attribute: 2, expected: 'the logical device name an octet-string of 3..16 octets (Green Book 4.1.8.2)', actual: formatData(v) }];
  },
};

export const DISCONNECT_CONTROL_SEMANTICS: ClassSemantics = {
  clause: '4.5.8',
  check({ values }) {
    const problems: Problem[] = [...range(values, 3, 'control_state', 0, 2), ...range(values, 4, 'control_mode', 0, 6)];
    const output = values.get(2);
    const state = numberOf(values.get(3));
    if (output?.type === 'boolean' && state !== undefined && state <= 2 && output.value !== (state === CONNECTED)) {
      problems.push({ attribute: 2, expected: `output_state ${state === CONNECTED} with control_state ${state}`, actual: String(output.value) });
    }
    return problems;
  },
};
