/** The acceptance commands (docs/acceptance.md): kept apart so main.ts only spreads them in. */
import type { Io } from './io';

/** Loaded when run, like main.ts's other commands (start-up time). */
export const ACCEPTANCE_COMMANDS: Record<string, () => Promise<(args: string[], io: Io) => Promise<number>>> = {
  read: async () => (await import('./read')).readCommand,
  diff: async () => (await import('./diff')).diffCommand,
};

export const ACCEPTANCE_USAGE = `  read --profile FILE [--association NAME] [--out snapshot.json]
                                           every object and readable attribute into a snapshot
  diff GOLDEN SNAPSHOT [--rules FILE] [--association NAME] [--json]
                                           a meter against the golden sample (exit 1 when they differ)
`;
