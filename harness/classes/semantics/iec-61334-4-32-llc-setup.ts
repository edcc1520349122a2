/** IEC 61334-4-32 LLC setup (class 55, Blue Book 4.10.6): each reply_status_list entry names its station by a 12-bit S-FSK MAC address. */
import { sfskAddress } from './s-fsk-address';
import { type ClassSemantics, itemsOf } from './types';

const REPLY_STATUS_LIST = 3;

export const IEC_61334_4_32_LLC_SETUP_SEMANTICS: ClassSemantics = {
  classId: 55,
  clause: '4.10.6, IEC 61334-5-1',
  check: ({ values }) =>
    itemsOf(values.get(REPLY_STATUS_LIST)).flatMap((entry, i) => sfskAddress(REPLY_STATUS_LIST, `reply_status_list[${i}].mac_address`, itemsOf(entry)[0])),
};
