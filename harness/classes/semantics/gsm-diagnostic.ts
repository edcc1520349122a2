/**
 * GSM diagnostic (class 47, Blue Book 4.9.8): a cell's signal_quality is 0..31 or 99 (not
 * known), and the bit error rate 0..7 or 99 (3GPP TS 27.007 +CSQ), in cell_info and in every
 * adjacent cell.
 */
import { type ClassSemantics, itemsOf, numberOf, type Problem } from './types';

const CELL_INFO = 6;
const ADJACENT_CELLS = 7;
const NOT_KNOWN = 99;

function inRange(v: number | undefined, max: number): boolean {
  return v === undefined || v === NOT_KNOWN || (v >= 0 && v <= max);
}

export const GSM_DIAGNOSTIC_SEMANTICS: ClassSemantics = {
  classId: 47,
  clause: '4.9.8',
  check({ values }) {
    const problems: Problem[] = [];
    const cell = itemsOf(values.get(CELL_INFO));
    const quality = numberOf(cell[2]);
    const ber = numberOf(cell[3]);
    if (!inRange(quality, 31)) problems.push({ attribute: CELL_INFO, expected: 'cell_info.signal_quality 0..31 or 99 (not known)', actual: String(quality) });
    if (!inRange(ber, 7)) problems.push({ attribute: CELL_INFO, expected: 'cell_info.ber 0..7 or 99 (not known)', actual: String(ber) });
    itemsOf(values.get(ADJACENT_CELLS)).forEach((c, i) => {
      const q = numberOf(itemsOf(c)[1]);
      if (!inRange(q, 31))
        problems.push({ attribute: ADJACENT_CELLS, expected: `adjacent_cells[${i}].signal_quality 0..31 or 99 (not known)`, actual: String(q) });
    });
    return problems;
  },
};
