import type { Fault } from './types';

/** Numbers action-response-with-pblock blocks 1, 3, 4, … instead of 1, 2, 3, …. */
export const actionPblockNumberSkips: Fault = {
  name: 'action-pblock-number-skips',
  description: 'Return parameters sent in action-response-with-pblock blocks carry a block-number one too high after the first (1, 3, 4, …).',
  clause: 'Green Book 9.4.6.x (block transfer with ACTION: block-number starts at 1 and grows by one)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'action-response' && response.variant === 'with-pblock' && response.pblock.blockNumber > 1
        ? { ...response, pblock: { ...response.pblock, blockNumber: response.pblock.blockNumber + 1 } }
        : response,
  },
};
