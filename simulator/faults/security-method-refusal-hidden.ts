import type { Apdu } from '../../dlms/xdlms/apdu';
import type { Fault } from './types';

/** Blue Book 4.4.7: Security setup methods 1 (security_activate) and 2 (global_key_transfer). */
const CLASS_SECURITY_SETUP = 64;
const METHODS = new Set([1, 2]);

function isSecurityMethod(request: Apdu): boolean {
  return (
    request.type === 'action-request' && request.variant === 'normal' && request.method.classId === CLASS_SECURITY_SETUP && METHODS.has(request.method.methodId)
  );
}

/** A refusal turned into success: the client believes a weaker policy or bad key data took. */
export const securityMethodRefusalHidden: Fault = {
  name: 'security-method-refusal-hidden',
  description: 'security_activate with a weaker policy and global_key_transfer with bad key data answer success instead of a refusal.',
  clause: 'Blue Book 4.4.7 (security_activate only strengthens; key_data must unwrap)',
  hooks: {
    transformResponse: (request, response) =>
      isSecurityMethod(request) && response.type === 'action-response' && response.variant === 'normal' && response.singleResponse.result !== 'success'
        ? { ...response, singleResponse: { result: 'success' } }
        : response,
  },
};
