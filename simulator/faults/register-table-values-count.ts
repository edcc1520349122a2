import { alterAttribute, items } from './attribute-hook';
import type { Fault } from './types';

export const registerTableValuesCount: Fault = {
  name: 'register-table-values-count',
  description: 'Register table table_cell_values (class 61 attribute 2) hold one value more than table_cell_definition names registers.',
  clause: 'Blue Book 4.3.8 (Register table: one table_cell_value per group_E_value)',
  hooks: alterAttribute(61, 2, (v) => ({ type: 'array', items: [...items(v), { type: 'double-long-unsigned', value: 0 }] })),
};
