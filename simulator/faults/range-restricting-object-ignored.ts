import { parseObis } from '../../dlms/cosem/obis';
import type { Fault } from './types';
import { rewriteSelection } from './selection-rewrite';

/** Whatever column the range names, the server restricts by the clock's. */
export const rangeRestrictingObjectIgnored: Fault = {
  name: 'range-restricting-object-ignored',
  description:
    'Selective access by range (selector 1) always restricts by the clock column (0-0:1.0.0.255 attribute 2), whatever restricting_object the range names.',
  clause: 'Blue Book 4.3.6 (range_descriptor restricting_object: any capture object)',
  hooks: {
    transformSelection: (_address, selection) =>
      rewriteSelection(selection, (s) =>
        s.selector === 1
          ? { ...s, range: { ...s.range, restrictingObject: { classId: 8, logicalName: parseObis('0-0:1.0.0.255'), attributeIndex: 2, dataIndex: 0 } } }
          : s,
      ),
  },
};
