/**
 * Runs one planned case, independent of mocha: a fresh client (a clean link) per case, the steps
 * in order, each bounded in time by the profile's time-outs, and every client disconnected at the
 * end whatever happened. The first step that does not hold decides the verdict (verdict.ts);
 * what the DUT said is in the trace either way.
 */
import { ClientError, type DlmsClient } from '../../client/api';
import { recordAt, type TraceRecord } from '../../dlms/trace';
import { ConfigError } from '../../config/error';
import type { Profile } from '../profile/types';
import '../steps';
import type { StepContext } from '../steps/context';
import { getStep } from '../steps/registry';
import { describeOutcome } from '../steps/outcome';
import { TEARDOWN_CLAUSE } from '../steps/teardown';
import { type CapabilityCache, chooseAssociation, judgeEach } from './capabilities';
import type { PlannedCase } from './plan';
import type { CaseAttachment, CaseResult, StepRecord } from './result';
import { ExpectationFailure, HarnessFault, Inapplicable, Inconclusive, type Remark, type Verdict } from './verdict';

export interface CaseEnv {
  readonly profile: Profile;
  /** A new client on a new link to the DUT; called once per case, and again by liveness checks. */
  readonly newClient: () => DlmsClient;
  /** What each association granted, discovered once per run (capabilities.ts); absent: discovered per case. */
  readonly capabilities?: CapabilityCache;
  /** Monotonic milliseconds; tests pass a fake. */
  readonly clock?: () => number;
}

/** Steps that judge the outcome of the request before them (ctx.last), rather than make one. */
const JUDGES_LAST: ReadonlySet<string> = new Set(['expect', 'expect.blocks', 'expect.equals', 'expect.type']);

/** The longest one step may take: a connection plus a handful of bounded exchanges. */
export function stepBudgetMs(profile: Profile): number {
  const t = profile.timeouts;
  return t.connectMs + 6 * t.responseMs + 1000;
}

/** What a generator step (one sub-step per object of the DUT) may take, in step budgets. */
export const GENERATOR_BUDGET_STEPS = 60;

function budgetSteps(name: string): number {
  return getStep(name)?.generator ? GENERATOR_BUDGET_STEPS : 1;
}

/** The wait a step makes by design (a timer it proves), on top of its budget. */
export function designedWaitMs(call: { readonly name: string; readonly args: Readonly<Record<string, unknown>> }, profile: Profile): number {
  return getStep(call.name)?.waitMs?.(call.args, profile) ?? 0;
}

function stepBoundMs(call: { readonly name: string; readonly args: Readonly<Record<string, unknown>> }, profile: Profile): number {
  return budgetSteps(call.name) * stepBudgetMs(profile) + designedWaitMs(call, profile);
}

/** The longest a whole case may take (mocha's timeout for it is set from this). */
export function caseBudgetMs(planned: PlannedCase, profile: Profile): number {
  return planned.def.steps.reduce((n, s) => n + stepBoundMs(s, profile), 0) + stepBudgetMs(profile);
}

/** What every result of a planned case says about the case itself, whether it ran or not. */
export function caseBase(planned: PlannedCase) {
  const def = planned.def;
  return {
    id: planned.id,
    caseId: def.id,
    title: def.title,
    suite: def.suite,
    spec: def.spec,
    requirement: def.requirement,
    tags: def.tags,
    detects: def.detects,
    ...(planned.each ? { association: planned.each.name } : {}),
    ...(planned.referencing ? { referencing: planned.referencing } : {}),
  };
}

