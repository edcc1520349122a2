/**
 * A case's trace as a compact SVG sequence diagram, for people who would rather look than read:
 * the harness and the device under test as two lifelines, one arrow per frame (tx left to right,
 * rx right to left) labelled with its one-line decode, events as notes between the lifelines,
 * the time since the case start on the left. Rows are evenly spaced, not to scale, so a gap in
 * the traffic is drawn as its own band (`1,500 ms without traffic`) and a timeout event in red:
 * silence is what a conformance reader most often looks for.
 *
 * Self-contained: inline styles, no script, no external font, so it renders as an Allure
 * attachment and from disk alike. Every text is XML-escaped; long labels are cut and keep their
 * full text in a <title> tooltip.
 */
import type { DecodedLayer, TraceRecord } from '../dlms/trace';

export const TIMELINE_CONTENT_TYPE = 'image/svg+xml';

export interface TimelineOptions {
  /** Shown above the diagram: the case id and title, say. */
  readonly title?: string;
  /** A gap between records longer than this is drawn as a silence band (default 200 ms). */
  readonly silenceMs?: number;
  /** Records drawn at most; the rest are counted in a closing line (default 2000). */
  readonly maxRecords?: number;
}

const WIDTH = 980;
const ROW = 22;
const TIME_X = 78; // right edge of the time column
const CLIENT_X = 150;
const DUT_X = 900;
const HEAD = 34; // lifeline header height
const LABEL_CHARS = 118; // what fits between the lifelines at 11 px monospace
const NOTE_CHARS = 110;
const DEFAULT_SILENCE_MS = 200;
const DEFAULT_MAX_RECORDS = 2000;
/** Event notes that mean the DUT stayed silent (`no answer within 2000 ms`, `no frame within 1100 ms`). */
const TIMEOUT_NOTE = /\bno (answer|frame|response|reply)\b|\btimed? ?out\b|given up/i;
/** The engine's step markers (`step 2: expect.silence`): headings, not happenings. */
const STEP_NOTE = /^step \d+:/;

/** One arrowhead marker per colour: SVG 1.1 markers cannot take the colour of their line. */
const ARROW_COLOURS = { tx: '#1f5fa8', rx: '#2a7a2a', bad: '#c62828' } as const;

const STYLE = `
  text { font-family: ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: 11px; fill: #222; }
  .time { fill: #666; text-anchor: end; }
  .head { font-weight: bold; text-anchor: middle; }
  .title { font-size: 12px; font-weight: bold; }
  .lifeline { stroke: #999; stroke-dasharray: 4 3; }
  .arrow line { stroke-width: 1.4; }
  .tx line { stroke: ${ARROW_COLOURS.tx}; }
  .rx line { stroke: ${ARROW_COLOURS.rx}; }
  .bad line { stroke: ${ARROW_COLOURS.bad}; }
  .discarded line { stroke-dasharray: 5 3; }
  .bad text { fill: #c62828; }
  .note rect { fill: #f4f1e0; stroke: #c9c19a; }
  .note text { font-style: italic; fill: #555; }
  .note text.time { font-style: normal; fill: #666; }
  .timeout rect { fill: #fdecea; stroke: #c62828; }
  .timeout text { fill: #c62828; font-style: normal; font-weight: bold; }
  .step rect { fill: #e8eef7; stroke: none; }
  .step text { fill: #1f3a5f; font-style: normal; font-weight: bold; }
  .silence rect { fill: url(#hatch); stroke: none; }
  .silence text { fill: #8a5a00; text-anchor: middle; }
`.trim();

