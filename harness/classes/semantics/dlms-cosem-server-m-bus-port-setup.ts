/**
 * DLMS/COSEM server M-Bus port setup (class 76, Blue Book 4.8.6): primary_address is an M-Bus
 * primary address, 0..250 (EN 13757-2; as the M-Bus client's, 4.8.3).
 */
import { type ClassSemantics, range } from './types';

const PRIMARY_ADDRESS = 5;

export const DLMS_COSEM_SERVER_M_BUS_PORT_SETUP_SEMANTICS: ClassSemantics = {
  classId: 76,
  clause: '4.8.6',
  check: ({ values }) => range(values, PRIMARY_ADDRESS, 'primary_address', 0, 250),
};
