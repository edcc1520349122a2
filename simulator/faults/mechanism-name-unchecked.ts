import type { Fault } from './types';

/** Checks the password but not the mechanism it was sent under. */
export const mechanismNameUnchecked: Fault = {
  name: 'mechanism-name-unchecked',
  description: 'An AARQ without a mechanism-name, or naming a mechanism the association does not use, is accepted when the password matches.',
  clause: 'Green Book 9.3.2 (mechanism-name), 9.4.2.2 (authentication mechanism names)',
  hooks: { checkAarq: (check, _aarq, passes) => (check === 'mechanism-name' ? true : passes) },
};
