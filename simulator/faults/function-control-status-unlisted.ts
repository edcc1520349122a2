import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const functionControlStatusUnlisted: Fault = {
  name: 'function-control-status-unlisted',
  description: 'Function control activation_status (class 122 attribute 2) gives the status of a function F2 that function_list does not hold.',
  clause: 'Blue Book 4.4.10 (Function control: activation_status of the functions of function_list)',
  hooks: alterAttribute(122, 2, () => ({
    type: 'array',
    items: [
      {
        type: 'structure',
        items: [
          { type: 'octet-string', value: Uint8Array.from([0x46, 0x32]) },
          { type: 'boolean', value: true },
        ],
      },
    ],
  })),
};
