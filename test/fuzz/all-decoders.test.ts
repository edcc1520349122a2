/**
 * Every decoder under dlms/ against 100,000 random and mutated inputs (fixed seed): HDLC frames,
 * wrapper PDUs, xDLMS APDUs, ACSE PDUs, A-XDR Data, SNRM/UA parameters, the ciphered-APDU
 * envelope and unprotect with the recording's keys. The seeds are real bytes from both
 * recordings (seeds.ts), edited as a faulty meter would (mutate.ts); HDLC frames and wrapper
 * PDUs have their checks and length mended half the time, so edits reach the fields behind
 * them. The only failure allowed is a DecodeError (dlms/security/errors.ts raises DecodeError
 * too), and every call returns promptly.
 *
 * Then 2,000 mutated meter answers through the tracing client (replay-meter.ts): every call
 * resolves to an outcome, none throws, none waits past its response timeout.
 */
import { expect } from 'chai';
import { decodeDataBytes, encodeDataBytes } from '../../dlms/axdr/data-codec';
import { decodePduBytes, encodePduBytes } from '../../dlms/pdu/pdu';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { toHex } from '../../dlms/bytes/hex';
import { decodeFrame, encodeFrame } from '../../dlms/hdlc/frame';
import { DEFAULT_SETTINGS, infoOfParameters, parameterList, parametersOfInfo } from '../../dlms/hdlc/parameters';
import { decodeCipheredApduBytes, encodeCipheredApduBytes } from '../../dlms/security/ciphered-apdu';
import { unprotectApdu } from '../../dlms/security/protect';
import { decodeWrapper, encodeWrapper } from '../../dlms/wrapper/header';
import { decodeApduBytes, encodeApduBytes } from '../../dlms/xdlms/apdu';
import { int, mendHdlc, mendWrapper, mutate, pick, prng, randomBytes, type Rand } from './mutate';
import { runClientCase, scriptedAttributes, CLIENT_CASE_BOUND_MS, type ClientCaseReport } from './replay-meter';
import { loadSeeds, RECEIVER, type Ciphered } from './seeds';

interface Target<T> {
  readonly name: string;
  readonly seeds: readonly T[];
  readonly bytesOf: (seed: T) => Uint8Array;
  /** Decodes; a DecodeError is an accepted refusal. */
  readonly decode: (bytes: Uint8Array, seed: T) => unknown;
  /** Encodes what was accepted: a decoder must not accept a value its encoder cannot write. */
  readonly encode?: (value: never) => Uint8Array;
  /** Makes checks and lengths right again after an edit, so that it reaches the fields behind them. */
  readonly mend?: (bytes: Uint8Array) => Uint8Array;
}

/** A list of targets of different seed types, kept type-safe per entry. */
const target = <T, V>(t: Target<T> & { decode: (bytes: Uint8Array, seed: T) => V; encode?: (value: V) => Uint8Array }): Target<unknown> =>
  t as unknown as Target<unknown>;

const CASES = 100_000;
/** A single synchronous decode taking this long is a hang in the making (quadratic or worse). */
const SLOW_CASE_MS = 500;

interface Tally {
  cases: number;
  accepted: number;
  refused: Map<string, number>;
}

