import type { Data } from '../../dlms/axdr/data';
import { accessSelectionFromData, type EntryDescriptor } from '../../dlms/cosem/selective-access';
import type { Fault } from './types';

/**
 * The entry selection of the GET being served, kept between the two hooks (the server calls
 * transformSelection, then onGet, for one request at a time).
 */
let asked: EntryDescriptor | undefined;

const NULL: Data = { type: 'null-data' };

function pad(rows: readonly Data[], e: EntryDescriptor): Data[] {
  const width = e.toSelectedValue === 0 ? undefined : e.toSelectedValue - e.fromSelectedValue + 1;
  const wide = (r: Data): Data => {
    const items = r.type === 'structure' ? r.items : [];
    return width !== undefined && items.length < width ? { type: 'structure', items: [...items, ...Array<Data>(width - items.length).fill(NULL)] } : r;
  };
  const out = rows.map(wide);
  const count = e.toEntry === 0 ? out.length : e.toEntry - e.fromEntry + 1;
  while (out.length < count) out.push(wide({ type: 'structure', items: [] }));
  return out;
}

export const entrySelectionPadded: Fault = {
  name: 'entry-selection-padded',
  description:
    'An entry selection (selector 2) that reaches past the last entry or the last column is padded with null-data: rows and values that do not exist are invented.',
  clause: 'Blue Book 4.3.6 (entry_descriptor: entries and values past the end are not in the selection)',
  hooks: {
    transformSelection: (address, selection) => {
      asked = undefined;
      if (address.classId === 7 && address.attribute === 2 && selection?.selector === 2) {
        try {
          const s = accessSelectionFromData(2, selection.parameters);
          if (s.selector === 2) asked = s.entry;
        } catch {
          asked = undefined;
        }
      }
      return selection;
    },
    onGet: (address, result) => {
      const e = asked;
      asked = undefined;
      if (!e || address.classId !== 7 || address.attribute !== 2 || result.kind !== 'data' || result.data.type !== 'array') return result;
      return { kind: 'data', data: { type: 'array', items: pad(result.data.items, e) } };
    },
  },
};
