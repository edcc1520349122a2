/** Date-time checks several classes share (Blue Book 4.1.6.1). */
import type { Data } from '../../../dlms/axdr/data';
import { dateTimeFromOctetString, validateDateTime } from '../../../dlms/axdr/datetime';
import type { Problem } from './types';

/** A date-time octet-string that decodes and has every field in range; "not specified" allowed. */
export function dateTimeProblems(d: Data | undefined, attribute: number, name: string): Problem[] {
  if (d?.type !== 'octet-string' || d.value.length !== 12) return []; // the catalogue type check reports it
  const problems = validateDateTime(dateTimeFromOctetString(d.value));
  return problems.map((p) => ({ attribute, expected: `${name} a valid date-time (Blue Book 4.1.6.1)`, actual: p }));
}
