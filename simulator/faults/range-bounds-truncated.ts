import type { Data } from '../../dlms/axdr/data';
import type { Fault } from './types';
import { rewriteSelection } from './selection-rewrite';

/** Seconds and hundredths of a date-time bound dropped (octets 7 and 8 of the COSEM date-time). */
function toMinute(d: Data): Data {
  if (d.type !== 'octet-string' || d.value.length !== 12 || d.value[7] === 0xff) return d;
  const value = Uint8Array.from(d.value);
  value[7] = 0;
  value[8] = 0;
  return { type: 'octet-string', value };
}

export const rangeBoundsTruncated: Fault = {
  name: 'range-bounds-truncated',
  description:
    'Selective access by range (selector 1) compares date-time bounds to the minute: seconds are dropped, so a bound just after a capture instant takes that instant in.',
  clause: 'Blue Book 4.3.6 (range_descriptor from_value, to_value) and 4.1.6.1 (date-time: second and hundredths)',
  hooks: {
    transformSelection: (_address, selection) =>
      rewriteSelection(selection, (s) =>
        s.selector === 1 ? { ...s, range: { ...s.range, fromValue: toMinute(s.range.fromValue), toValue: toMinute(s.range.toValue) } } : s,
      ),
  },
};
