/**
 * The per-case trace exports for people with other tools than a text viewer: `trace.pcapng` for
 * Wireshark (with tools/wireshark/dlms.lua, docs/wireshark.md) and a timeline SVG. Kept apart from
 * the Allure calls so they can be tested without a live Allure runtime and reused by the CLI.
 */
import type { TraceRecord } from '../dlms/trace';
import { PCAPNG_CONTENT_TYPE, PCAPNG_FILE_EXTENSION, traceToPcapng } from './pcapng';
import { TIMELINE_CONTENT_TYPE, renderTimelineSvg } from './timeline-svg';

export interface TraceExportInput {
  readonly id: string;
  readonly title: string;
  readonly trace: readonly TraceRecord[];
  /** Wall-clock start of the case (ms since the epoch), when the engine recorded it. */
  readonly startedAtMs?: number;
  /** How long the case ran: without `startedAtMs`, the start is taken as `now - durationMs`. */
  readonly durationMs?: number;
}

export interface TraceExport {
  readonly name: string;
  readonly content: Uint8Array | string;
  readonly contentType: string;
  readonly fileExtension: string;
}

/**
 * The case's wall-clock start: as recorded, else estimated back from `now` (reports are written
 * as the case ends) by the duration or, lacking that, by the last record's time.
 */
export function caseStartMs(r: TraceExportInput, now: number): number {
  if (r.startedAtMs !== undefined) return r.startedAtMs;
  return now - (r.durationMs ?? r.trace[r.trace.length - 1]?.at ?? 0);
}

/** Nothing for a case that exchanged no frame (an inapplicable case, say): an empty capture helps no one. */
export function traceExports(r: TraceExportInput, now: number = Date.now()): TraceExport[] {
  if (!r.trace.some((t) => t.dir !== 'event' && t.bytes !== undefined)) return [];
  const label = `${r.id}: ${r.title}`;
  return [
    { name: 'timeline (SVG)', content: renderTimelineSvg(r.trace, { title: label }), contentType: TIMELINE_CONTENT_TYPE, fileExtension: 'svg' },
    {
      name: 'trace.pcapng',
      content: traceToPcapng(r.trace, { startedAtMs: caseStartMs(r, now), comment: label }),
      contentType: PCAPNG_CONTENT_TYPE,
      fileExtension: PCAPNG_FILE_EXTENSION,
    },
  ];
}
