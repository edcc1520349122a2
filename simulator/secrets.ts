/**
 * Secrets built into the simulator, so a development run needs no environment set-up. A meter
 * definition names one as `builtin:sim-lls`; a harness profile that targets the simulator names
 * the same reference and resolves it through BUILTIN_SECRETS. They are development defaults,
 * public by design: never use them for a real meter.
 */
export const BUILTIN_SECRETS: Readonly<Record<string, string>> = Object.freeze({
  /** The LLS password of the default meter's management association (Green Book 9.2.7.3.2). */
  'sim-lls': 'Qz7-sim-LLS',
  /** The HLS secret of the MD5, SHA-1 and SHA-256 associations (Green Book 9.2.7.4, mechanisms 3, 4, 6). */
  'sim-hls': 'Hx9-sim-HLS-secret',
  /**
   * Keys are hex text (Green Book 9.2.3.3 symmetric keys): suites 0 and 1 use AES-128 (EK, AK,
   * master key KEK), suite 2 AES-256. Random values, so that a leak in any output is findable.
   */
  'sim-ek': '4D82B36E9AA8B8FE4CD4B1BA988D1B87',
  'sim-ak': '9643720E9C996E08A0A28AA7D16C1BC6',
  'sim-kek': 'D348885A95B358167A82091AD8DAC21C',
  'sim-bk': '5B1E2C8A0F37D4966AE0B3C1274F98D5',
  'sim-ek-s2': '0AA07B75EA0BDECC000A07C6FF725A16BD5E903808FC61E0C4B0C36C11FF4E24',
  'sim-ak-s2': '93430C81FF9856256D9EA57C6DDA9F4136C87AF08644E55CE31487147B3332DB',
  'sim-kek-s2': '12E5C1FE58E8B9D3A86B333AE4E9219FA98C22FC56084ED32991510231668533',
  /** ECDSA/ECDH private keys (Green Book 9.2.3.4): the meter's and the client's, P-256 (suite 1) and P-384 (suite 2). */
  'sim-server-ecc-s1': 'FFBF9EF9693EF0C94975DB95901742ABBAE465A3CFF768906CC8D44878E0A511',
  'sim-client-ecc-s1': 'BFE20125A8704B13964E39682166F924E57935B6F46C541C036DCF753BBA979F',
  'sim-server-ecc-s2': '6E5C7B11C5720B666B33746694FD8C1CF797B1A2EAC10DDF4A42ADB386F0E5AD307665A7A2E7024384557E1E12E7ABA9',
  'sim-client-ecc-s2': 'E367D7F87042DE9A17E1B34C6E7E502B6FDEA970ECA65CD6FC21604F53835D8243309C11D6C084F1062264C354661705',
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
