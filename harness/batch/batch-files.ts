/**
 * The batch's files beside batch-summary.json: batch-summary.csv (one row per meter, for a
 * spreadsheet) and batch-report.html (meters × verdicts; each meter's id opens its own report,
 * `<id>/report.html`, written here from its summary.json: its cases, verdicts and reasons, with
 * links to its junit.xml, summary.json and cases.json, and the command that makes its Allure report). Static HTML, no script, no network request.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPORTED_STATUSES, type ReportedStatus, type Summary } from '../../reports/summary';
import { type BatchSummary, verdictsLine } from './batch-summary';

export const BATCH_CSV = 'batch-summary.csv';
export const BATCH_HTML = 'batch-report.html';
export const DEVICE_HTML = 'report.html';

export function totalsOf(t: Readonly<Record<ReportedStatus, number>>): string {
  return REPORTED_STATUSES.filter((s) => t[s] > 0)
    .map((s) => `${t[s]} ${s}`)
    .join(', ');
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function batchCsv(s: BatchSummary): string {
  const head = ['id', 'serial', 'label', 'target', 'verdict', ...REPORTED_STATUSES, 'reason', 'results'];
  const rows = s.devices.map((d) => [
    d.id,
    d.serial,
    d.label,
    d.target,
    d.verdict,
    ...REPORTED_STATUSES.map((st) => (d.totals ? d.totals[st] : null)),
    d.reason,
    d.results,
  ]);
  return `${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
.accepted,.passed{background:#dfd}.rejected,.failed,.broken,.unexpected-pass{background:#fdd}.unreachable,.inconclusive{background:#ffd}.inapplicable,.expected-failure{background:#eee}`;

function page(title: string, body: string): string {
  // A strict CSP: the report loads nothing and runs nothing.
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>\n`;
}

export function batchHtml(s: BatchSummary): string {
  const rows = s.devices
    .map((d) => {
      const link = d.results === null ? esc(d.id) : `<a href="${esc(`${d.results}/${DEVICE_HTML}`)}">${esc(d.id)}</a>`;
      const cells = REPORTED_STATUSES.map((st) => `<td>${d.totals ? d.totals[st] : '-'}</td>`).join('');
      return `<tr><td>${link}</td><td>${esc([d.serial, d.label].filter((x) => x !== null).join(' '))}</td><td>${esc(d.target)}</td><td class="${d.verdict}">${d.verdict}</td>${cells}<td>${esc(d.reason ?? '')}</td></tr>`;
    })
    .join('\n');
  const head = `<tr><th>meter</th><th>serial/label</th><th>target</th><th>verdict</th>${REPORTED_STATUSES.map((st) => `<th>${st}</th>`).join('')}<th>reason</th></tr>`;
  return page(
    'dlmsct batch report',
    `<h1>Batch: ${esc(verdictsLine(s))}</h1><p>profile ${esc(s.profile)}, devices ${esc(s.devicesFile)}, mode ${esc(s.mode)}${s.deviations ? `, deviations ${esc(s.deviations)}` : ''}</p><p><a href="${BATCH_CSV}">${BATCH_CSV}</a></p><table>${head}\n${rows}</table>`,
  );
}

export function deviceHtml(id: string, summary: Summary): string {
  const rows = summary.cases
    .map((c) => `<tr><td>${esc(c.id)}</td><td>${esc(c.title)}</td><td class="${c.status}">${c.status}</td><td>${esc(c.reason ?? '')}</td></tr>`)
    .join('\n');
  return page(
    `dlmsct: ${id}`,
    `<p><a href="../${BATCH_HTML}">batch</a></p><h1>${esc(id)}</h1><p>${esc(totalsOf(summary.totals))}</p><p><a href="junit.xml">junit.xml</a> · <a href="summary.json">summary.json</a> · <a href="cases.json">cases.json</a> (every case with its steps and frame trace) · the Allure report: <code>dlmsct report --results …/${esc(id)}/allure-results</code> (made from cases.json on first use)</p><table><tr><th>case</th><th>title</th><th>verdict</th><th>reason</th></tr>\n${rows}</table>`,
  );
}

/** batch-summary.csv, batch-report.html and each meter's report.html, beside `summaryFile`. */
export function writeBatchFiles(root: string, s: BatchSummary): void {
  fs.writeFileSync(path.join(root, BATCH_CSV), batchCsv(s));
  fs.writeFileSync(path.join(root, BATCH_HTML), batchHtml(s));
  for (const d of s.devices) {
    if (d.results === null) continue;
    const dir = path.join(root, d.results);
    const summaryFile = path.join(dir, 'summary.json');
    if (!fs.existsSync(summaryFile)) continue;
    fs.writeFileSync(path.join(dir, DEVICE_HTML), deviceHtml(d.id, JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary));
  }
}
