import type { Fault } from './types';

/** Accepts a client max receive PDU size too small to carry any response. */
export const clientPduSizeUnchecked: Fault = {
  name: 'client-pdu-size-unchecked',
  description: 'A client-max-receive-pdu-size below 12 is accepted instead of refused with initiate pdu-size-too-short.',
  clause: 'Green Book 9.4.6.2 (client-max-receive-pdu-size)',
  hooks: { checkAarq: (check, _aarq, passes) => (check === 'client-pdu-size' ? true : passes) },
};
