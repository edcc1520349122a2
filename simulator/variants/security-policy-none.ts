import { withObjects, type Variant } from './types';

/** The Security setup of the HLS-GMAC association states no protection (Gurux: security_policy 0). */
export const securityPolicyNone: Variant = {
  name: 'security-policy-none',
  description:
    'The Security setup 0-0:43.0.0.255 of the ciphered HLS-GMAC association states security_policy "nothing": the association is still ciphered, but the meter requires no protection of a request, so a plain or less protected request is served.',
  clause: 'Green Book 9.2.7.2.2 and Blue Book 4.4.7 (the policy is set by the Security setup object; "nothing" is a policy)',
  seen: 'gurux-cpp (docs/interop/gurux-cpp-findings.md F4): GET 0-0:43.0.0.255/2 -> enum 0 in its authenticated-and-encrypted association',
  meter: (m) => withObjects(m, (o) => (o['class'] === 'security-setup' && o['obis'] === '0-0:43.0.0.255' ? { ...o, policy: 'none' } : o)),
  affects: ['security/*'],
};
