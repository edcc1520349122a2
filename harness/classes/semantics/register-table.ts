/**
 * Register table (class 61, Blue Book 4.3.8): table_cell_values holds one value per register
 * table_cell_definition names (one per group_E_value).
 */
import { type ClassSemantics, itemsOf } from './types';

const VALUES = 2;
const DEFINITION = 3;

export const REGISTER_TABLE_SEMANTICS: ClassSemantics = {
  classId: 61,
  clause: '4.3.8',
  check({ values }) {
    const cells = values.get(VALUES);
    const groupE = itemsOf(values.get(DEFINITION))[2];
    if (cells?.type !== 'array' || groupE?.type !== 'array' || cells.items.length === groupE.items.length) return [];
    return [
      {
        attribute: VALUES,
        expected: `one table_cell_value per group_E_value of table_cell_definition (${groupE.items.length})`,
        actual: `${cells.items.length} values`,
      },
    ];
  },
};
