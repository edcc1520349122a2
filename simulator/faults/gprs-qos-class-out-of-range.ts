import { alterAttribute, items, withItem } from './attribute-hook';
import type { Fault } from './types';

export const gprsQosClassOutOfRange: Fault = {
  name: 'gprs-qos-class-out-of-range',
  description: 'GPRS modem setup quality_of_service (class 45 attribute 4) requests a peak throughput of 64, a rate where a 4-bit class belongs.',
  clause: 'Blue Book 4.9.5 (GPRS modem setup), 3GPP TS 24.008 10.5.6.5 (peak throughput class: 4 bits)',
  hooks: alterAttribute(45, 4, (v) => {
    const requested = items(v)[1];
    return requested ? withItem(v, 1, withItem(requested, 3, { type: 'unsigned', value: 64 })) : undefined;
  }),
};
