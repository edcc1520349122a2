import type { Fault } from './types';

/** Sends APDUs as long as its own limit allows, whatever the client proposed. */
export const clientMaxPduIgnored: Fault = {
  name: 'client-max-pdu-ignored',
  description:
    "Responses are cut to the server's own max PDU size instead of the client-max-receive-pdu-size the client proposed, so the client receives APDUs longer than it accepts.",
  clause: 'Green Book 9.4.6.2 (client-max-receive-pdu-size)',
  hooks: {
    responsePduLimit: (serverMax) => serverMax,
  },
};
