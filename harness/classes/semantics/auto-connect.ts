/**
 * Auto connect (class 29 version 1 and 2, Blue Book 4.7.6): mode is 0..6 (no auto dialling,
 * dialling anytime or in the calling window, SMS and e-mail sending), 101..104 (permanent or
 * windowed connection for the IP-based modes) or 200..255 (manufacturer specific); 7..100 and
 * 105..199 are reserved.
 */
import { type ClassSemantics, enumIn } from './types';

const MODE = 2;

export const AUTO_CONNECT_SEMANTICS: ClassSemantics = {
  classId: 29,
  clause: '4.7.6',
  check: ({ values }) =>
    enumIn(values, MODE, 'mode', [
      [0, 6],
      [101, 104],
      [200, 255],
    ]),
};
