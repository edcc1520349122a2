/** S-FSK Active initiator (class 51, Blue Book 4.10.3): the active initiator's mac_address is a 12-bit S-FSK address. */
import { sfskAddress } from './s-fsk-address';
import { type ClassSemantics, itemsOf } from './types';

const ACTIVE_INITIATOR = 2;
/** active_initiator: structure { system_title, mac_address, l_sap_selector }. */
const MAC_ADDRESS_FIELD = 1;

export const SFSK_ACTIVE_INITIATOR_SEMANTICS: ClassSemantics = {
  classId: 51,
  clause: '4.10.3, IEC 61334-5-1',
  check: ({ values }) => sfskAddress(ACTIVE_INITIATOR, 'active_initiator.mac_address', itemsOf(values.get(ACTIVE_INITIATOR))[MAC_ADDRESS_FIELD]),
};
