import type { Fault } from './types';

/** Treats the optional titles, qualifiers and invocation ids of an unciphered AARQ as errors. */
export const aarqTitlesRefused: Fault = {
  name: 'aarq-titles-refused',
  description:
    'An AARQ carrying called/calling AP-title, AE-qualifier or invocation ids outside a ciphered context is refused (…-not-recognized) instead of the fields being ignored.',
  clause: 'Green Book 9.3.2 (AARQ fields not used without ciphering are ignored)',
  hooks: { checkAarq: (check, _aarq, passes) => (check === 'titles' ? false : passes) },
};
