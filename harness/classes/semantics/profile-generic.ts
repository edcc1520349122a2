/**
 * Profile generic (class 7, Blue Book 4.3.6): every buffer row has one element per capture
 * object, the sort method is one the Blue Book defines and a sorting one names a captured
 * column, and no more entries are in use than the profile holds (nor in the buffer read).
 */
import type { Data } from '../../../dlms/axdr/data';
import { formatData } from '../../../dlms/axdr/format';
import { type ClassSemantics, numberOf, type Problem, range } from './types';

/** Blue Book 4.3.6 sort_method: 1 fifo, 2 lifo, 3 largest, 4 smallest, 5 nearest_to_zero, 6 farthest_from_zero. */
const SORT_METHOD_MAX = 6;
const SORTS_BY_VALUE = 3;

function sameDefinition(a: Data, b: Data): boolean {
  return formatData(a) === formatData(b);
}

function bufferProblems(buffer: Data | undefined, captureObjects: Data | undefined): Problem[] {
  if (buffer?.type !== 'array' || captureObjects?.type !== 'array') return [];
  const columns = captureObjects.items.length;
  const problems: Problem[] = [];
  buffer.items.forEach((row, i) => {
    if (problems.length >= 3) return; // the first few rows say enough
    const n = row.type === 'structure' || row.type === 'array' ? row.items.length : undefined;
    if (n !== columns)
      problems.push({
        attribute: 2,
        expected: `buffer[${i}] a structure of ${columns} elements, one per capture object`,
        actual: n === undefined ? formatData(row) : `${n} elements`,
      });
  });
  return problems;
}

export const PROFILE_GENERIC_SEMANTICS: ClassSemantics = {
  classId: 7,
  clause: '4.3.6',
  check({ values }) {
    const problems = [...bufferProblems(values.get(2), values.get(3)), ...range(values, 5, 'sort_method', 1, SORT_METHOD_MAX)];
    const method = numberOf(values.get(5));
    const sortObject = values.get(6);
    const captured = values.get(3);
    if (
      method !== undefined &&
      method >= SORTS_BY_VALUE &&
      sortObject &&
      captured?.type === 'array' &&
      !captured.items.some((c) => sameDefinition(c, sortObject))
    ) {
      problems.push({ attribute: 6, expected: `sort_object one of capture_objects (sort_method ${method} sorts by it)`, actual: formatData(sortObject) });
    }
    const inUse = numberOf(values.get(7));
    const entries = numberOf(values.get(8));
    if (inUse !== undefined && entries !== undefined && inUse > entries)
      problems.push({ attribute: 7, expected: `entries_in_use <= profile_entries (${entries})`, actual: String(inUse) });
    const buffer = values.get(2);
    if (buffer?.type === 'array' && inUse !== undefined && buffer.items.length > inUse) {
      problems.push({ attribute: 2, expected: `at most entries_in_use (${inUse}) rows in the buffer`, actual: `${buffer.items.length} rows` });
    }
    return problems;
  },
};
