/**
 * MAC address setup (class 43, Blue Book 4.9.4): MAC_address holds the device's IEEE 802 MAC
 * address. The media DLMS/COSEM runs over use either an EUI-48 (Ethernet, PRIME) or an EUI-64
 * (IEEE 802.15.4, G3-PLC, Wi-SUN, LoRaWAN): 6 or 8 octets, whichever the medium; any other length
 * is no MAC address.
 */
import { type ClassSemantics, lengthIn } from './types';

const MAC_ADDRESS = 2;
/** EUI-48 and EUI-64 (IEEE Std 802 clause 8). */
const EUI_LENGTHS = [6, 8];

export const MAC_ADDRESS_SETUP_SEMANTICS: ClassSemantics = {
  classId: 43,
  clause: '4.9.4',
  check: ({ values }) => lengthIn(values, MAC_ADDRESS, 'MAC_address (an EUI-48 or EUI-64)', EUI_LENGTHS),
};
