/**
 * Just enough CSV (RFC 4180) for a devices list, with the place of every cell so that a mistake
 * is reported as `file:line:col` like any profile error: quoted fields with `""` escapes and
 * line breaks, CRLF or LF, a byte-order mark, blank lines and `#` comment lines skipped. The
 * separator is `,`, or `;` when the header has semicolons and no commas (spreadsheets in many
 * locales write that).
 */
import { ConfigError } from '../config-error';

export interface CsvCell {
  readonly text: string;
  /** 1-based, where the cell starts (its opening quote, if quoted). */
  readonly line: number;
  readonly col: number;
}

export type CsvRow = readonly CsvCell[];

export function parseCsv(source: string, file: string): CsvRow[] {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const sep = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: CsvRow[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const col = (at: number): number => at - lineStart + 1;

  while (i < text.length) {
    // A blank line or a comment line is no row.
    if (text[i] === '\n' || text.startsWith('\r\n', i) || text[i] === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
      line++;
      lineStart = i;
      continue;
    }
    const row: CsvCell[] = [];
    for (;;) {
      const cellLine = line;
      const cellCol = col(i);
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new ConfigError('CSV_SYNTAX', file, cellLine, cellCol, 'a closing quote for the quoted field starting here', 'the end of the file');
          const c = text[i] as string;
          if (c === '"' && text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            if (c === '\n') {
              line++;
              lineStart = i + 1;
            }
            value += c;
            i++;
          }
        }
        if (i < text.length && text[i] !== sep && text[i] !== '\n' && !text.startsWith('\r\n', i)) {
          throw new ConfigError('CSV_SYNTAX', file, line, col(i), `"${sep}" or the end of the line after a closing quote`, JSON.stringify(text[i]));
        }
      } else {
        while (i < text.length && text[i] !== sep && text[i] !== '\n' && !text.startsWith('\r\n', i)) {
          if (text[i] === '"') throw new ConfigError('CSV_SYNTAX', file, line, col(i), 'a quote only around a whole field', 'a quote inside an unquoted field');
          value += text[i];
          i++;
        }
        value = value.trim();
      }
      row.push({ text: value, line: cellLine, col: cellCol });
      if (text[i] === sep) {
        i++;
        continue;
      }
      break;
    }
    rows.push(row);
    if (text.startsWith('\r\n', i)) i += 2;
    else if (text[i] === '\n') i++;
    line++;
    lineStart = i;
  }
  return rows;
}
