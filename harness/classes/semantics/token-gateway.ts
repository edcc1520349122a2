/**
 * Token gateway (class 115, Blue Book 4.6.5): token_status.token_status_code is 0..8 (format,
 * authentication, validation and execution results OK, then failed, and 8: received, not yet
 * processed).
 */
import { type ClassSemantics, enumIn, itemsOf } from './types';

const TOKEN_STATUS = 6;

export const TOKEN_GATEWAY_SEMANTICS: ClassSemantics = {
  classId: 115,
  clause: '4.6.5',
  check: ({ values }) => enumIn(values, TOKEN_STATUS, 'token_status.token_status_code', [[0, 8]], (d) => itemsOf(d)[0]),
};
