/**
 * `dlmsct merge DIR…`: the shards of one batch (each `dlmsct run --devices … --shard I/N
 * --results DIR`) joined into one batch summary and one report, as if one machine had run the
 * whole devices file: meters in the devices file's order, each meter's folder linked where its
 * shard left it, totals recounted. Shards of different modes, a meter in two shards, or a shard
 * missing are said, never silently merged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../../config/error';
import { type BatchDevice, type BatchSummary, buildBatchSummary } from './batch-summary';
import { loadDevices } from './devices';
import { BATCH_SUMMARY_FILE } from './run-batch';

export interface MergeResult {
  readonly summary: BatchSummary;
  /** Shards of `I/N` not among the inputs (`2/4`). */
  readonly missingShards: readonly string[];
}

function readSummary(dir: string): { file: string; s: BatchSummary } {
  const file = fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? path.join(dir, BATCH_SUMMARY_FILE) : dir;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      'FILE_UNREADABLE',
      file,
      1,
      1,
      `a shard's ${BATCH_SUMMARY_FILE} (dlmsct run --devices … --results DIR)`,
      e instanceof Error ? e.message : String(e),
    );
  }
  let s: BatchSummary;
  try {
    s = JSON.parse(text) as BatchSummary;
  } catch (e) {
    throw new ConfigError('BATCH_SUMMARY_JSON', file, 1, 1, 'JSON', e instanceof Error ? e.message : String(e));
  }
  if (!s || !Array.isArray(s.devices) || typeof s.mode !== 'string')
    throw new ConfigError('BATCH_SUMMARY_FORMAT', file, 1, 1, 'a batch summary (mode, devices)', 'something else');
  return { file, s };
}

export function mergeShards(dirs: readonly string[], out: string): MergeResult {
  const shards = dirs.map(readSummary);
  const first = shards[0];
  if (!first) throw new ConfigError('MERGE_NOTHING', '.', 1, 1, 'at least one shard folder', 'none');
  const seen = new Map<string, string>();
  const devices: BatchDevice[] = [];
  for (const { file, s } of shards) {
    if (s.mode !== first.s.mode) throw new ConfigError('MERGE_MODE_MISMATCH', file, 1, 1, `mode ${first.s.mode} (as ${first.file})`, `mode ${s.mode}`);
    for (const d of s.devices) {
      const other = seen.get(d.id);
      if (other !== undefined) throw new ConfigError('MERGE_DUPLICATE_DEVICE', file, 1, 1, `each meter in one shard (${d.id} is in ${other})`, `${d.id} again`);
      seen.set(d.id, file);
      // Links stay valid from the merged summary's folder.
      const results =
        d.results === null
          ? null
          : path
              .relative(out, path.join(path.dirname(file), d.results))
              .split(path.sep)
              .join('/');
      devices.push({ ...d, results });
    }
  }
  const order = devicesOrder(first.s.devicesFile);
  devices.sort((a, b) => (order.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.id) ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id));
  const summary = buildBatchSummary(
    { profile: first.s.profile, devicesFile: first.s.devicesFile, mode: first.s.mode, deviations: first.s.deviations, mergedFrom: shards.map((x) => x.file) },
    devices,
  );
  return { summary, missingShards: missing(shards.map((x) => x.s.shard)) };
}

/** The devices file's order when it can be read here; otherwise ids sort alphabetically. */
function devicesOrder(file: string): Map<string, number> {
  try {
    return new Map(loadDevices(file).devices.map((d, i) => [d.id, i]));
  } catch {
    return new Map();
  }
}

function missing(shards: readonly (string | undefined)[]): string[] {
  const named = shards.filter((s): s is string => s !== undefined);
  const count = Number(named[0]?.split('/')[1] ?? 0);
  const out: string[] = [];
  for (let i = 1; i <= count; i++) if (!named.includes(`${i}/${count}`)) out.push(`${i}/${count}`);
  return out;
}
