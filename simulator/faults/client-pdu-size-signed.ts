import type { Fault } from './types';

/** Reads the Unsigned16 PDU size as signed: 0xFFFF becomes −1, "too short". */
export const clientPduSizeSigned: Fault = {
  name: 'client-pdu-size-signed',
  description: 'A client-max-receive-pdu-size of 0xFFFF or more than 0x7FFF is refused as too short (read as a signed integer).',
  clause: 'Green Book 9.4.6.2 (client-max-receive-pdu-size is an Unsigned16)',
  hooks: {
    checkAarq: (check, aarq, passes) =>
      check === 'client-pdu-size'
        ? passes && !(aarq.userInformation?.apdu?.type === 'initiate-request' && aarq.userInformation.apdu.clientMaxReceivePduSize > 0x7fff)
        : passes,
  },
};
