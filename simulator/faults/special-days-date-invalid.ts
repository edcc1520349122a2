import { alterAttribute, items } from './attribute-hook';
import type { Fault } from './types';

export const specialDaysDateInvalid: Fault = {
  name: 'special-days-date-invalid',
  description: 'Special days table entries (class 11 attribute 2) hold a specialday_date with month 13.',
  clause: 'Blue Book 4.5.4 (specialday_date) and 4.1.6.1 (date: month 1..12)',
  hooks: alterAttribute(11, 2, (v) => ({
    type: 'array',
    items: [
      ...items(v),
      {
        type: 'structure',
        items: [
          { type: 'long-unsigned', value: 901 },
          { type: 'octet-string', value: Uint8Array.from([0x07, 0xea, 13, 1, 0xff]) },
          { type: 'unsigned', value: 1 },
        ],
      },
    ],
  })),
};
