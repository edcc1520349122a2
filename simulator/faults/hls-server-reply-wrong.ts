import type { Fault } from './types';

/** HLS pass 4 with a proof the client cannot verify. */
export const hlsServerReplyWrong: Fault = {
  name: 'hls-server-reply-wrong',
  description: "The server's f(CtoS) in the reply_to_HLS_authentication answer is wrong (its last bit flipped).",
  clause: 'Green Book 9.2.7.4 (HLS authentication, pass 4)',
  hooks: {
    security: {
      hlsServerReply: (reply) => {
        const out = reply.slice();
        out[out.length - 1] = (out[out.length - 1] ?? 0) ^ 0x01;
        return out;
      },
    },
  },
};
