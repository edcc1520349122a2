/**
 * `npx dlmsct simulate` runs as npm exec → sh -c → node: killing the npx pid (what a script that
 * started it does) does not reach node, which keeps serving and holds the port. Under npm (it sets
 * npm_command), the command therefore watches its launchers, the parent and the grandparent, and
 * stops when one is gone. Node has no parent-death signal, so this polls; the timer is unref'd.
 */
import * as fs from 'node:fs';

/** How often the launchers are looked at: a freed port within about a second is what a user expects. */
export const LAUNCHER_POLL_MS = 500;

export interface LauncherWatch {
  readonly gone: Promise<void>;
  cancel(): void;
}

/** Under npm: resolves when the process that launched us (or its launcher) exits; never otherwise. */
export function watchLauncher(env: NodeJS.ProcessEnv = process.env): LauncherWatch {
  if (!env['npm_command']) return { gone: new Promise<void>(() => undefined), cancel: () => undefined };
  const parent = process.ppid;
  const pids = [parent, parentOf(parent)].filter((p): p is number => p !== undefined && p > 1);
  let timer: NodeJS.Timeout | undefined;
  const gone = new Promise<void>((resolve) => {
    timer = setInterval(() => {
      if (process.ppid !== parent || pids.some((p) => !alive(p))) {
        clearInterval(timer);
        resolve();
      }
    }, LAUNCHER_POLL_MS);
    timer.unref();
  });
  return { gone, cancel: () => clearInterval(timer) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, we may just not signal it.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The parent of `pid` from /proc (Linux); undefined elsewhere, where the parent alone is watched. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}
