import type { Fault } from './types';

/** Never sets last-block in a long GET. */
export const getLastBlockNotFlagged: Fault = {
  name: 'get-last-block-not-flagged',
  description: 'The last block of a long GET has last-block false, so the client asks for a block that does not exist.',
  clause: 'Green Book 9.4.6.x (block transfer: the last block is flagged)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'get-response' && response.variant === 'with-datablock' && response.result.result.kind === 'raw-data'
        ? { ...response, result: { ...response.result, lastBlock: false } }
        : response,
  },
};