export function renderTimelineSvg(trace: readonly TraceRecord[], options: TimelineOptions = {}): string {
  const silenceMs = options.silenceMs ?? DEFAULT_SILENCE_MS;
  const shown = trace.slice(0, options.maxRecords ?? DEFAULT_MAX_RECORDS);
  const titleHeight = options.title === undefined ? 0 : 20;
  const rows: string[] = [];
  let y = titleHeight + HEAD + 14;
  let previous: number | undefined;
  for (const r of shown) {
    if (previous !== undefined && r.at - previous > silenceMs) {
      rows.push(silenceRow(y, r.at - previous));
      y += ROW;
    }
    previous = r.at;
    rows.push(r.dir === 'event' || r.bytes === undefined ? noteRow(y, r) : arrowRow(y, r));
    y += ROW;
  }
  if (trace.length > shown.length) {
    rows.push(`<text x="${CLIENT_X}" y="${y}">… ${trace.length - shown.length} more record(s): see the text trace</text>`);
    y += ROW;
  }
  if (trace.length === 0) {
    rows.push(`<text x="${CLIENT_X}" y="${y}">(no traffic)</text>`);
    y += ROW;
  }
  const height = y + 4;
  const top = titleHeight + HEAD;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<style>${STYLE}</style>`,
    `<defs>`,
    ...Object.entries(ARROW_COLOURS).map(
      ([k, colour]) =>
        `<marker id="head-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`,
    ),
    `<pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fff8e1"/><line x1="0" y1="0" x2="0" y2="8" stroke="#f0c36d" stroke-width="3"/></pattern>`,
    `</defs>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    ...(options.title === undefined ? [] : [`<text class="title" x="8" y="15">${escapeXml(cut(options.title, 150))}</text>`]),
    `<text class="time" x="${TIME_X}" y="${top - 12}">ms</text>`,
    header(CLIENT_X, titleHeight, 'harness (client)'),
    header(DUT_X, titleHeight, 'DUT (server)'),
    `<line class="lifeline" x1="${CLIENT_X}" y1="${top}" x2="${CLIENT_X}" y2="${height}"/>`,
    `<line class="lifeline" x1="${DUT_X}" y1="${top}" x2="${DUT_X}" y2="${height}"/>`,
    ...rows,
    `</svg>`,
    '',
  ].join('\n');
}

function header(x: number, top: number, label: string): string {
  return `<rect x="${x - 70}" y="${top + 4}" width="140" height="20" rx="3" fill="#eef2f7" stroke="#8da2bf"/><text class="head" x="${x}" y="${top + 18}">${escapeXml(label)}</text>`;
}

function time(y: number, at: number): string {
  return `<text class="time" x="${TIME_X}" y="${y + 4}">${at.toFixed(3)}</text>`;
}

function arrowRow(y: number, r: TraceRecord): string {
  const label = frameLabel(r);
  const error = r.layers.find((l) => l.error !== undefined)?.error;
  const discarded = r.note?.includes('discarded') ?? false;
  const bad = error !== undefined || discarded;
  const classes = ['arrow', r.dir, ...(bad ? ['bad'] : []), ...(discarded ? ['discarded'] : [])].join(' ');
  const [x1, x2] = r.dir === 'tx' ? [CLIENT_X, DUT_X] : [DUT_X, CLIENT_X];
  const full = `${r.at.toFixed(3)} ms ${r.dir} ${r.bytes?.length ?? 0} B: ${label}`;
  return [
    `<g class="${classes}">`,
    `<title>${escapeXml(full)}</title>`,
    time(y, r.at),
    `<line x1="${x1}" y1="${y + 4}" x2="${x2}" y2="${y + 4}" marker-end="url(#head-${bad ? 'bad' : r.dir})"/>`,
    `<text x="${CLIENT_X + 8}" y="${y}">${escapeXml(cut(label, LABEL_CHARS))}</text>`,
    `</g>`,
  ].join('');
}

function noteRow(y: number, r: TraceRecord): string {
  const text = r.note ?? r.layers.map((l) => l.summary).join(' | ');
  const step = STEP_NOTE.test(text);
  const timeout = !step && TIMEOUT_NOTE.test(text);
  const width = DUT_X - CLIENT_X - 40;
  return [
    `<g class="note${timeout ? ' timeout' : ''}${step ? ' step' : ''}">`,
    `<title>${escapeXml(`${r.at.toFixed(3)} ms: ${text}`)}</title>`,
    time(y, r.at),
    `<rect x="${CLIENT_X + 20}" y="${y - 8}" width="${width}" height="${ROW - 6}" rx="3"/>`,
    `<text x="${CLIENT_X + 28}" y="${y + 4}">${escapeXml(cut(`${timeout ? '!! ' : ''}${text}`, NOTE_CHARS))}</text>`,
    `</g>`,
  ].join('');
}

function silenceRow(y: number, gapMs: number): string {
  const label = `${Math.round(gapMs).toLocaleString('en-US')} ms without traffic`;
  return [
    `<g class="silence">`,
    `<rect x="${CLIENT_X}" y="${y - 8}" width="${DUT_X - CLIENT_X}" height="${ROW - 6}"/>`,
    `<text x="${(CLIENT_X + DUT_X) / 2}" y="${y + 4}">${escapeXml(label)}</text>`,
    `</g>`,
  ].join('');
}

/**
 * What an arrow says: for HDLC the frame (`I N(S)=0 N(R)=0 P/F=1 34 B`) and the APDU it carries;
 * for the wrapper only the APDU (its header says nothing the arrow does not); any decode error
 * and the record's note.
 */
export function frameLabel(r: TraceRecord): string {
  const layers: readonly DecodedLayer[] = r.layers;
  const parts: string[] = [];
  const first = layers[0];
  const last = layers[layers.length - 1];
  if (first === undefined) parts.push(`${r.bytes?.length ?? 0} B undecoded`);
  else if (first.layer === 'hdlc' && last !== first && last !== undefined) parts.push(first.summary, last.summary);
  else if (last !== undefined) parts.push(last.summary);
  const error = layers.find((l) => l.error !== undefined)?.error;
  if (error) parts.push(`!! ${error.code} at byte ${error.offset}`);
  if (r.note) parts.push(`(${r.note})`);
  return parts.join(' | ');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** XML 1.0 escaping for text and attribute values; characters XML forbids become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
