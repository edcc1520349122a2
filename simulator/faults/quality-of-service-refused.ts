import type { Fault } from './types';

/** Refuses a proposed quality of service instead of ignoring it. */
export const qualityOfServiceRefused: Fault = {
  name: 'quality-of-service-refused',
  description: 'An InitiateRequest with proposed-quality-of-service is refused (initiate other) instead of the field being ignored.',
  clause: 'Green Book 9.4.6 (proposed-quality-of-service is not used by DLMS/COSEM)',
  hooks: {
    checkAarq: (check, aarq, passes) =>
      check === 'quality-of-service'
        ? passes && !(aarq.userInformation?.apdu?.type === 'initiate-request' && aarq.userInformation.apdu.proposedQualityOfService !== undefined)
        : passes,
  },
};
