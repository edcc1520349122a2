import { pduOf } from '../variants/apdu';
import type { Fault } from './types';

const PROFILE_GENERIC = 7;
const BUFFER = 2;
/** What the real meter sent after its one-block answer (a datablock with data-access-result temporary-failure): 14 bytes more. */
const STRAY = Uint8Array.of(0x00, 0x01, 0x02, 0xc4, 0x02, 0xc8, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x02, 0x00);

/**
 * real-meter.md section 1: the buffer of a Profile generic answered `C4 02 C8 00 00000001 01 02`
 * (get-response-with-datablock, block 1 not last, data-access-result temporary-failure) followed
 * by 14 stray bytes in the same APDU.
 */
export const profileBufferErrorWithStrayBytes: Fault = {
  name: 'profile-buffer-error-with-stray-bytes',
  description:
    'A GET of a Profile generic buffer is answered by a datablock (block 1, not last) carrying data-access-result temporary-failure, followed by 14 stray bytes in the same APDU.',
  clause: 'Green Book 9.3.6 and 9.5 (get-response-with-datablock encoding: one APDU per response, A-XDR leaves no bytes over); real-meter.md section 1',
  hooks: {
    onApduOut: (request, response) => {
      const r = pduOf(request);
      const asked = r?.type === 'get-request' && r.variant === 'normal' && r.attribute.classId === PROFILE_GENERIC && r.attribute.attributeId === BUFFER;
      if (!asked || response[0] !== 0xc4) return response;
      const invokeIdAndPriority = response[2] ?? 0xc1;
      return Uint8Array.from([0xc4, 0x02, invokeIdAndPriority, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x02, ...STRAY]);
    },
  },
};
