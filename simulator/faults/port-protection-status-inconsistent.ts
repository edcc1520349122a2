import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const portProtectionStatusInconsistent: Fault = {
  name: 'port-protection-status-inconsistent',
  description: 'Communication port protection protection_status (class 124 attribute 8) reads 2 (locked) while protection_mode is 2 (unlocked).',
  clause: 'Blue Book 4.4.12 (Communication port protection: protection_status under protection_mode)',
  hooks: alterAttribute(124, 8, () => ({ type: 'enum', value: 2 })),
};
