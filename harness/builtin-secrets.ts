/**
 * The built-in simulator's development credentials, for `builtin:NAME` references in a profile
 * whose transport is the built-in simulator. Public by design (simulator/secrets.ts); a profile
 * for a real meter cannot use them (the loader refuses builtin: there).
 */
import { BUILTIN_SECRETS } from '../simulator/secrets';

export function builtinSecret(name: string): Uint8Array | undefined {
  const text = BUILTIN_SECRETS[name];
  return text === undefined ? undefined : new TextEncoder().encode(text);
}
