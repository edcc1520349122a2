import { alterAttribute, items } from './attribute-hook';
import type { Fault } from './types';

export const scriptTableDuplicateId: Fault = {
  name: 'script-table-duplicate-id',
  description: 'Script table scripts (class 9 attribute 2) list two scripts with the same script_identifier.',
  clause: 'Blue Book 4.5.2 (Script table: a script_identifier names one script)',
  hooks: alterAttribute(9, 2, (v) => ({
    type: 'array',
    items: [
      ...items(v),
      { type: 'structure', items: [items(items(v)[0])[0] ?? { type: 'long-unsigned', value: 1 }, { type: 'array', items: [] }] },
      ...(items(v).length
        ? []
        : [
            {
              type: 'structure' as const,
              items: [
                { type: 'long-unsigned' as const, value: 1 },
                { type: 'array' as const, items: [] },
              ],
            },
          ]),
    ],
  })),
};
