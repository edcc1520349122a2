/**
 * Disconnect control (class 70, Blue Book 4.5.8): states and modes in range, and the output
 * closed exactly when connected.
 */
import { type ClassSemantics, numberOf, type Problem, range } from './types';

/** Blue Book 4.5.8 control_state: 0 disconnected, 1 connected, 2 ready_for_reconnection. */
const CONNECTED = 1;

export const DISCONNECT_CONTROL_SEMANTICS: ClassSemantics = {
  classId: 70,
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
