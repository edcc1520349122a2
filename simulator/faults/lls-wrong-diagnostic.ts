import type { Fault } from './types';

/** Refuses a wrong password, but says the wrong thing about why. */
export const llsWrongDiagnostic: Fault = {
  name: 'lls-wrong-diagnostic',
  description: 'A wrong LLS password is refused with diagnostic no-reason-given instead of authentication-failure.',
  clause: 'Green Book 9.3.2 (AARE result-source-diagnostic), 9.2.7.3.2 (LLS)',
  hooks: {
    onAarq: (decision) =>
      decision.kind === 'reject' && decision.diagnostic === 'authentication-failure' ? { ...decision, diagnostic: 'no-reason-given' } : decision,
  },
};
