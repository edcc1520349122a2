import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const registerActivationMaskUndefined: Fault = {
  name: 'register-activation-mask-undefined',
  description: 'Register activation active_mask (class 6 attribute 4) names a mask that mask_list does not hold.',
  clause: 'Blue Book 4.3.5 (Register activation: active_mask names a mask of mask_list)',
  hooks: alterAttribute(6, 4, () => ({ type: 'octet-string', value: new TextEncoder().encode('NO-SUCH-MASK') })),
};
