/**
 * Communication setup classes: IEC HDLC setup (class 23, Blue Book 4.7.2) holds parameters in
 * the ranges Green Book 8.4 allows; SAP assignment (class 17, Blue Book 4.4.4) lists each SAP
 * once, each a valid HDLC upper address with a logical device name of 3..16 octets, the
 * management logical device (SAP 1) among them.
 */
import type { Data } from '../../../dlms/axdr/data';
import { type ClassSemantics, numberOf, type Problem, range } from './types';

/** Green Book 8.4.2.2: upper (logical device) addresses 0x01..0x3FFF; 1 is the management device. */
const SAP_MAX = 0x3fff;
const MANAGEMENT_SAP = 1;
/** Green Book 4.1.8.2 (COSEM logical device name): at most 16 octets, the first three a FLAG id. */
const LDN_LENGTH = [3, 16] as const;

export const IEC_HDLC_SETUP_SEMANTICS: ClassSemantics = {
  clause: '4.7.2',
  check: ({ values }) => [
    ...range(values, 2, 'comm_speed (0 = 300 … 9 = 115200 baud)', 0, 9),
    // Green Book 8.4.5.3.2: window size 1..7, maximum information field length 32..2030.
    ...range(values, 3, 'window_size_transmit', 1, 7),
    ...range(values, 4, 'window_size_receive', 1, 7),
    ...range(values, 5, 'max_info_field_length_transmit', 32, 2030),
    ...range(values, 6, 'max_info_field_length_receive', 32, 2030),
    // Blue Book 4.7.2: inter_octet_time_out 20..6000 ms; device_address 0x10..0x3FFD.
    ...range(values, 7, 'inter_octet_time_out (ms)', 20, 6000),
    ...range(values, 9, 'device_address', 0x10, 0x3ffd),
  ],
};

function sapProblems(list: Data | undefined): Problem[] {
  if (list?.type !== 'array') return [];
  const problems: Problem[] = [];
  const seen = new Set<number>();
  list.items.forEach((el, i) => {
    if (el.type !== 'structure' || el.items.length !== 2) return; // the catalogue type check reports it
    const sap = numberOf(el.items[0]);
    const name = el.items[1];
    if (sap !== undefined && (sap < 1 || sap > SAP_MAX)) problems.push({ attribute: 2, expected: `SAP_assignment_list[${i}].SAP in 1..${SAP_MAX}`, actual: String(sap) });
    if (sap !== undefined && seen.has(sap)) problems.push({ attribute: 2, expected: 'each SAP listed once', actual: `SAP ${sap} twice` });
    if (sap !== undefined) seen.add(sap);
    if (name?.type === 'octet-string' && (name.value.length < LDN_LENGTH[0] || name.value.length > LDN_LENGTH[1])) {
      problems.push({ attribute: 2, expected: `SAP_assignment_list[${i}].logical_device_name of ${LDN_LENGTH[0]}..${LDN_LENGTH[1]} octets`, actual: `${name.value.length} octets` });
    }
  });
  if (list.items.length > 0 && !seen.has(MANAGEMENT_SAP)) problems.push({ attribute: 2, expected: 'the management logical device (SAP 1) listed', actual: `SAPs ${[...seen].join(', ')}` });
  return problems;
}

export const SAP_ASSIGNMENT_SEMANTICS: ClassSemantics = { clause: '4.4.4', check: ({ values }) => sapProblems(values.get(2)) };
