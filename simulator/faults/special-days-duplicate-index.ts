import type { Data } from '../../dlms/axdr/data';
import { alterAttribute, items } from './attribute-hook';
import type { Fault } from './types';

export const specialDaysDuplicateIndex: Fault = {
  name: 'special-days-duplicate-index',
  description: 'Special days table entries (class 11 attribute 2) list the same index twice.',
  clause: 'Blue Book 4.5.4 (Special days table: each entry has its own index)',
  hooks: alterAttribute(11, 2, (v) => ({
    type: 'array',
    items: [
      ...items(v),
      ...[1, 1].map((i): Data => ({
        type: 'structure',
        items: [
          { type: 'long-unsigned', value: 900 },
          { type: 'octet-string', value: Uint8Array.from([0xff, 0xff, 12, i + 24, 0xff]) },
          { type: 'unsigned', value: 1 },
        ],
      })),
    ],
  })),
};
