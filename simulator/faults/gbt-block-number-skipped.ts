import type { Fault } from './types';

/** Numbers the general-block-transfer blocks of a response 1, 3, 4, … instead of 1, 2, 3, …. */
export const gbtBlockNumberSkipped: Fault = {
  name: 'gbt-block-number-skipped',
  description: 'A response sent by general-block-transfer carries a block-number one too high in every block after the first (1, 3, 4, …).',
  clause: 'Green Book 9.3.x (general-block-transfer: block-number starts at 1 and grows by one)',
  hooks: {
    transformResponse: (_request, response) =>
      response.type === 'general-block-transfer' && response.blockData.length > 0 && response.blockNumber > 1
        ? { ...response, blockNumber: response.blockNumber + 1 }
        : response,
  },
};
