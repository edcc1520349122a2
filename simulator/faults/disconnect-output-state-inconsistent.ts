import type { Fault } from './types';

export const disconnectOutputStateInconsistent: Fault = {
  name: 'disconnect-output-state-inconsistent',
  description: 'Disconnect control output_state (class 70 attribute 2) reads the opposite of what control_state says.',
  clause: 'Blue Book 4.5.8 (Disconnect control: output_state true exactly when connected)',
  hooks: {
    onGet: (address, result) =>
      address.classId === 70 && address.attribute === 2 && result.kind === 'data' && result.data.type === 'boolean'
        ? { kind: 'data', data: { type: 'boolean', value: !result.data.value } }
        : result,
  },
};