export async function runCase(planned: PlannedCase, env: CaseEnv): Promise<CaseResult> {
  const clock = env.clock ?? (() => performance.now());
  const t0 = clock();
  const since = (): number => Math.round((clock() - t0) * 1000) / 1000;
  const def = planned.def;
  const base = caseBase(planned);
  if (planned.inapplicable !== undefined) {
    return {
      ...base,
      status: 'inapplicable',
      reason: planned.inapplicable,
      associations: [],
      remarks: [],
      durationMs: 0,
      steps: notRun(planned, 0, 0),
      trace: [],
    };
  }

  const clients: { client: DlmsClient; offset: number }[] = [];
  const markers: TraceRecord[] = [];
  const open = (): DlmsClient => {
    // Taken before the client (and its recorder) is made: an offset taken after would place its
    // frames later than they were, after the step markers that followed them.
    const offset = since();
    const client = env.newClient();
    clients.push({ client, offset });
    return client;
  };
  const records: StepRecord[] = [];
  const used = new Set<string>();
  const remarks: Remark[] = [];
  const attachments: CaseAttachment[] = [];
  let stepIndex: number | undefined;
  /** The last outcome was made by a `precondition: true` request: judging it is part of the precondition. */
  let lastByPrecondition = false;
  let verdict: Verdict = { status: 'passed' };
  try {
    const client = open();
    let ctx: StepContext = {
      profile: env.profile,
      caseDef: def,
      ...(planned.each ? { each: planned.each } : {}),
      ...(planned.referencing ? { referencing: planned.referencing } : {}),
      client,
      openClient: open,
      last: undefined,
      association: undefined,
      vars: new Map(),
      used,
      note: () => undefined,
      remark: (text, clause) => {
        remarks.push({ text, clause, ...(stepIndex === undefined ? {} : { step: stepIndex }) });
      },
      attach: (a) => attachments.push(a),
      elapsed: since,
    };
    if (def.needs) {
      markers.push({ at: since(), dir: 'event', layers: [], note: 'capabilities: which association grants what the case needs' });
      const cache = env.capabilities ?? new Map();
      const choice = await bounded(
        planned.each ? judgeEach(def.needs, planned.each, ctx, cache) : chooseAssociation(def.needs, ctx, env.profile, cache),
        (env.profile.associations.length + 1) * stepBudgetMs(env.profile),
        'capability discovery',
      );
      for (const n of choice.notes) markers.push({ at: since(), dir: 'event', layers: [], note: n });
      if (choice.kind === 'inapplicable') throw new Inapplicable(choice.reason);
      ctx = { ...ctx, granted: choice.association };
    }
    for (const [index, call] of def.steps.entries()) {
      const precondition: boolean = call.args['precondition'] === true || (JUDGES_LAST.has(call.name) && lastByPrecondition);
      const lastBefore = ctx.last;
      const notes: string[] = [];
      const substeps: StepRecord[] = [];
      stepIndex = index;
      ctx.step = index;
      ctx.note = (text) => notes.push(text);
      ctx.substep = (record) => substeps.push(record);
      const startMs = since();
      markers.push({ at: startMs, dir: 'event', layers: [], note: `step ${index + 1}: ${call.name}` });
      let outcome: Verdict & { message?: string } = { status: 'passed' };
      try {
        const step = getStep(call.name);
        if (!step) throw new HarnessFault(`step ${call.name} is not registered`, 'harness', 'STEP_UNKNOWN');
        await bounded(step.run(ctx, call.args), stepBoundMs(call, env.profile), call.name);
      } catch (e) {
        outcome = verdictOf(e, precondition);
      }
      if (ctx.last !== lastBefore) lastByPrecondition = precondition;
      records.push({
        index,
        name: call.name,
        args: call.args,
        precondition,
        status: outcome.status,
        notes,
        ...(outcome.reason === undefined ? {} : { message: outcome.reason }),
        startMs,
        endMs: since(),
        ...(substeps.length ? { substeps } : {}),
      });
      if (outcome.status !== 'passed') {
        verdict = outcome;
        records.push(...notRun(planned, index + 1, since()));
        break;
      }
    }
  } catch (e) {
    verdict = verdictOf(e, false);
  } finally {
    stepIndex = undefined;
    // An association the case left open is released as the association requires (a protected
    // RLRQ in a ciphered one): what goes wrong there is a remark, never the verdict. A client that
    // will not close must not hold the run: each release and disconnect is bounded too.
    for (const { client } of clients) {
      if (client.isAssociated?.()) {
        const released = await bounded(client.release(), stepBudgetMs(env.profile), 'release').catch((e: unknown) =>
          e instanceof Error ? e.message : String(e),
        );
        if (typeof released === 'string' || released.kind !== 'released') {
          const got = typeof released === 'string' ? released : describeOutcome({ op: 'release', outcome: released });
          remarks.push({
            text: `cleanup (not this case's subject): the association left open was not released: expected an RLRE, got ${got}`,
            clause: TEARDOWN_CLAUSE,
          });
        }
      }
      await bounded(client.disconnect(), stepBudgetMs(env.profile), 'disconnect').catch(() => undefined);
    }
  }
  // What a client remarked on its link (an opening the profile tolerates) is said on every case that used it.
  for (const { client } of clients)
    for (const r of client.remarks ?? []) if (!remarks.some((m) => m.text === r.text)) remarks.push({ text: r.text, clause: r.clause });
  // Every expectation held, but an answer was allowed rather than preferred: say so (DESIGN.md, Verdicts).
  if (verdict.status === 'passed' && remarks.length) verdict = { status: 'passed-with-remarks' };
  return {
    ...base,
    status: verdict.status,
    ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
    ...(verdict.culprit === undefined ? {} : { culprit: verdict.culprit }),
    ...(verdict.code === undefined ? {} : { code: verdict.code }),
    associations: [...used],
    remarks,
    ...(attachments.length ? { attachments } : {}),
    durationMs: Math.round(since()),
    steps: records,
    trace: mergeTraces(clients, markers),
  };
}

