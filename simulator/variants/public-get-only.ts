import { withAssociations, type Variant } from './types';

/** The public association of many meters: GET only, nothing else. */
export const publicGetOnly: Variant = {
  name: 'public-get-only',
  description: 'The public association (client SAP 16) grants GET only: no SET, no block transfer, no selective access, no multiple references.',
  clause: 'Green Book 9.4.6.1 (the server grants the services it offers; a case needing more runs elsewhere or is inapplicable)',
  seen: 'real-meter.md: association SAP 16 granting GET, SET only',
  meter: (m) => withAssociations(m, (a) => (a['clientSap'] === 16 ? { ...a, conformance: ['get'] } : a)),
  affects: ['*/*'],
};
