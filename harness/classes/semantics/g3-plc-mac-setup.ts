/**
 * G3-PLC MAC setup (class 91, Blue Book 4.13.3): the CSMA-CA backoff exponent grows from
 * mac_min_BE to mac_max_BE, so mac_min_BE is at most mac_max_BE (ITU-T G.9903 takes the MAC
 * of IEEE 802.15.4, whose PIB ranges macMinBE 0..macMaxBE). Both attributes sit at the same
 * indexes in versions 1, 2 and 3.
 */
import { type ClassSemantics, numberOf } from './types';

const MAC_MAX_BE = 20;
const MAC_MIN_BE = 22;

export const G3_PLC_MAC_SETUP_SEMANTICS: ClassSemantics = {
  classId: 91,
  clause: '4.13.3, IEEE 802.15.4 (macMinBE 0..macMaxBE)',
  check({ values }) {
    const min = numberOf(values.get(MAC_MIN_BE));
    const max = numberOf(values.get(MAC_MAX_BE));
    if (min === undefined || max === undefined || min <= max) return [];
    return [{ attribute: MAC_MIN_BE, expected: `mac_min_BE at most mac_max_BE (${max})`, actual: String(min) }];
  },
};
