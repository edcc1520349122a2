/**
 * M-Bus slave port setup (class 25, Blue Book 4.8.2): bus_address is an M-Bus primary address,
 * 0 (not configured) or 1..250; 251..255 are EN 13757-2's reserved, secondary-addressing and
 * broadcast addresses, which no slave answers by.
 */
import { type ClassSemantics, range } from './types';

const BUS_ADDRESS = 5;

export const M_BUS_SLAVE_PORT_SETUP_SEMANTICS: ClassSemantics = {
  classId: 25,
  clause: '4.8.2',
  check: ({ values }) => range(values, BUS_ADDRESS, 'bus_address', 0, 250),
};
