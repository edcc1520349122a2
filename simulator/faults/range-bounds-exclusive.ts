import type { Fault } from './types';
import { moveBound, rewriteSelection } from './selection-rewrite';

/** Both range bounds excluded: from_value and to_value moved inwards by one second (or one unit). */
export const rangeBoundsExclusive: Fault = {
  name: 'range-bounds-exclusive',
  description: 'Selective access by range (selector 1) leaves out the rows equal to from_value and to_value: the bounds are taken as exclusive.',
  clause: 'Blue Book 4.3.6 (range_descriptor: rows whose restricting value v satisfies from_value <= v <= to_value)',
  hooks: {
    transformSelection: (_address, selection) =>
      rewriteSelection(selection, (s) =>
        s.selector === 1
          ? { ...s, range: { ...s.range, fromValue: moveBound(s.range.fromValue, 1000, 1), toValue: moveBound(s.range.toValue, -1000, -1) } }
          : s,
      ),
  },
};
