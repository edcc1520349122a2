/**
 * String formats the schemas name (`format: duration`), each with the message a user sees when
 * a value does not fit. The matching `pattern` goes into the exported JSON Schema, so editors
 * flag the same values the loader refuses.
 */
export interface FormatProblem {
  readonly code: string;
  readonly expected: string;
}

interface Format {
  readonly pattern: string;
  /** The error code of a value that does not fit. */
  readonly code: string;
  readonly expected: string;
  check(text: string): FormatProblem | undefined;
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|min|h)$/;
const OBIS = /^(\d{1,3})-(\d{1,3}):(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const SECRET_ALTERNATIVE = /^(env:[A-Za-z_][A-Za-z0-9_]*|file:.+|builtin:[a-z0-9-]+)$/;

const byPattern = (pattern: string, code: string, expected: string): Format => ({
  pattern,
  code,
  expected,
  check: (text) => (new RegExp(pattern).test(text) ? undefined : { code, expected }),
});

export const FORMATS = {
  duration: byPattern(DURATION.source, 'DURATION_BAD', 'a duration such as 5s, 200ms, 2min or 1h'),
  /** Blue Book 4.1.2 (OBIS), written A-B:C.D.E.F with each group 0..255. */
  obis: {
    pattern: OBIS.source,
    code: 'OBIS_BAD',
    expected: 'an OBIS code written A-B:C.D.E.F, each group 0..255 (e.g. 0-0:40.0.0.255)',
    check(text: string): FormatProblem | undefined {
      const m = OBIS.exec(text);
      if (m && m.slice(1).every((g) => Number(g) <= 255)) return undefined;
      return { code: this.code, expected: this.expected };
    },
  },
  hex: byPattern('^([0-9A-Fa-f]{2})+$', 'HEX_BAD', 'hex digits, two per byte'),
  /**
   * Secrets are references, never literals (DESIGN.md, Profiles): `env:NAME`, `file:path`, or
   * `builtin:name` (the built-in simulator's development credential), alternatives joined by
   * `||`, the first that resolves winning. Anything else is taken to be an inline secret.
   */
  'secret-ref': {
    code: 'SECRET_INLINE',
    pattern: `^(${SECRET_ALTERNATIVE.source.slice(1, -1)})(\\s*\\|\\|\\s*(${SECRET_ALTERNATIVE.source.slice(1, -1)}))*$`,
    expected: 'a secret reference env:NAME, file:path or builtin:name (alternatives joined by ||), never the secret itself',
    check(text: string): FormatProblem | undefined {
      const ok = splitSecretRef(text).every((alt) => SECRET_ALTERNATIVE.test(alt));
      return ok ? undefined : { code: this.code, expected: this.expected };
    },
  },
} satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

export function splitSecretRef(text: string): string[] {
  return text.split('||').map((s) => s.trim());
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };

/** `5s` → 5000; call only on text that passed the duration format. */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  return Math.round(Number(m[1]) * (UNIT_MS[m[2] as string] as number));
}
