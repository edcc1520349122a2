import type { Variant } from './types';

/** Over TCP a meter may end the connection once the association is released. */
export const closeAfterRelease: Variant = {
  name: 'close-after-release',
  description: 'After sending the RLRE that releases an association, the server closes the connection (TCP, or the in-memory link).',
  clause: 'IEC 62056-47 / Green Book 7.3.3 (the TCP connection may be closed by either side); Green Book 9.3.3',
  reading: 'docs/decisions/meter-hang-up.md',
  seen: 'real-meter.md section 5: the meter hangs up after RLRE',
  hooks: { hangUp: { afterRelease: true } },
  // The suites whose cases go on after a release (re-associate, probe, read the counter object),
  // and services/get as one whose cases end with a release, then the harness's teardown.
  affects: ['association/*', 'security/*', 'hdlc/ndm', 'services/get'],
};
