/** The acceptance commands (docs/acceptance.md): kept apart so main.ts only spreads them in. */
import type { Io } from './io';

/** Loaded when run, like main.ts's other commands (start-up time). */
export const ACCEPTANCE_COMMANDS: Record<string, () => Promise<(args: string[], io: Io) => Promise<number>>> = {
  read: async () => (await import('./read')).readCommand,
  diff: async () => (await import('./diff')).diffCommand,
  merge: async () => (await import('./merge')).mergeCommand,
};

export const ACCEPTANCE_USAGE = `  read --profile FILE [--association NAME] [--out snapshot.json]
                                           every object and readable attribute into a snapshot
  diff GOLDEN SNAPSHOT [--rules FILE] [--association NAME] [--json]
                                           a meter against the golden sample (exit 1 when they differ)
  run --devices FILE [--parallel N] [--shard I/N] [--golden SNAPSHOT [--golden-rules FILE]]
                                           N meters at a time; this machine's share I of N; a
                                           golden-sample case per association (docs/acceptance.md)
  simulate --meters N [--tcp BASE] [--faulty K] [--meter-fault I:FAULT]... [--devices-out FILE]
                                           N simulated meters, each its own port, name and serial number
  merge DIR... [--out DIR]                 shard results joined into one batch summary and report
`;
