import type { Fault } from './types';

/** Acknowledges SET blocks with the wrong block number. */
export const setBlockAckWrong: Fault = {
  name: 'set-block-ack-wrong',
  description: 'In a SET sent in blocks, each set-response-datablock names the block after the one received instead of the one received.',
  clause: 'Green Book 9.4.6.x (block transfer with SET: set-response-datablock carries the block-number received)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'set-response' && response.variant === 'datablock' ? { ...response, blockNumber: response.blockNumber + 1 } : response,
  },
};
