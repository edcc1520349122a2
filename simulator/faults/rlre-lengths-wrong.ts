import type { Fault } from './types';

const RLRE_TAG = 0x63;
const USER_INFORMATION_TAG = 0xbe;

/** The RLRE of a ciphered association with BER lengths short of its content, as the real meter sent it (63 25 … BE 23 …, content 41 and 36 bytes). */
export const rlreLengthsWrong: Fault = {
  name: 'rlre-lengths-wrong',
  description:
    'The RLRE that carries protected user-information states BER lengths shorter than its content (the RLRE 4 bytes short, the user-information 1 byte short).',
  clause: 'ISO/IEC 8825-1 (BER definite lengths); Green Book 9.3.3 (RLRE); real-meter.md section 1',
  hooks: {
    onApduOut: (_request, response) => {
      // Short form lengths only: 63 LL ... BE LL ...
      const at = response.indexOf(USER_INFORMATION_TAG, 2);
      if (response[0] !== RLRE_TAG || at < 0 || response[1]! >= 0x80 || response[at + 1]! >= 0x80) return response;
      const out = response.slice();
      out[1] = response[1]! - 4;
      out[at + 1] = response[at + 1]! - 1;
      return out;
    },
  },
};
