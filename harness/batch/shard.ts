/**
 * `--shard I/N`: this machine's share of a devices file. A device belongs to shard
 * (hash(id) mod N) + 1, so its shard depends on its id alone: the same on every machine, in
 * every run, whatever the order of the file or the meters added to it, and the N shards
 * together hold every device exactly once (`dlmsct merge` joins their results).
 */
import { UsageError } from '../cli/io';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** A batch spread over more machines than this is a typo. */
const MAX_SHARDS = 10_000;

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new UsageError(`--shard takes I/N with 1 <= I <= N (2/4: the second of four shares), not ${JSON.stringify(text)}`);
  }
  return { index, count };
}

/** FNV-1a, 32 bits, over the id's UTF-8: small, stable, and spreads similar ids (m-0001, m-0002) well. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function shardOf(id: string, count: number): number {
  return (fnv1a(id) % count) + 1;
}

export function inShard(id: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(id, shard.count) === shard.index;
}
