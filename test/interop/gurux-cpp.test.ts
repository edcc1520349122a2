/**
 * Interop with an independent meter (issue 8, item 10): the Gurux C++ example server, a code base
 * dlmsct did not write, runs every suite over LN/HDLC and LN/wrapper, and each verdict must equal
 * the reviewed one in test/interop/gurux-cpp.yaml. A changed verdict fails until the table is
 * reviewed (docs/interop/gurux-cpp.md). Skipped, with the reason, where ../shared/meters/ is absent.
 *
 * DLMSCT_INTEROP_DRAFT=FILE writes a draft table from the run (changed entries marked `review:`);
 * DLMSCT_INTEROP_FRAMES=FILE writes every non-passing case's steps and frames (hex) as JSON;
 * DLMSCT_INTEROP_CASE=ID runs one case id (glob) only; DLMSCT_INTEROP_FULL=1 also runs the cases that
 * wait out a long timer (CI runs quick: those are inapplicable, with the reason); DLMSCT_INTEROP_TRACE=1 keeps the meter's
 * folder with its frame log (`-t Verbose`).
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkUniqueIds, findSuiteFiles, loadSuites } from '../../harness/suite/load';
import { findMeter } from './gurux-meter';
import { type Framing, type InteropResult, type InteropRun, runAgainstMeter } from './gurux-run';
import { diffTable, draftTable, findingIds, FRAMINGS, formatChanges, loadTable, type Observed, tableProblems } from './gurux-table';

const ROOT = path.resolve(__dirname, '../..');
const TABLE = path.join(ROOT, 'test/interop/gurux-cpp.yaml');
const FINDINGS = path.join(ROOT, 'docs/interop/gurux-cpp-findings.md');
/** What each framing's test says it runs over. */
const FRAMING_TITLE: Record<Framing, string> = { hdlc: 'LN/HDLC', wrapper: 'LN/wrapper', 'sn-hdlc': 'SN/HDLC' };

/** The three framings together stay well inside CI's budget (docs/interop/gurux-cpp.md, measured 44–70 s). */
const RUN_BOUND_MS = 150_000;

/** Remark texts of a result (the engine's passed-with-remarks verdict). */
function remarksOf(result: InteropResult['result']): string[] {
  const remarks = (result as { readonly remarks?: readonly { readonly text: string }[] }).remarks ?? [];
  return remarks.map((r) => r.text);
}

function observedOf(run: InteropRun): Observed[] {
  return run.results.map(({ result, crashed }) => {
    const remarks = remarksOf(result);
    return {
      id: result.id,
      verdict: result.status,
      ...(result.reason === undefined ? {} : { reason: result.reason }),
      ...(remarks.length ? { remarks } : {}),
      crashed,
    };
  });
}

/** A case's steps and frames as a reviewer reads them: hex bytes, notes, the step that decided. */
function framesOf({ framing, result, crashed }: InteropResult): unknown {
  return {
    framing,
    id: result.id,
    verdict: result.status,
    reason: result.reason,
    remarks: remarksOf(result),
    crashed,
    steps: result.steps.map((s) => ({ name: s.name, status: s.status, message: s.message, notes: s.notes })),
    trace: result.trace.map((t) => ({
      at: t.at,
      dir: t.dir,
      ...(t.bytes ? { hex: Buffer.from(t.bytes).toString('hex') } : {}),
      ...(t.note ? { note: t.note } : {}),
    })),
  };
}

describe('interop: the Gurux C++ example server (an independent meter)', function () {
  it('keeps a reviewed table: every failure names the meter defect, clause and evidence; every inapplicable its reason', () => {
    const findings = fs.existsSync(FINDINGS) ? findingIds(fs.readFileSync(FINDINGS, 'utf8')) : new Set<string>();
    expect(tableProblems(loadTable(TABLE), findings)).to.deep.equal([]);
  });

  const meter = findMeter(ROOT);
  const caseId = process.env.DLMSCT_INTEROP_CASE;
  const observed: Record<Framing, Observed[]> = { hdlc: [], wrapper: [], 'sn-hdlc': [] };
  const frames: unknown[] = [];

  describe('run against the meter', function () {
    this.timeout(RUN_BOUND_MS);
    before(async function () {
      if ('absent' in meter) {
        console.log(`      skipped: ${meter.absent}`);
        this.skip();
      }
    });

    after(() => {
      const draft = process.env.DLMSCT_INTEROP_DRAFT;
      if (draft && caseId === undefined && Object.values(observed).some((o) => o.length > 0)) {
        fs.writeFileSync(draft, draftTable(loadTable(TABLE), observed));
        console.log(`      draft table written to ${draft}`);
      }
      const dump = process.env.DLMSCT_INTEROP_FRAMES;
      if (dump && frames.length > 0) fs.writeFileSync(dump, `${JSON.stringify(frames, null, 1)}\n`);
    });

    for (const framing of FRAMINGS) {
      it(`gives over ${FRAMING_TITLE[framing]} exactly the verdicts of test/interop/gurux-cpp.yaml`, async () => {
        if (!('dir' in meter)) return;
        const suites = checkUniqueIds(loadSuites(findSuiteFiles(path.join(ROOT, 'suites'))));
        const run = await runAgainstMeter({
          repoRoot: ROOT,
          meterDir: meter.dir,
          framing,
          suites,
          ...(caseId === undefined ? {} : { caseId }),
          quick: !process.env.DLMSCT_INTEROP_FULL,
          ...(process.env.DLMSCT_INTEROP_TRACE ? { trace: 'Verbose' as const } : {}),
        });
        observed[framing] = observedOf(run);
        if (process.env.DLMSCT_INTEROP_FRAMES)
          frames.push(...run.results.filter((r) => r.result.status !== 'passed' && r.result.status !== 'inapplicable').map(framesOf));
        const counts = new Map<string, number>();
        for (const o of observed[framing]) counts.set(o.verdict, (counts.get(o.verdict) ?? 0) + 1);
        const crashed = observed[framing].filter((o) => o.crashed).map((o) => o.id);
        console.log(
          `      ${framing}: ${observed[framing].length} cases in ${(run.durationMs / 1000).toFixed(1)} s: ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ')}` +
            (crashed.length ? `; the meter died in ${crashed.join(', ')} (restarted ${run.restarts}×)` : ''),
        );
        let changes = diffTable(loadTable(TABLE), framing, observed[framing]);
        if (caseId !== undefined) changes = changes.filter((c) => c.kind !== 'gone');
        if (changes.length > 0) {
          expect.fail(
            `${changes.length} verdict(s) differ from the reviewed table test/interop/gurux-cpp.yaml (how to review: docs/interop/gurux-cpp.md)\n${formatChanges(changes)}`,
          );
        }
      });
    }
  });
});
