import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const securitySetupSystemTitleShort: Fault = {
  name: 'security-setup-system-title-short',
  description: 'Security setup server_system_title (class 64 attribute 5) reads 7 octets.',
  clause: 'Blue Book 4.4.6 (Security setup server_system_title) and Green Book 9.2.3.7 (a system title of 8 octets)',
  hooks: alterAttribute(64, 5, (v) => (v.type === 'octet-string' ? { ...v, value: v.value.slice(0, 7) } : undefined)),
};
