/**
 * SAP assignment (class 17, Blue Book 4.4.4) lists each SAP once, each a valid HDLC upper
 * address with a logical device name of 3..16 octets, the management logical device (SAP 1)
 * among them.
 */
import type { Data } from '../../../dlms/axdr/data';
import { type ClassSemantics, numberOf, type Problem } from './types';

/** Green Book 8.4.2.2: upper (logical device) addresses 0x01..0x3FFF; 1 is the management device. */
const SAP_MAX = 0x3fff;
const MANAGEMENT_SAP = 1;
/** Green Book 4.1.8.2 (COSEM logical device name): at most 16 octets, the first three a FLAG id. */
const LDN_LENGTH = [3, 16] as const;

function sapProblems(list: Data | undefined): Problem[] {
  if (list?.type !== 'array') return [];
  const problems: Problem[] = [];
  const seen = new Set<number>();
  list.items.forEach((el, i) => {
    if (el.type !== 'structure' || el.items.length !== 2) return; // the catalogue type check reports it
    const sap = numberOf(el.items[0]);
    const name = el.items[1];
    if (sap !== undefined && (sap < 1 || sap > SAP_MAX))
      problems.push({ attribute: 2, expected: `SAP_assignment_list[${i}].SAP in 1..${SAP_MAX}`, actual: String(sap) });
    if (sap !== undefined && seen.has(sap)) problems.push({ attribute: 2, expected: 'each SAP listed once', actual: `SAP ${sap} twice` });
    if (sap !== undefined) seen.add(sap);
    if (name?.type === 'octet-string' && (name.value.length < LDN_LENGTH[0] || name.value.length > LDN_LENGTH[1])) {
      problems.push({
        attribute: 2,
        expected: `SAP_assignment_list[${i}].logical_device_name of ${LDN_LENGTH[0]}..${LDN_LENGTH[1]} octets`,
        actual: `${name.value.length} octets`,
      });
    }
  });
  if (list.items.length > 0 && !seen.has(MANAGEMENT_SAP))
    problems.push({ attribute: 2, expected: 'the management logical device (SAP 1) listed', actual: `SAPs ${[...seen].join(', ')}` });
  return problems;
}

export const SAP_ASSIGNMENT_SEMANTICS: ClassSemantics = { classId: 17, clause: '4.4.4', check: ({ values }) => sapProblems(values.get(2)) };
