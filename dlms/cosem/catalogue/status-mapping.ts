import { LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.3.9 Status mapping (class_id 63, version 0): the bits of a status word, mapped to a table. */
export const STATUS_MAPPING: InterfaceClassDef = {
  classId: 63,
  version: 0,
  name: 'Status mapping',
  clause: '4.3.9',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'status_word', type: 'choice<bit-string | unsigned | long-unsigned | double-long-unsigned | long64-unsigned>' },
    {
      index: 3,
      name: 'mapping_table',
      type: 'structure{ref_table_id: unsigned, ref_table_mapping: choice<array<long-unsigned> | long-unsigned>}',
      static: true,
    },
  ],
  methods: [],
};
