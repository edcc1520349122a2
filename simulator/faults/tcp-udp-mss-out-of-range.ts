import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const tcpUdpMssOutOfRange: Fault = {
  name: 'tcp-udp-mss-out-of-range',
  description: 'TCP-UDP setup MSS (class 41 attribute 4) reads 20, below the least segment size.',
  clause: 'Blue Book 4.9.1 (TCP-UDP setup MSS: 40..65535)',
  hooks: alterAttribute(41, 4, () => ({ type: 'long-unsigned', value: 20 })),
};
