/**
 * ZigBee SAS APS fragmentation parameters (class 103, Blue Book 4.14.4): aps_max_window_size is
 * the ZigBee AIB apsMaxWindowSize, 1..8 blocks: the APS acknowledgement of a fragmented
 * transmission carries one bit per block of the window in a one-octet bitfield.
 */
import { type ClassSemantics, range } from './types';

const APS_MAX_WINDOW_SIZE = 3;

export const ZIGBEE_SAS_APS_FRAGMENTATION_SEMANTICS: ClassSemantics = {
  classId: 103,
  clause: '4.14.4, ZigBee specification (AIB apsMaxWindowSize 1..8)',
  check: ({ values }) => range(values, APS_MAX_WINDOW_SIZE, 'aps_max_window_size', 1, 8),
};
