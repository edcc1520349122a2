/**
 * A devices list in CSV (RFC 4180), read by csv-parse, the maintained CSV parser of the Node
 * ecosystem: quoted fields with `""` escapes and line breaks, CRLF or LF, a byte-order mark,
 * blank lines and `#` comment lines skipped. The separator is `,`, or `;` when the header has
 * semicolons and no commas (spreadsheets in many locales write that). csv-parse hands back each
 * record's raw text; the place of every cell (`file:line:col`, for located errors like any
 * profile error) is found by walking that raw text for the separators outside quotes.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { ConfigError } from '../../config/error';

export interface CsvCell {
  readonly text: string;
  /** 1-based, where the cell starts (its opening quote, if quoted). */
  readonly line: number;
  readonly col: number;
}

export type CsvRow = readonly CsvCell[];

const BOM = '\uFEFF';

interface Parsed {
  readonly record: string[];
  readonly raw: string;
}

export function parseCsv(source: string, file: string): CsvRow[] {
  const bom = source.startsWith(BOM) ? 1 : 0;
  const text = source.slice(bom);
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const sep = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
  const placeOf = (offset: number): { line: number; col: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (lineStarts[lo] as number) + 1 };
  };

  let records: Parsed[];
  try {
    records = parse(text, {
      delimiter: sep,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      raw: true,
    }) as unknown as Parsed[];
  } catch (e) {
    if (e instanceof CsvError) throw syntaxError(e, text, sep, lineStarts, file);
    throw e;
  }

  const rows: CsvRow[] = [];
  let offset = 0;
  for (const { record, raw } of records) {
    const start = offset + leadingSkipped(raw);
    offset += raw.length;
    rows.push(fieldStarts(text, start, offset, sep).map((at, i) => ({ text: record[i] ?? '', ...placeOf(at) })));
  }
  return rows;
}

/** The blank and comment lines csv-parse hands back in front of a record's own text. */
function leadingSkipped(raw: string): number {
  let at = 0;
  for (;;) {
    const end = raw.indexOf('\n', at);
    if (end < 0) return at;
    const line = raw.slice(at, end).replace(/\r$/, '');
    if (line !== '' && !line.startsWith('#')) return at;
    at = end + 1;
  }
}

/** Where each field of a well-formed record starts: after each separator outside quotes. */
function fieldStarts(text: string, start: number, end: number, sep: string): number[] {
  const starts = [start];
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"')
      quoted = !quoted; // a doubled quote toggles twice
    else if (c === sep && !quoted) starts.push(i + 1);
    else if (c === '\n' && !quoted) break;
  }
  return starts;
}

/** csv-parse's error, at the start of the field it names (its line, its field index). */
function syntaxError(e: CsvError, text: string, sep: string, lineStarts: readonly number[], file: string): ConfigError {
  const info = e as CsvError & { lines?: number; column?: number; field?: string };
  const line = Math.max(1, info.lines ?? 1);
  const lineStart = lineStarts[line - 1] ?? 0;
  const starts = fieldStarts(text, lineStart, text.length, sep);
  const fieldStart = (starts[info.column ?? 0] ?? lineStart) - lineStart + 1;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ConfigError('CSV_SYNTAX', file, line, fieldStart, 'a closing quote for the quoted field starting here', 'the end of the file');
    case 'INVALID_OPENING_QUOTE':
      return new ConfigError(
        'CSV_SYNTAX',
        file,
        line,
        fieldStart + (info.field?.length ?? 0),
        'a quote only around a whole field',
        'a quote inside an unquoted field',
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new ConfigError(
        'CSV_SYNTAX',
        file,
        line,
        fieldStart,
        `"${sep}" or the end of the line after the closing quote of the field starting here`,
        /got ("[^"]*")/.exec(e.message)?.[1] ?? 'more text',
      );
    default:
      return new ConfigError('CSV_SYNTAX', file, line, fieldStart, 'well-formed CSV (RFC 4180)', e.message);
  }
}
