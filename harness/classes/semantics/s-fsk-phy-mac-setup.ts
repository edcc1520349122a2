/** S-FSK Phy&MAC setup (class 50, Blue Book 4.10.2): its own, its group and its initiator's MAC addresses are 12-bit S-FSK addresses. */
import { sfskAddress } from './s-fsk-address';
import { type ClassSemantics, itemsOf } from './types';

const MAC_ADDRESS = 8;
const MAC_GROUP_ADDRESSES = 9;
const INITIATOR_MAC_ADDRESS = 13;

export const SFSK_PHY_MAC_SETUP_SEMANTICS: ClassSemantics = {
  classId: 50,
  clause: '4.10.2, IEC 61334-5-1',
  check: ({ values }) => [
    ...sfskAddress(MAC_ADDRESS, 'mac_address', values.get(MAC_ADDRESS)),
    ...itemsOf(values.get(MAC_GROUP_ADDRESSES)).flatMap((d, i) => sfskAddress(MAC_GROUP_ADDRESSES, `mac_group_addresses[${i}]`, d)),
    ...sfskAddress(INITIATOR_MAC_ADDRESS, 'initiator_mac_address', values.get(INITIATOR_MAC_ADDRESS)),
  ],
};
