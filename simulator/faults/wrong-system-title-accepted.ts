import type { Fault } from './types';

/** The system title of a general-glo/ded-ciphering APDU is not checked against the client's. */
export const wrongSystemTitleAccepted: Fault = {
  name: 'wrong-system-title-accepted',
  description: "A general-glo-ciphering APDU carrying another system title than the associated client's is deciphered with it and served.",
  clause: 'Green Book 9.2.7.2.4 (the system title of the sender)',
  hooks: { security: { acceptSystemTitle: () => true } },
};
