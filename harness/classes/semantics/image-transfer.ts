/**
 * Image transfer (class 18, Blue Book 4.4.5): image_transfer_status is one of the states 0..7
 * (the catalogue's enum[0..7] checks it), and image_first_not_transferred_block_number is the
 * first block image_transferred_blocks_status marks as not transferred (bit n is block n); with
 * every block marked, it is past the last one.
 */
import type { Data } from '../../../dlms/axdr/data';
import { type ClassSemantics, numberOf, type Problem } from './types';

const BLOCKS_STATUS = 3;
const FIRST_NOT_TRANSFERRED = 4;

/** The first 0 bit of a bit-string (bit 0 the most significant of the first octet), else undefined. */
function firstClear(bits: Extract<Data, { type: 'bit-string' }>): number | undefined {
  for (let i = 0; i < bits.length; i++) if (((bits.bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) === 0) return i;
  return undefined;
}

export const IMAGE_TRANSFER_SEMANTICS: ClassSemantics = {
  classId: 18,
  clause: '4.4.5',
  check({ values }) {
    const status = values.get(BLOCKS_STATUS);
    const first = numberOf(values.get(FIRST_NOT_TRANSFERRED));
    if (status?.type !== 'bit-string' || first === undefined) return [];
    const missing = firstClear(status);
    const problems: Problem[] = [];
    if (missing !== undefined && first !== missing) {
      problems.push({
        attribute: FIRST_NOT_TRANSFERRED,
        expected: `image_first_not_transferred_block_number ${missing}, the first block image_transferred_blocks_status marks as missing`,
        actual: String(first),
      });
    }
    if (missing === undefined && first < status.length) {
      problems.push({
        attribute: FIRST_NOT_TRANSFERRED,
        expected: `image_first_not_transferred_block_number >= ${status.length}: image_transferred_blocks_status marks every block transferred`,
        actual: String(first),
      });
    }
    return problems;
  },
};
