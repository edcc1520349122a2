/**
 * PRIME NB OFDM PLC MAC functional parameters (class 83, Blue Book 4.12.5): sna, the subnetwork
 * address, is the EUI-48 of the subnetwork's base node (PRIME, ITU-T G.9904 macSNA): 6 octets
 * once the node belongs to a subnetwork. A disconnected node (mac_state 0) has none, so its sna
 * is not judged.
 */
import { type ClassSemantics, lengthIn, numberOf } from './types';

const SNA = 5;
const MAC_STATE = 6;
const DISCONNECTED = 0;
const EUI_48 = 6;

export const PRIME_MAC_FUNCTIONAL_PARAMETERS_SEMANTICS: ClassSemantics = {
  classId: 83,
  clause: '4.12.5, ITU-T G.9904',
  check: ({ values }) => (numberOf(values.get(MAC_STATE)) === DISCONNECTED ? [] : lengthIn(values, SNA, 'sna (the base node EUI-48)', [EUI_48])),
};
