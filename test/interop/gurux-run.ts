/**
 * Every suite against the independent meter over one framing, through the engine API (no mocha,
 * no report): one case at a time, as the meter serves one client per port. After each case the
 * meter must answer a liveness probe before the next case starts (meter-liveness.ts: a crash a
 * moment after the case is still that case's); a dead meter is a finding (the case that killed it
 * is recorded) and is restarted on the same ports so the rest of the run still judges something.
 */
import { createCipheriv, timingSafeEqual } from 'node:crypto';
import * as path from 'node:path';
import type { ManufacturerHls } from '../../dlms/security/hls';
import { registerManufacturerHls } from '../../dlms/security/hls-manufacturer';
import type { Secret } from '../../dlms/secret';
import { planCases, runCase } from '../../harness/engine';
import type { CaseResult } from '../../harness/engine/result';
import { createClient } from '../../client';
import type { DlmsClient } from '../../client/api';
import { type CounterStore, memoryCounterStore } from '../../client/counters';
import { clientOptionsFor } from '../../harness/client-options';
import { loadProfile } from '../../harness/profile/load';
import type { Profile } from '../../harness/profile/types';
import type { CaseDef, SuiteDef } from '../../harness/suite/types';
import { freePortBase, type MeterProcess, PORT_OFFSET, startMeter } from './gurux-meter';
import { probePort, probeRequest, survivedCase } from './meter-liveness';

export type Framing = 'hdlc' | 'wrapper' | 'sn-hdlc';

/**
 * The meter's published development credentials (its README, "Associations and secrets"), given
 * to the profile loader as its environment: the profiles hold only `env:` references, and the
 * harness masks what it resolves in every output.
 */
export const GURUX_SECRETS_ENV: Readonly<Record<string, string>> = {
  GURUX_LLS: 'Gurux',
  GURUX_EK: '000102030405060708090A0B0C0D0E0F',
  GURUX_AK: 'D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF',
  GURUX_KEK: '31313131313131313131313131313131',
};

/** The meter's HLS mechanism 2 algorithm, by the name the interop profiles give it. */
export const GURUX_HLS_ALGORITHM = 'gurux-example-aes-ecb';

/**
 * HLS mechanism 2 as the meter computes it (its README: AES-128-ECB, key zero-padded; facts read
 * from its source, GXSecure): f(challenge) = AES-128-ECB under the secret zero-padded to 16 bytes,
 * of the challenge zero-padded to a multiple of 16 bytes. A manufacturer's algorithm, so it lives
 * with the test that needs it, plugged into dlmsct's registry, never in dlms/.
 */
function guruxMechanism2(secret: Secret): ManufacturerHls {
  const f = (challenge: Uint8Array): Uint8Array => {
    const key = new Uint8Array(AES_BLOCK);
    key.set(secret.reveal().subarray(0, AES_BLOCK));
    const data = new Uint8Array(Math.ceil(challenge.length / AES_BLOCK) * AES_BLOCK);
    data.set(challenge);
    const c = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
    return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
  };
  return {
    respond: (x) => f(x.peerChallenge),
    verify: (x, response) => {
      const expected = f(x.ownChallenge);
      return response.length === expected.length && timingSafeEqual(response, expected);
    },
  };
}
const AES_BLOCK = 16;
registerManufacturerHls(GURUX_HLS_ALGORITHM, guruxMechanism2);

export function guruxProfile(repoRoot: string, framing: Framing, base: number): Profile {
  const p = loadProfile(path.join(repoRoot, `test/interop/profiles/gurux-cpp-${framing}.yaml`), { env: GURUX_SECRETS_ENV });
  if (p.transport.kind !== 'tcp') throw new Error(`${p.file}: the interop profile must use a tcp transport`);
  const port = base + { 'sn-hdlc': PORT_OFFSET.snHdlc, hdlc: PORT_OFFSET.lnHdlc, wrapper: PORT_OFFSET.lnWrapper }[framing];
  return { ...p, transport: { ...p.transport, port } };
}

/**
 * Steps that may change what the meter holds (its object values, keys, policy): after a case that
 * has one, the meter is restarted, so that no verdict depends on the order of the cases (a SET the
 * meter wrongly accepts, e.g. of its association's logical_name, would otherwise fail later cases).
 */
