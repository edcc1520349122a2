import { alterAttribute } from './attribute-hook';
import type { Fault } from './types';

export const autoConnectModeReserved: Fault = {
  name: 'auto-connect-mode-reserved',
  description: 'Auto connect mode (class 29 attribute 2) reads 50, a reserved value.',
  clause: 'Blue Book 4.7.6 (Auto connect mode: 0..6, 101..104, 200..255)',
  hooks: alterAttribute(29, 2, () => ({ type: 'enum', value: 50 })),
};
