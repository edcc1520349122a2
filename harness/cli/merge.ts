/**
 * `dlmsct merge DIR… [--out DIR]`: shard results (harness/batch/merge.ts) into one
 * batch-summary.json, batch-summary.csv and batch-report.html. Exit as a batch run would (0 every
 * meter accepted, 1 not, 3 every meter unreachable), 1 too when a shard is missing; 2 for a
 * folder that holds no batch summary.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeBatchFiles } from '../batch/batch-files';
import { batchExitCode, batchTable, writeBatchSummary } from '../batch/batch-summary';
import { mergeShards } from '../batch/merge';
import { BATCH_SUMMARY_FILE } from '../batch/run-batch';
import { EXIT, type Io, parse, UsageError } from './io';

export async function mergeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string', default: 'batch-results' } }, true);
  if (!positionals.length) throw new UsageError('DIR… is required: the results folders of the shards (dlmsct run … --shard I/N --results DIR)');
  const out = values.out;
  fs.mkdirSync(out, { recursive: true });
  const { summary, missingShards } = mergeShards(positionals, out);
  writeBatchSummary(path.join(out, BATCH_SUMMARY_FILE), summary);
  writeBatchFiles(out, summary);
  io.out(batchTable(summary));
  io.out(`dlmsct merge: ${positionals.length} shard(s), ${summary.devices.length} meter(s) → ${path.join(out, BATCH_SUMMARY_FILE)}\n`);
  if (missingShards.length) {
    io.err(`dlmsct merge: shard(s) ${missingShards.join(', ')} missing: their meters are not in this summary\n`);
    return EXIT.failed;
  }
  return batchExitCode(summary);
}
