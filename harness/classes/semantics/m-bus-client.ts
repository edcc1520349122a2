/** M-Bus client (class 72, Blue Book 4.8.3): the slave's primary_address is in 0..250 (EN 13757-2). */
import { type ClassSemantics, range } from './types';

export const M_BUS_CLIENT_SEMANTICS: ClassSemantics = {
  classId: 72,
  clause: '4.8.3',
  check: ({ values }) => range(values, 5, 'primary_address', 0, 250),
};
