/**
 * `dlmsct export`: every case's trace from a results folder as one file per case, named by the
 * case id, for people who open traces in other tools: `ASSOC-OPEN[public].pcapng` for Wireshark
 * with tools/wireshark/dlms.lua (docs/wireshark.md), or the timeline as `.svg`. Read from each
 * case's `frame trace (JSON)` attachment, so results written before pcapng attachments existed
 * export too; the case's Allure start time gives the capture its wall-clock timestamps.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromHex } from '../../dlms/bytes/hex';
import type { TraceRecord } from '../../dlms/trace';
import { traceToPcapng } from '../../reports/pcapng';
import { renderTimelineSvg } from '../../reports/timeline-svg';
import type { TraceRecordJson } from '../../reports/trace-json';
import { ensureMeterAllure } from '../batch/allure-replay';
import { EXIT, type Io, UsageError, parse } from './io';

const FORMATS = ['pcapng', 'svg'] as const;
type Format = (typeof FORMATS)[number];
const TRACE_JSON_ATTACHMENT = 'frame trace (JSON)';

interface AllureAttachment {
  readonly name: string;
  readonly source: string;
}

/** A result and its steps: allure-js 3 files each runtime attachment as a step holding it. */
interface AllureNode {
  readonly attachments?: readonly AllureAttachment[];
  readonly steps?: readonly AllureNode[];
}

interface AllureResult extends AllureNode {
  readonly name?: string;
  readonly start?: number;
}

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(
    args,
    {
      results: { type: 'string', default: 'allure-results', value: 'DIR', help: 'the Allure results `dlmsct run` wrote' },
      format: { type: 'string', default: 'pcapng', value: 'pcapng|svg', help: 'pcapng for Wireshark (tools/wireshark/dlms.lua), or an SVG timeline' },
      out: { type: 'string', default: 'traces', value: 'DIR', help: 'one file per case, named by case id' },
    },
    { summary: "Each case's frame trace as a file (docs/wireshark.md)." },
  );
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  // A batch meter's Allure results are made from its cases.json on first use (harness/batch/allure-replay.ts).
  await ensureMeterAllure(values.results);
  if (!fs.existsSync(values.results)) {
    io.err(`dlmsct export: no results in ${values.results}; run \`dlmsct run\` first\n`);
    return EXIT.config;
  }
  fs.mkdirSync(values.out, { recursive: true });
  const taken = new Set<string>();
  let written = 0;
  for (const file of fs
    .readdirSync(values.results)
    .filter((f) => f.endsWith('-result.json'))
    .sort()) {
    const result = JSON.parse(fs.readFileSync(path.join(values.results, file), 'utf8')) as AllureResult;
    const source = findAttachment(result, TRACE_JSON_ATTACHMENT)?.source;
    if (source === undefined) continue;
    const trace = traceFromJson(JSON.parse(fs.readFileSync(path.join(values.results, source), 'utf8')) as TraceRecordJson[]);
    const title = result.name ?? file;
    const id = title.split(' ')[0] ?? file;
    const content =
      format === 'pcapng' ? traceToPcapng(trace, { startedAtMs: result.start ?? Date.now(), comment: title }) : renderTimelineSvg(trace, { title });
    fs.writeFileSync(path.join(values.out, uniqueName(id, format, taken)), content);
    written++;
  }
  io.out(`${written} trace(s) written to ${path.resolve(values.out)}\n`);
  return EXIT.ok;
}

function findAttachment(node: AllureNode, name: string): AllureAttachment | undefined {
  const here = node.attachments?.find((a) => a.name === name);
  if (here) return here;
  for (const s of node.steps ?? []) {
    const found = findAttachment(s, name);
    if (found) return found;
  }
  return undefined;
}

/** The JSON attachment back into trace records: hex back into bytes, everything else as written. */
export function traceFromJson(records: readonly TraceRecordJson[]): TraceRecord[] {
  return records.map((r) => ({
    at: r.at,
    dir: r.dir,
    ...(r.hex === undefined ? {} : { bytes: fromHex(r.hex) }),
    layers: r.layers,
    ...(r.note === undefined ? {} : { note: r.note }),
  }));
}

/** A file name from a case id (`ASSOC-OPEN[public]`), safe on every file system, never reused. */
function uniqueName(id: string, ext: string, taken: Set<string>): string {
  const base = id.replace(/[^\w.[\]-]+/g, '_') || 'case';
  let name = `${base}.${ext}`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.${ext}`;
  taken.add(name);
  return name;
}
