/**
 * The one error a suite or profile loader throws: a stable code, the place (`file:line:col`,
 * 1-based, as editors count), and what was expected versus what was found. The CLI prints it as
 * is and exits 2; a located message is the whole point, so there is no error without a place.
 */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly code: string,
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${file}:${line}:${col}: ${code}: expected ${expected}, got ${actual}`);
  }

  static at(place: Place, code: string, expected: string, actual: string): ConfigError {
    return new ConfigError(code, place.file, place.line, place.col, expected, actual);
  }
}

export function isConfigError(e: unknown): e is ConfigError {
  return e instanceof ConfigError;
}
