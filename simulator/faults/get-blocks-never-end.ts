import type { Fault } from './types';

/** real-meter.md section 1: `C4 02 C3 00 00000001 00 02 01 00`, block after block. */
const EMPTY_ARRAY = Uint8Array.of(0x01, 0x00);

/**
 * Every block of a long GET carries the same raw-data, an empty array, and none is flagged last:
 * the block asked for next always comes, so the transfer never ends.
 */
export const getBlocksNeverEnd: Fault = {
  name: 'get-blocks-never-end',
  description:
    'A long GET is answered by blocks that each carry an empty array (raw-data 01 00) and never set last-block: every get-request-next gets one more such block.',
  clause: 'Green Book 9.4.6.x (block transfer with GET: the blocks carry the encoded data, the last one is flagged); real-meter.md section 1',
  hooks: {
    transformResponse: (request, response) => {
      if (response.type !== 'get-response') return response;
      const next = request.type === 'get-request' && request.variant === 'next' ? request.blockNumber + 1 : undefined;
      if (next === undefined && response.variant !== 'with-datablock') return response;
      const blockNumber = next ?? (response.variant === 'with-datablock' ? response.result.blockNumber : 1);
      return {
        type: 'get-response',
        variant: 'with-datablock',
        invokeIdAndPriority: response.invokeIdAndPriority,
        result: { lastBlock: false, blockNumber, result: { kind: 'raw-data', rawData: EMPTY_ARRAY } },
      };
    },
  },
};