describe('fuzzing every decoder (100,000 cases, fixed seed)', function () {
  this.timeout(60_000);
  const seeds = loadSeeds();
  const ownBytes = (b: Uint8Array): Uint8Array => b;
  const acse = seeds.apdus.filter((a) => a[0] !== undefined && a[0] >= 0x60 && a[0] <= 0x63);
  const parameterSeeds = [
    ...seeds.parameters,
    infoOfParameters(parameterList(DEFAULT_SETTINGS)),
    infoOfParameters(
      parameterList({ ...DEFAULT_SETTINGS, windowSizeReceive: 7, maxInfoFieldLengthReceive: 2030 }, { windowSizeReceive: 4, maxInfoFieldLengthReceive: 2 }),
    ),
  ];
  const targets: readonly Target<unknown>[] = [
    target({ name: 'HDLC frame', seeds: seeds.hdlcFrames, bytesOf: ownBytes, decode: (b) => decodeFrame(b), encode: encodeFrame, mend: mendHdlc }),
    target({ name: 'wrapper PDU', seeds: seeds.wrapperPdus, bytesOf: ownBytes, decode: (b) => decodeWrapper(b), encode: encodeWrapper, mend: mendWrapper }),
    target({ name: 'xDLMS APDU', seeds: seeds.apdus, bytesOf: ownBytes, decode: (b) => decodeApduBytes(b), encode: encodeApduBytes }),
    target({ name: 'ACSE/xDLMS PDU', seeds: [...acse, ...acse, ...seeds.apdus], bytesOf: ownBytes, decode: (b) => decodePduBytes(b), encode: encodePduBytes }),
    target({ name: 'A-XDR Data', seeds: seeds.data, bytesOf: ownBytes, decode: (b) => decodeDataBytes(b), encode: encodeDataBytes }),
    target({ name: 'SNRM/UA parameters', seeds: parameterSeeds, bytesOf: ownBytes, decode: (b) => parametersOfInfo(b), encode: infoOfParameters }),
    target({
      name: 'ciphered APDU envelope',
      seeds: seeds.ciphered,
      bytesOf: (c: Ciphered) => c.bytes,
      decode: (b) => decodeCipheredApduBytes(b),
      encode: encodeCipheredApduBytes,
    }),
    target({
      name: 'unprotect (suite 0, recording keys)',
      seeds: seeds.ciphered,
      bytesOf: (c: Ciphered) => c.bytes,
      decode: (b, c: Ciphered) => unprotectApdu(b, RECEIVER[c.dir]),
    }),
  ];
  const allSeeds = targets.flatMap((t) => t.seeds.map((s) => t.bytesOf(s)));

  /** Noise, another decoder's seed, or one or two edits of an own seed; mended half the time. */
  function input(rand: Rand, t: Target<unknown>, seed: unknown): Uint8Array {
    const roll = rand();
    if (roll < 0.06) return randomBytes(rand, int(rand, 96));
    if (roll < 0.1) return pick(rand, allSeeds);
    let b = mutate(rand, t.bytesOf(seed), allSeeds);
    if (rand() < 0.3) b = mutate(rand, b, allSeeds);
    return t.mend !== undefined && rand() < 0.5 ? t.mend(b) : b;
  }

  it('has seeds for every decoder, from both recordings', () => {
    for (const t of targets) expect(t.seeds.length, t.name).to.be.above(1);
    expect(seeds.ciphered.filter((c) => c.dir === 'S2C').length).to.be.above(100);
  });

  it('throws nothing but DecodeError, returns promptly, and encodes whatever it accepts', () => {
    const rand = prng(0xdec0de);
    const tallies = new Map<string, Tally>(targets.map((t) => [t.name, { cases: 0, accepted: 0, refused: new Map() }]));
    let slowest = { ms: 0, what: '' };
    for (let i = 0; i < CASES; i++) {
      const t = targets[i % targets.length]!;
      const seed = pick(rand, t.seeds);
      const bytes = input(rand, t, seed);
      const tally = tallies.get(t.name)!;
      tally.cases++;
      const what = (): string => `case ${i}, ${t.name}: ${toHex(bytes)}`;
      const t0 = performance.now();
      try {
        const value = t.decode(bytes, seed);
        tally.accepted++;
        if (t.encode) t.encode(value as never);
      } catch (e) {
        if (!isDecodeError(e)) throw new Error(`${what()}\n${e instanceof Error ? e.stack : String(e)}`);
        tally.refused.set(e.code, (tally.refused.get(e.code) ?? 0) + 1);
      }
      const ms = performance.now() - t0;
      if (ms > slowest.ms) slowest = { ms, what: what() };
    }
    expect(slowest.ms, `slowest: ${slowest.what}`).to.be.below(SLOW_CASE_MS);
    for (const [name, tally] of tallies) {
      // The edits must reach past the first check, or the test proves little: several codes each.
      expect(tally.refused.size, `${name}: distinct error codes`).to.be.at.least(3);
      expect(tally.cases).to.equal(CASES / targets.length);
      if (name !== 'unprotect (suite 0, recording keys)') expect(tally.accepted, `${name}: accepted inputs`).to.be.above(0);
    }
  });

  describe('through the tracing client (2,000 mutated meter answers)', () => {
    const CLIENT_CASES = 2_000;
    /** Cases run side by side: most are quick, and the ones that wait for a timeout overlap. */
    const CONCURRENCY = 50;

    it('gets the recorded answers through cleanly when nothing is corrupted, both framings', async () => {
      for (const index of [0, 1]) {
        const report = await runClientCase(index, prng(index), seeds, 'none');
        const outcomes = report.calls.map((c) => c.outcome);
        expect(outcomes.slice(0, 2), report.framing).to.deep.equal(['accepted', 'data']);
        expect(outcomes.slice(-2), report.framing).to.deep.equal(['released', 'done']);
        for (const o of outcomes.slice(2, -2)) expect(['data', 'data-access-result'], report.framing).to.include(o);
      }
      expect(scriptedAttributes()[0]).to.deep.equal({ classId: 15, obis: '0-0:40.0.0.255', attribute: 2 });
    });

    it('resolves every call to an outcome, never throws and never waits past the response timeout', async () => {
      const rand = prng(0xc11e47);
      const reports: ClientCaseReport[] = [];
      for (let start = 0; start < CLIENT_CASES; start += CONCURRENCY) {
        const batch = Array.from({ length: Math.min(CONCURRENCY, CLIENT_CASES - start) }, (_, j) => {
          const caseRand = prng(Math.floor(rand() * 2 ** 32));
          return runClientCase(start + j, caseRand, seeds);
        });
        reports.push(...(await Promise.all(batch)));
      }
      const calls = reports.flatMap((r) => r.calls);
      const bad = calls.filter((c) => c.error !== undefined);
      expect(bad.map((c) => `${c.caseLabel} ${c.call}: ${c.error}`).slice(0, 5)).to.deep.equal([]);
      const slow = calls.filter((c) => c.ms > CLIENT_CASE_BOUND_MS);
      expect(slow.map((c) => `${c.caseLabel} ${c.call}: ${Math.round(c.ms)} ms`).slice(0, 5)).to.deep.equal([]);
      // The mutations must produce every kind of answer a client meets: good, bad, and none.
      const kinds = new Set(calls.map((c) => c.outcome));
      for (const k of ['accepted', 'data', 'released', 'malformed', 'silence']) expect([...kinds], k).to.include(k);
      expect(reports.filter((r) => r.framing === 'hdlc').length).to.equal(CLIENT_CASES / 2);
    });
  });
});
