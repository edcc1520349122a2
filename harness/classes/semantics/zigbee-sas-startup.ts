/**
 * ZigBee SAS startup (class 101, Blue Book 4.14.2): the Startup Attribute Set's extended PAN id
 * and trust centre address are 64-bit IEEE 802.15.4 identifiers (ZigBee specification, startup
 * attribute set): 8 octets each, all zero when not specified.
 */
import { type ClassSemantics, lengthIn } from './types';

const EXTENDED_PAN_ID = 3;
const TRUST_CENTER_ADDRESS = 9;
const EUI_64 = 8;

export const ZIGBEE_SAS_STARTUP_SEMANTICS: ClassSemantics = {
  classId: 101,
  clause: '4.14.2',
  check: ({ values }) => [
    ...lengthIn(values, EXTENDED_PAN_ID, 'extended_pan_id (64 bits)', [EUI_64]),
    ...lengthIn(values, TRUST_CENTER_ADDRESS, 'trust_center_address (an EUI-64)', [EUI_64]),
  ],
};
