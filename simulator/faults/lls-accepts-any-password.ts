import type { Fault } from './types';

/** Low-level security that checks nothing. */
export const llsAcceptsAnyPassword: Fault = {
  name: 'lls-accepts-any-password',
  description: 'An AARQ with LLS is accepted whatever password it carries.',
  clause: 'Green Book 9.2.7.3.2 (low level security authentication)',
  hooks: {
    checkPassword: () => true,
  },
};
