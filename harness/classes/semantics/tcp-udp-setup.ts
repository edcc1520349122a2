/** TCP-UDP setup (class 41, Blue Book 4.9.1): MSS, the maximum segment size, is 40..65535 (default 576). */
import { type ClassSemantics, range } from './types';

const MSS = 4;

export const TCP_UDP_SETUP_SEMANTICS: ClassSemantics = {
  classId: 41,
  clause: '4.9.1',
  check: ({ values }) => range(values, MSS, 'MSS', 40, 65535),
};
