import { LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.3.7 Utility tables (class_id 26, version 0): ANSI C12.19 tables carried as octet-strings. */
export const UTILITY_TABLES: InterfaceClassDef = {
  classId: 26,
  version: 0,
  name: 'Utility tables',
  clause: '4.3.7',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'table_ID', type: 'long-unsigned', static: true },
    { index: 3, name: 'length', type: 'double-long-unsigned' },
    { index: 4, name: 'buffer', type: 'octet-string', selectors: [1, 2] },
  ],
  methods: [],
};
