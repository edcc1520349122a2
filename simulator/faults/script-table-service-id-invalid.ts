import { alterAttribute, items, obisValue } from './attribute-hook';
import type { Fault } from './types';

export const scriptTableServiceIdInvalid: Fault = {
  name: 'script-table-service-id-invalid',
  description: 'Script table scripts (class 9 attribute 2) hold an action with service_id 3, neither a write nor an execute.',
  clause: 'Blue Book 4.5.2 (Script table: service_id 1 write attribute, 2 execute method)',
  hooks: alterAttribute(9, 2, (v) => ({
    type: 'array',
    items: [
      {
        type: 'structure',
        items: [
          { type: 'long-unsigned', value: 99 },
          {
            type: 'array',
            items: [
              {
                type: 'structure',
                items: [
                  { type: 'enum', value: 3 },
                  { type: 'long-unsigned', value: 1 },
                  obisValue(0, 0, 96, 1, 0, 255),
                  { type: 'integer', value: 2 },
                  { type: 'null-data' },
                ],
              },
            ],
          },
        ],
      },
      ...items(v),
    ],
  })),
};