/** Codes of the IEC 62056-21 opening's errors (drivers/iec21-error.ts, docs/error-codes/iec21.md). */
const IEC21_CODE_PREFIX = 'IEC21_';

/** Attribution (DESIGN.md, Verdicts): who is at fault decides the verdict. */
export function verdictOf(e: unknown, precondition: boolean): Verdict {
  if (e instanceof ExpectationFailure) {
    return precondition
      ? { status: 'inconclusive', reason: `precondition not met: ${e.message}`, culprit: 'dut' }
      : { status: 'failed', reason: e.message, culprit: 'dut' };
  }
  if (e instanceof Inconclusive) return { status: 'inconclusive', reason: e.message };
  if (e instanceof Inapplicable) return { status: 'inapplicable', reason: e.message };
  if (e instanceof HarnessFault) return { status: 'broken', reason: e.message, culprit: e.culprit, code: e.code };
  if (e instanceof ClientError) {
    if (e.culprit === 'dut') {
      // A wrong answer to the IEC 62056-21 sign-on fails every case alike: no case can set it up
      // differently, so it is the meter's failure, never an unmet precondition of one case.
      return precondition && !e.code.startsWith(IEC21_CODE_PREFIX)
        ? { status: 'inconclusive', reason: `precondition not met: ${e.message}`, culprit: 'dut', code: e.code }
        : { status: 'failed', reason: e.message, culprit: 'dut', code: e.code };
    }
    return { status: 'broken', reason: e.message, culprit: e.culprit, code: e.code };
  }
  // drivers/ may not be imported here (layers); its UnreachableError is known by name.
  if (e instanceof Error && e.name === 'UnreachableError') return { status: 'broken', reason: e.message, culprit: 'rig', code: 'UNREACHABLE' };
  if (e instanceof ConfigError) return { status: 'broken', reason: e.message, culprit: 'profile', code: e.code };
  const text = e instanceof Error ? `${e.name}: ${e.message}${e.stack ? ` (${e.stack.split('\n')[1]?.trim() ?? ''})` : ''}` : String(e);
  return { status: 'broken', reason: `harness error: ${text}`, culprit: 'harness', code: 'HARNESS_ERROR' };
}

/** `work`, or a STEP_TIMEOUT HarnessFault after `ms`: a step (or a generator's unit) cannot hang a run. */
export async function bounded<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new HarnessFault(`${what} did not finish within ${ms} ms (the step budget from the profile's time-outs)`, 'harness', 'STEP_TIMEOUT')),
      ms,
    );
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function notRun(planned: PlannedCase, from: number, at: number): StepRecord[] {
  return planned.def.steps.slice(from).map((call, i) => ({
    index: from + i,
    name: call.name,
    args: call.args,
    precondition: call.args['precondition'] === true,
    status: 'not-run' as const,
    notes: [],
    startMs: at,
    endMs: at,
  }));
}

/** One timeline for the case: each client's records shifted by when it was made, plus step markers. */
function mergeTraces(clients: readonly { client: DlmsClient; offset: number }[], markers: readonly TraceRecord[]): TraceRecord[] {
  const all: TraceRecord[] = [...markers];
  clients.forEach(({ client, offset }, i) => {
    if (i > 0) all.push({ at: offset, dir: 'event', layers: [], note: `link ${i + 1} opened (a new client)` });
    for (const r of client.trace) all.push(recordAt(r, Math.round((r.at + offset) * 1000) / 1000));
  });
  // Stable: at equal times, markers (pushed first) stay ahead of the frames they introduce.
  return all
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.at - b.r.at || a.i - b.i)
    .map((x) => x.r);
}
