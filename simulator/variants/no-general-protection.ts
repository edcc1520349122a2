import { withAssociations, type Variant } from './types';

/** Ciphered associations that protect with the service-specific envelopes only, as many meters do. */
export const noGeneralProtection: Variant = {
  name: 'no-general-protection',
  description:
    'No association offers general-protection: the ciphered associations grant the service-specific glo-/ded- envelopes only, so general-glo-ciphering, general-ciphering and general-signing are never granted.',
  clause: 'Green Book 9.4.6.1 (conformance block: general-protection is offered by the server, not required); 9.2.7.2.4',
  seen: 'gurux-cpp (docs/interop/gurux-cpp-findings.md F2): HLS-GMAC association whose AARE grants no general-protection',
  meter: (m) => withAssociations(m, (a) => ({ ...a, conformance: (a['conformance'] as string[]).filter((c) => c !== 'general-protection') })),
  affects: ['security/*'],
};
