/**
 * The rows a selective read returned, for people to look at (DESIGN.md, Traces and reports): a
 * CSV table, one line per row and one column per capture object, and an SVG chart of the numeric
 * columns over the rows (each scaled to its own range). Plain text, made here, no network.
 */
import type { Data } from '../../dlms/axdr/data';
import { dateTimeFromOctetString, dateTimeToDate } from '../../dlms/axdr/datetime';
import { formatData } from '../../dlms/axdr/format';
import type { CaseAttachment } from '../engine/result';

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = 30;
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

/** A value as a spreadsheet shows it: numbers and strings bare, a date-time as ISO text. */
function plain(d: Data): string {
  if (d.type === 'octet-string' && d.value.length === 12) {
    const at = dateTimeToDate(dateTimeFromOctetString(d.value));
    if (at) return at.toISOString();
  }
  if ('value' in d && (typeof d.value === 'number' || typeof d.value === 'bigint' || typeof d.value === 'string' || typeof d.value === 'boolean'))
    return String(d.value);
  return formatData(d, { maxItems: 4 });
}

function cell(d: Data): string {
  const text = plain(d);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function itemsOf(row: Data): readonly Data[] {
  return row.type === 'structure' ? row.items : [row];
}

export function rowsCsv(header: readonly string[], rows: readonly Data[]): string {
  return [['row', ...header].join(','), ...rows.map((r, i) => [String(i + 1), ...itemsOf(r).map(cell)].join(','))].join('\n') + '\n';
}

function numeric(d: Data | undefined): number | undefined {
  if (!d || !('value' in d)) return undefined;
  if (typeof d.value === 'number') return d.value;
  return typeof d.value === 'bigint' ? Number(d.value) : undefined;
}

export function rowsSvg(title: string, header: readonly string[], rows: readonly Data[]): string {
  const width = Math.max(0, ...rows.map((r) => itemsOf(r).length));
  const lines: string[] = [];
  const legend: string[] = [];
  for (let c = 0; c < width; c++) {
    const values = rows.map((r) => numeric(itemsOf(r)[c]));
    const known = values.filter((v): v is number => v !== undefined);
    if (known.length === 0) continue;
    const min = Math.min(...known);
    const span = Math.max(...known) - min || 1;
    const colour = COLOURS[lines.length % COLOURS.length]!;
    const x = (i: number) => MARGIN + (rows.length > 1 ? (i * (WIDTH - 2 * MARGIN)) / (rows.length - 1) : (WIDTH - 2 * MARGIN) / 2);
    const points = values.flatMap((v, i) =>
      v === undefined ? [] : [`${x(i).toFixed(1)},${(HEIGHT - MARGIN - ((v - min) * (HEIGHT - 2 * MARGIN)) / span).toFixed(1)}`],
    );
    lines.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${points.join(' ')}"/>`);
    legend.push(
      `<text x="${MARGIN + 160 * (legend.length % 4)}" y="${HEIGHT - 8 - 12 * Math.floor(legend.length / 4)}" fill="${colour}" font-size="10">${escape(header[c] ?? `column ${c + 1}`)} (${min}..${min + span})</text>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">`,
    `<text x="${MARGIN}" y="16" font-size="12">${escape(title)}: ${rows.length} row(s)</text>`,
    `<rect x="${MARGIN}" y="${MARGIN}" width="${WIDTH - 2 * MARGIN}" height="${HEIGHT - 2 * MARGIN}" fill="none" stroke="#999"/>`,
    ...lines,
    ...(lines.length ? legend : [`<text x="${MARGIN + 10}" y="${HEIGHT / 2}" font-size="11">no numeric column to draw</text>`]),
    '</svg>',
    '',
  ].join('\n');
}

function escape(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The table and the chart of one selective read, as two attachments. */
export function rowAttachments(title: string, header: readonly string[], rows: readonly Data[]): CaseAttachment[] {
  return [
    { name: `${title} (rows read, table)`, content: rowsCsv(header, rows), contentType: 'text/csv', fileExtension: 'csv' },
    { name: `${title} (rows read, chart)`, content: rowsSvg(title, header, rows), contentType: 'image/svg+xml', fileExtension: 'svg' },
  ];
}
