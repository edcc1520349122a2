import { withAssociations, type Variant } from './types';

/** A meter with little memory: the server max receive PDU size is 256 bytes in every association. */
const SERVER_MAX_PDU = 256;

export const smallServerPdu: Variant = {
  name: 'small-server-pdu',
  description:
    'Every association states a server-max-receive-pdu-size of 256; longer requests need block transfer (or are refused where none is granted), responses go in blocks of at most 256 bytes.',
  clause: 'Green Book 9.4.6.2 (server-max-receive-pdu-size)',
  meter: (m) => withAssociations(m, (a) => ({ ...a, maxPduSize: SERVER_MAX_PDU })),
  affects: ['services/*', 'classes/*', 'selective-access/*', 'association/*', 'security/*'],
};
