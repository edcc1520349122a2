import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const ntpDuplicateKeyId: Fault = {
  name: 'ntp-duplicate-key-id',
  description: 'NTP setup authentication_keys (class 100 attribute 6) lists its first key twice, key_id and all.',
  clause: 'Blue Book 4.9.9 (NTP setup: keys named by key_id), RFC 5905 7.3',
  hooks: alterAttribute(100, 6, (v) => (v.type === 'array' && v.items[0] ? { ...v, items: [v.items[0], ...v.items] } : undefined)),
};
