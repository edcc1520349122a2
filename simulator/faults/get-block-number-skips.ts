import type { Fault } from './types';

/** Numbers GET blocks 1, 3, 4, … instead of 1, 2, 3, …. */
export const getBlockNumberSkips: Fault = {
  name: 'get-block-number-skips',
  description: 'In a long GET, every block after the first carries a block-number one too high (1, 3, 4, …) instead of consecutive numbers.',
  clause: 'Green Book 9.4.6.x (block transfer: block-number starts at 1 and grows by one)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'get-response' && response.variant === 'with-datablock' && response.result.blockNumber > 1
        ? { ...response, result: { ...response.result, blockNumber: response.result.blockNumber + 1 } }
        : response,
  },
};
