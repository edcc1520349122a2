import { withObjects, type Variant } from './types';

/** The instantaneous voltage register of the default meter becomes a plain counter. */
const VOLTAGE = '1-0:32.7.0.255';

export const registerUnitCount: Variant = {
  name: 'register-unit-count',
  description: 'A Register counts something without a physical unit: unit 255 (count), scaler 0.',
  clause: 'Blue Book 4.3.2 and 4.3.1 unit table (255: no unit, unitless, count)',
  meter: (m) => withObjects(m, (o) => (o['obis'] === VOLTAGE ? { ...o, unit: 255, scaler: 0 } : o)),
  affects: ['classes/*', 'services/*'],
};
