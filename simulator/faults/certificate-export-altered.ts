import type { Fault } from './types';

/** Blue Book 4.4.7: Security setup method 7, export_certificate. */
const EXPORT_CERTIFICATE = { classId: 64, method: 7 } as const;

/** The exported certificate is not the one imported. */
export const certificateExportAltered: Fault = {
  name: 'certificate-export-altered',
  description: 'export_certificate returns the certificate with its last byte changed.',
  clause: 'Blue Book 4.4.7 (export_certificate returns the certificate held)',
  hooks: {
    transformResponse: (request, response) => {
      if (
        request.type !== 'action-request' ||
        request.variant !== 'normal' ||
        request.method.classId !== EXPORT_CERTIFICATE.classId ||
        request.method.methodId !== EXPORT_CERTIFICATE.method
      )
        return response;
      if (response.type !== 'action-response' || response.variant !== 'normal') return response;
      const ret = response.singleResponse.returnParameters;
      if (ret?.kind !== 'data' || ret.data.type !== 'octet-string') return response;
      const value = ret.data.value.slice();
      value[value.length - 1] = (value[value.length - 1] ?? 0) ^ 0x01;
      return { ...response, singleResponse: { ...response.singleResponse, returnParameters: { kind: 'data', data: { type: 'octet-string', value } } } };
    },
  },
};
