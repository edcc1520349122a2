/**
 * NTP setup (class 100, Blue Book 4.9.9): each authentication key has its own key_id, the one
 * NTP packets name it by (RFC 5905 7.3) and delete_authentication_key removes it by.
 */
import { type ClassSemantics, duplicates, itemsOf, numberOf } from './types';

const AUTHENTICATION_KEYS = 6;

export const NTP_SETUP_SEMANTICS: ClassSemantics = {
  classId: 100,
  clause: '4.9.9',
  // Only the ids are reported: the keys are secrets.
  check: ({ values }) =>
    duplicates(itemsOf(values.get(AUTHENTICATION_KEYS)).map((k) => numberOf(itemsOf(k)[0]))).map((id) => ({
      attribute: AUTHENTICATION_KEYS,
      expected: 'each authentication key_id used once',
      actual: `key_id ${id} twice`,
    })),
};
