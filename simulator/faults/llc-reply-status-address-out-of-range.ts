import { alterAttribute, items, withItem } from './attribute-hook';
import type { Fault } from './types';

export const llcReplyStatusAddressOutOfRange: Fault = {
  name: 'llc-reply-status-address-out-of-range',
  description: 'IEC 61334-4-32 LLC setup reply_status_list (class 55 attribute 3) names a station by MAC address 0x1FFF, beyond 12 bits.',
  clause: 'Blue Book 4.10.6 (IEC 61334-4-32 LLC setup), IEC 61334-5-1 (12-bit MAC addresses)',
  hooks: alterAttribute(55, 3, (v) => {
    const first = items(v)[0];
    return first ? withItem(v, 0, withItem(first, 0, { type: 'long-unsigned', value: 0x1fff })) : undefined;
  }),
};
