/**
 * Invocation counters the client has used, per device and client system title, kept between
 * associations and (file store) between runs: a meter refuses a counter it has seen (Green Book
 * 9.2.7.2.4), and reusing one with the same key breaks GCM. The file is plain JSON in a
 * git-ignored folder (.dlmsct/counters.json); it holds counters only, never keys.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CounterStore {
  /** The last counter used under `key`, if any. */
  last(key: string): number | undefined;
  /** Records that `counter` was used under `key` (kept only when above what is held). */
  used(key: string, counter: number): void;
  /** Writes what changed (a no-op for the memory store). */
  flush(): void;
}

export function memoryCounterStore(): CounterStore {
  const held = new Map<string, number>();
  return {
    last: (key) => held.get(key),
    used(key, counter) {
      if ((held.get(key) ?? -1) < counter) held.set(key, counter);
    },
    flush() {},
  };
}

/** The default place of the file store, relative to the working directory. */
export const DEFAULT_COUNTER_FILE = path.join('.dlmsct', 'counters.json');

function readFile(file: string): Map<string, number> {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed === null || typeof parsed !== 'object') return new Map();
    return new Map(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, number] => Number.isInteger(e[1])));
  } catch {
    // Absent or unreadable: start from nothing; the meter's counter object or an error will tell.
    return new Map();
  }
}

export function fileCounterStore(file: string = DEFAULT_COUNTER_FILE): CounterStore {
  const held = readFile(file);
  let dirty = false;
  return {
    last: (key) => held.get(key),
    used(key, counter) {
      if ((held.get(key) ?? -1) < counter) {
        held.set(key, counter);
        dirty = true;
      }
    },
    flush() {
      if (!dirty) return;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Re-read and merge: another run may have written meanwhile; counters only grow.
      const onDisk = readFile(file);
      for (const [k, v] of held) if ((onDisk.get(k) ?? -1) < v) onDisk.set(k, v);
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, `${JSON.stringify(Object.fromEntries([...onDisk].sort()), null, 2)}\n`);
      fs.renameSync(tmp, file);
      dirty = false;
    },
  };
}
