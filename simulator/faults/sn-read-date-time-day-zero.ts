import type { ReadResult } from '../../dlms/xdlms/sn';
import type { Fault } from './types';

/** Blue Book 4.1.6.1 date-time: 12 octets, day of month at octet 3 (1..31, 0xFD, 0xFE, 0xFF; never 0). */
const DATE_TIME_LENGTH = 12;
const DAY_OF_MONTH = 3;

/**
 * A defect of the short-name side alone (a meter whose SN port formats dates on its own path):
 * GET answers are untouched, so only the SN instances of the class checks on a profile with both
 * referencings can see it (docs/decisions/short-name-walk.md, "A profile with both").
 */
export const snReadDateTimeDayZero: Fault = {
  name: 'sn-read-date-time-day-zero',
  description:
    'A ReadResponse carries every date-time it returns as a value (an octet-string of 12) with day of month 0; the same attribute read by GET is right.',
  clause: 'Blue Book 4.1.6.1 (date-time: day of month 1..31, 0xFD, 0xFE or 0xFF), Green Book 9.3 (ReadResponse)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'read-response'
        ? {
            ...response,
            results: response.results.map((r): ReadResult => {
              if (r.kind !== 'data' || r.data.type !== 'octet-string' || r.data.value.length !== DATE_TIME_LENGTH) return r;
              const value = r.data.value.slice();
              value[DAY_OF_MONTH] = 0;
              return { kind: 'data', data: { type: 'octet-string', value } };
            }),
          }
        : response,
  },
};
