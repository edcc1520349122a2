import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const gprsApnTooLong: Fault = {
  name: 'gprs-apn-too-long',
  description: 'GPRS modem setup APN (class 45 attribute 2) reads 120 octets, longer than any APN.',
  clause: 'Blue Book 4.9.5 (GPRS modem setup), 3GPP TS 23.003 9.1 (an APN has at most 100 octets)',
  hooks: alterAttribute(45, 2, () => ({ type: 'octet-string', value: new TextEncoder().encode(`${'apn.'.repeat(29)}meter`.slice(0, 120)) })),
};
