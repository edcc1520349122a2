/**
 * Secrets built into the simulator, so a development run needs no environment set-up. A meter
 * definition names one as `builtin:sim-lls`; a harness profile that targets the simulator names
 * the same reference and resolves it through BUILTIN_SECRETS. They are development defaults,
 * public by design: never use them for a real meter.
 */
export const BUILTIN_SECRETS: Readonly<Record<string, string>> = Object.freeze({
  /** The LLS password of the default meter's management association (Green Book 9.2.7.3.2). */
  'sim-lls': '12345678',
});

export type SecretResolution = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly problem: string };

/** Resolves `builtin:NAME` or `env:NAME` to the secret's bytes; never returns the text in a message. */
export function resolveSecretRef(ref: string, env: NodeJS.ProcessEnv = process.env): SecretResolution {
  const m = /^(builtin|env):(.+)$/.exec(ref);
  if (!m) return { ok: false, problem: `expected a reference builtin:NAME or env:NAME, got ${JSON.stringify(ref.replace(/./g, '*'))}` };
  const [, scheme, name] = m as unknown as [string, string, string];
  if (scheme === 'builtin') {
    const text = BUILTIN_SECRETS[name];
    if (text === undefined) return { ok: false, problem: `no built-in secret ${JSON.stringify(name)}; known: ${Object.keys(BUILTIN_SECRETS).join(', ')}` };
    return { ok: true, bytes: new TextEncoder().encode(text) };
  }
  const text = env[name];
  if (text === undefined) return { ok: false, problem: `environment variable ${name} is not set` };
  return { ok: true, bytes: new TextEncoder().encode(text) };
}