const WRITING_STEPS = new Set(['set', 'action', 'write', 'access', 'security-setup.activate', 'broadcast.set', 'security-setup.certificates']);

export function mayWrite(def: CaseDef): boolean {
  const names = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        names.add(k);
        walk(x);
      }
    }
  };
  for (const s of def.steps) {
    names.add(s.name);
    walk(s.args);
  }
  return [...names].some((n) => WRITING_STEPS.has(n));
}

export interface InteropResult {
  readonly framing: Framing;
  readonly result: CaseResult;
  /** The meter process was gone after this case (and was restarted). */
  readonly crashed: boolean;
}

/** Clients with their own in-memory invocation counters: a restarted meter starts from nothing, and no file is left behind. */
function clientFactory(profile: Profile): { newClient: () => DlmsClient; reset: () => void } {
  const t = profile.transport;
  if (t.kind !== 'tcp') throw new Error('tcp only');
  const spec = { kind: 'tcp' as const, host: t.host, port: t.port };
  let counters: CounterStore = memoryCounterStore();
  return {
    newClient: () => createClient({ ...clientOptionsFor(profile, spec), counters, deviceKey: `gurux-cpp @ ${t.host}:${t.port}` }),
    reset: () => {
      counters = memoryCounterStore();
    },
  };
}

function livenessProbe(profile: Profile): () => ReturnType<typeof probePort> {
  const t = profile.transport;
  if (t.kind !== 'tcp') throw new Error('tcp only');
  const request = probeRequest(profile);
  return () => probePort(t.host, t.port, request);
}

export interface InteropRun {
  readonly results: readonly InteropResult[];
  readonly restarts: number;
  readonly durationMs: number;
}

/** Attempts at a free port base: between picking ports and the meter listening, another process may take one. */
const START_ATTEMPTS = 3;

async function firstStart(meterDir: string, base: number | undefined, trace: 'Verbose' | undefined): Promise<{ meter: MeterProcess; base: number }> {
  let last: unknown;
  for (let i = 0; i < (base === undefined ? START_ATTEMPTS : 1); i++) {
    const b = base ?? (await freePortBase());
    try {
      return { meter: await startMeter(meterDir, b, trace), base: b };
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

export async function runAgainstMeter(opts: {
  readonly repoRoot: string;
  readonly meterDir: string;
  /** The port base; absent: a free one is picked (again, if another process takes a port first). */
  readonly base?: number;
  readonly framing: Framing;
  readonly suites: readonly SuiteDef[];
  readonly caseId?: string;
  /**
   * Skip cases that wait out a long timer of the profile (the engine's `--quick`: inapplicable with
   * that reason). CI runs quick: a 120 s inactivity wait per framing would not fit its budget.
   */
  readonly quick?: boolean;
  readonly trace?: 'Verbose';
  readonly onCase?: (r: InteropResult) => void;
}): Promise<InteropRun> {
  const t0 = performance.now();
  const first = await firstStart(opts.meterDir, opts.base, opts.trace);
  const base = first.base;
  let meter = first.meter;
  const profile = guruxProfile(opts.repoRoot, opts.framing, base);
  const clients = clientFactory(profile);
  const probe = livenessProbe(profile);
  const results: InteropResult[] = [];
  let restarts = 0;
  try {
    // Not an object literal: `quick` is ignored by an engine that does not know it yet.
    const filter = { ...(opts.caseId === undefined ? {} : { caseId: opts.caseId }), ...(opts.quick ? { quick: true } : {}) };
    for (const planned of planCases(opts.suites, profile, filter)) {
      const result = await runCase(planned, { profile, newClient: clients.newClient });
      const crashed = !(await survivedCase(meter, probe));
      if (crashed) restarts++;
      if (crashed || (result.status !== 'inapplicable' && mayWrite(planned.def))) {
        await meter.stop(opts.trace !== undefined);
        meter = await startMeter(opts.meterDir, base, opts.trace);
        clients.reset();
      }
      const r = { framing: opts.framing, result, crashed };
      results.push(r);
      opts.onCase?.(r);
    }
  } finally {
    await meter.stop(opts.trace !== undefined);
  }
  return { results, restarts, durationMs: Math.round(performance.now() - t0) };
}
