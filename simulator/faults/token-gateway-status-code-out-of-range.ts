import { alterAttribute, withItem } from './attribute-hook';
import type { Fault } from './types';

export const tokenGatewayStatusCodeOutOfRange: Fault = {
  name: 'token-gateway-status-code-out-of-range',
  description: 'Token gateway token_status (class 115 attribute 6) reports token_status_code 9, which the Blue Book does not define.',
  clause: 'Blue Book 4.6.5 (Token gateway token_status_code: 0..8)',
  hooks: alterAttribute(115, 6, (v) => withItem(v, 0, { type: 'enum', value: 9 })),
};
