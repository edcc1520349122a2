/**
 * A batch meter's cases in one file, `<id>/cases.json`: every judged result with its steps and
 * frame trace (the `frame trace (JSON)` form: hex bytes and decoded layers), the report
 * parameters and the suite it came from. A meter of a batch writes this one file instead of an
 * Allure result and attachments per case (a hundred files a meter, most of its CPU); its Allure
 * results are made from it when someone asks (`dlmsct report` or `dlmsct export` on the meter's
 * allure-results folder: allure-replay.ts), the same results a single run writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromHex } from '../../dlms/bytes/hex';
import type { TraceRecord } from '../../dlms/trace';
import { ConfigError } from '../../config/error';
import type { CaseDetail, ReportParameter } from '../../reports/allure-case';
import { type TraceRecordJson, traceToJson } from '../../reports/trace-json';
import { parseJsonLocated } from '../acceptance/snapshot';
import type { JudgedResult } from '../engine/deviations';

export const METER_CASES_FILE = 'cases.json';
export const METER_CASES_FORMAT = 'dlmsct-meter-cases/1';

export interface MeterCase {
  /** The suite's title and file: the Allure group and the spec link. */
  readonly suiteTitle: string;
  readonly suiteFile: string;
  /** mocha's backstop when the case is replayed (never reached: nothing waits then). */
  readonly timeoutMs: number;
  readonly parameters: readonly ReportParameter[];
  readonly result: Omit<JudgedResult, 'trace'> & { readonly trace: readonly TraceRecordJson[] };
}

export interface MeterCases {
  readonly format: typeof METER_CASES_FORMAT;
  /** The device's name and how it was reached, as its summary says them. */
  readonly device: string;
  readonly target: string;
  readonly detail: CaseDetail;
  readonly cases: readonly MeterCase[];
}

export interface MeterCaseInput {
  readonly suiteTitle: string;
  readonly suiteFile: string;
  readonly timeoutMs: number;
  readonly parameters: readonly ReportParameter[];
  readonly result: JudgedResult;
}

/** One write, no fsync: read back on the same machine (DESIGN.md: results are read after the run). */
export function writeMeterCases(dir: string, meta: Omit<MeterCases, 'format' | 'cases'>, cases: readonly MeterCaseInput[]): void {
  const file: MeterCases = {
    format: METER_CASES_FORMAT,
    ...meta,
    cases: cases.map((c) => ({ ...c, result: { ...c.result, trace: traceToJson(c.result.trace) } })),
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, METER_CASES_FILE), JSON.stringify(file));
}

/** The file back, checked enough to replay: a located error otherwise. */
export function readMeterCases(file: string): MeterCases {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError('FILE_UNREADABLE', file, 1, 1, `a readable ${METER_CASES_FILE} (written by a batch)`, e instanceof Error ? e.message : String(e));
  }
  const value = parseJsonLocated(text, file, 'METER_CASES_JSON');
  const v = value as Partial<MeterCases> | null;
  if (!v || typeof v !== 'object' || v.format !== METER_CASES_FORMAT) {
    const got = v && typeof v === 'object' ? `format ${JSON.stringify(v.format)}` : typeof value;
    throw new ConfigError('METER_CASES_FORMAT', file, 1, 1, `"format": "${METER_CASES_FORMAT}"`, got);
  }
  if (!Array.isArray(v.cases)) throw new ConfigError('METER_CASES_FORMAT', file, 1, 1, 'a "cases" array', typeof v.cases);
  v.cases.forEach((c: Partial<MeterCase> | null, i) => {
    const ok = c && typeof c.suiteFile === 'string' && typeof c.suiteTitle === 'string' && c.result && Array.isArray(c.result.trace);
    if (!ok)
      throw new ConfigError('METER_CASES_FORMAT', file, 1, 1, `case ${i + 1} with suiteFile, suiteTitle and result.trace`, JSON.stringify(c).slice(0, 80));
  });
  return v as MeterCases;
}

/** A recorded result as the engine made it: the trace's bytes back from hex. */
export function judgedResultOf(c: MeterCase): JudgedResult {
  return { ...c.result, trace: c.result.trace.map(traceRecordOf) };
}

function traceRecordOf(r: TraceRecordJson): TraceRecord {
  return {
    at: r.at,
    dir: r.dir,
    ...(r.hex === undefined ? {} : { bytes: fromHex(r.hex) }),
    layers: r.layers,
    ...(r.note === undefined ? {} : { note: r.note }),
  };
}
