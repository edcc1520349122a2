import { alterAttribute, items } from './attribute-hook';
import type { Fault } from './types';

export const registerActivationIndexOutside: Fault = {
  name: 'register-activation-index-outside',
  description: 'Register activation mask_list (class 6 attribute 3) has a mask whose index_list points past register_assignment.',
  clause: 'Blue Book 4.3.5 (Register activation: index_list indexes register_assignment)',
  hooks: alterAttribute(6, 3, (v) => ({
    type: 'array',
    items: [
      {
        type: 'structure',
        items: [
          { type: 'octet-string', value: new TextEncoder().encode('T1') },
          { type: 'array', items: [{ type: 'unsigned', value: 200 }] },
        ],
      },
      ...items(v).slice(1),
    ],
  })),
};
