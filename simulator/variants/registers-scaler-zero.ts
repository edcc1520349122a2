import { withObjects, type Variant } from './types';

/** Every register and extended register with scaler 0 (values in whole units). */
export const registersScalerZero: Variant = {
  name: 'registers-scaler-zero',
  description: 'Every Register and Extended register has scaler 0 (10^0: the value is in whole units).',
  clause: 'Blue Book 4.3.2 (scaler_unit: scaler is an integer, 0 allowed)',
  meter: (m) => withObjects(m, (o) => (o['class'] === 'register' || o['class'] === 'extended-register' ? { ...o, scaler: 0 } : o)),
  affects: ['classes/*', 'services/*'],
};
