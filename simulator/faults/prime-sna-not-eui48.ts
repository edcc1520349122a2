import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const primeSnaNotEui48: Fault = {
  name: 'prime-sna-not-eui48',
  description: 'PRIME MAC functional parameters sna (class 83 attribute 5) reads 4 octets while the node is registered: no base node EUI-48.',
  clause: 'Blue Book 4.12.5 (PRIME NB OFDM PLC MAC functional parameters), ITU-T G.9904 (macSNA, 48 bits)',
  hooks: alterAttribute(83, 5, () => ({ type: 'octet-string', value: Uint8Array.from([0x00, 0x80, 0xe1, 0x01]) })),
};
