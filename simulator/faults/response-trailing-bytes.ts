import { pduOf } from '../variants/apdu';
import type { Fault } from './types';

/** What the real meter sent after a complete get-response (Clock time): another date-time, 18 bytes in all. */
const TRAILING = Uint8Array.of(0x09, 0x0f, 0x09, 0x0c, 0x07, 0xea, 0x0c, 0x07, 0x01, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
const CLOCK = 8;
const TIME = 2;

export const responseTrailingBytes: Fault = {
  name: 'response-trailing-bytes',
  description:
    'A get-response-normal answering Clock time is followed, in the same APDU, by 18 more bytes (another date-time): the APDU is longer than the response it holds.',
  clause: 'Green Book 9.3.6 and 9.5 (one APDU per response; A-XDR leaves no bytes over); real-meter.md section 1',
  hooks: {
    onApduOut: (request, response) => {
      const r = pduOf(request);
      const asked = r?.type === 'get-request' && r.variant === 'normal' && r.attribute.classId === CLOCK && r.attribute.attributeId === TIME;
      if (!asked || response[0] !== 0xc4) return response;
      const out = new Uint8Array(response.length + TRAILING.length);
      out.set(response);
      out.set(TRAILING, response.length);
      return out;
    },
  },
};
