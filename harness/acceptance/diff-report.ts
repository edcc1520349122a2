/** A diff for people (a table, one difference a row) and for programs (JSON). */
import type { DiffResult, Difference } from './diff';

const MAX_CELL = 60;

function cut(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

export function diffTable(d: DiffResult, names: { readonly golden: string; readonly actual: string }): string {
  const lines: string[] = [];
  if (d.same) lines.push(`same: ${names.actual} matches the golden sample ${names.golden}`);
  else {
    const head = ['association', 'object', 'member', 'difference', 'golden', 'meter'];
    const rows = d.differences.map((x) => [x.association, x.object ?? '-', x.member ?? '-', x.kind, cut(x.golden), cut(x.actual)]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (cells: readonly string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd();
    lines.push(line(head), ...rows.map(line), '', `${d.differences.length} difference(s) between the golden sample ${names.golden} and ${names.actual}`);
  }
  if (d.ignored.length) lines.push(`${d.ignored.length} attribute value(s) not compared by the rules (dynamic or identity; --json lists each with its clause)`);
  return `${lines.join('\n')}\n`;
}

/** One difference in a sentence: the golden-sample case's failure message is a list of these. */
export function differenceText(x: Difference): string {
  const where = [x.object, x.member].filter((s) => s !== undefined).join(' ');
  return `[${x.association}] ${x.kind}${where ? ` ${where}` : ''}: golden ${x.golden}, meter ${x.actual}`;
}

export function diffJson(d: DiffResult, names: { readonly golden: string; readonly actual: string }): string {
  return `${JSON.stringify({ golden: names.golden, snapshot: names.actual, ...d }, null, 2)}\n`;
}
