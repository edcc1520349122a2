import type { Fault } from './types';

/** HLS pass 3 that checks nothing: any f(StoC) authenticates the client. */
export const hlsAcceptsWrongReply: Fault = {
  name: 'hls-accepts-wrong-reply',
  description: "HLS pass 3 accepts any answer to the server's challenge StoC, right or wrong.",
  clause: 'Green Book 9.2.7.4 (HLS authentication, pass 3)',
  hooks: { security: { acceptHlsReply: () => true } },
};
