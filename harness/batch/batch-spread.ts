/** `--parallel N` and `--shard I/N` as runBatch options (the worker arguments are the run's own). */
import { UsageError } from '../cli/io';
import { parseShard } from './shard';
import { workerArgs } from './worker-pool';
import type { BatchOptions } from './run-batch';

/** More worker processes than this is a typo (each holds a whole harness). */
const MAX_PARALLEL = 256;

export function batchSpread(
  parallel: string | undefined,
  shard: string | undefined,
  args: readonly string[],
): Pick<BatchOptions, 'parallel' | 'shard' | 'workerArgs'> {
  const n = parallel === undefined ? 1 : Number(parallel);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARALLEL)
    throw new UsageError(`--parallel must be a whole number 1..${MAX_PARALLEL}, not ${JSON.stringify(parallel)}`);
  return { parallel: n, ...(shard === undefined ? {} : { shard: parseShard(shard) }), ...(n > 1 ? { workerArgs: workerArgs(args) } : {}) };
}
