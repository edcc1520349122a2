import { expect } from 'chai';
import { ClientError, type GetOutcome } from '../../client/api';
import { ACCEPTED, type FakeClient, type FakeScript, fakeClient } from '../../test/support/harness/fake-client';
import { testProfile } from '../../test/support/harness/profiles';
import type { Profile } from '../profile/types';
import { parseSuite } from '../suite/load';
import type { SuiteDef } from '../suite/types';
import { planCases } from './plan';
import type { CaseResult } from './result';
import { runCase, verdictOf } from './run-case';
import { ExpectationFailure, HarnessFault, Inapplicable, Inconclusive } from './verdict';

function suiteOf(steps: string, extra = ''): SuiteDef {
  return parseSuite(
    `suite: t/engine\ntitle: T\nspec: S\ncases:\n  - id: T-CASE\n    title: t\n    spec: Clause 1.2\n    requirement: The DUT does it.\n    detects: []\n${extra}    steps:\n${steps}`,
    't.yaml',
  );
}

async function run(
  steps: string,
  script: FakeScript = {},
  profile: Profile = testProfile(),
  extra = '',
): Promise<{ results: CaseResult[]; clients: FakeClient[] }> {
  const clients: FakeClient[] = [];
  const results: CaseResult[] = [];
  for (const p of planCases([suiteOf(steps, extra)], profile)) {
    results.push(
      await runCase(p, {
        profile,
        newClient: () => {
          const c = fakeClient(script);
          clients.push(c);
          return c;
        },
      }),
    );
  }
  return { results, clients };
}

const OPEN = '      - connect: {}\n      - associate: { association: public }\n';

describe('runCase', () => {
  it('passes a case whose every step holds, and records each step and the trace', async () => {
    const { results, clients } = await run(
      `${OPEN}      - get: { obis: 0-0:40.0.0.255, class: 15, attribute: 1 }\n      - expect: { data: { type: octet-string } }\n      - release: {}\n`,
    );
    const r = results[0]!;
    expect(r.status).to.equal('passed');
    expect(r.steps.map((s) => [s.name, s.status])).to.deep.equal([
      ['connect', 'passed'],
      ['associate', 'passed'],
      ['get', 'passed'],
      ['expect', 'passed'],
      ['release', 'passed'],
    ]);
    expect(r.associations).to.deep.equal(['public']);
    expect(r.trace.filter((t) => t.dir === 'event').map((t) => t.note)).to.include('step 3: get');
    expect(r.trace.filter((t) => t.dir !== 'event')).to.have.length(8);
    expect(clients[0]!.disconnected).to.equal(true);
  });

  it('fails a case when the DUT breaks the rule, citing clause, expectation and answer', async () => {
    const refused: GetOutcome = { kind: 'data-access-result', result: 'read-write-denied' };
    const { results } = await run(
      `${OPEN}      - get: { obis: 0-0:40.0.0.255, class: 15, attribute: 2 }\n      - expect: { data: { type: array } }\n      - release: {}\n`,
      { get: () => refused },
    );
    const r = results[0]!;
    expect(r.status).to.equal('failed');
    expect(r.culprit).to.equal('dut');
    expect(r.reason).to.equal('Clause 1.2: The DUT does it: expected data of type array, got data-access-result read-write-denied');
    expect(r.steps.map((s) => s.status)).to.deep.equal(['passed', 'passed', 'passed', 'failed', 'not-run']);
  });

  it('makes a case inconclusive when a precondition step does not hold', async () => {
    const { results } = await run(
      '      - connect: {}\n      - associate: { association: reader, precondition: true }\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n',
      {
        associate: () => ({ kind: 'rejected', result: 'rejected-permanent', diagnosticSource: 'acse-service-user', diagnostic: 'authentication-failure' }),
      },
    );
    expect(results[0]!.status).to.equal('inconclusive');
    expect(results[0]!.reason).to.match(/^precondition not met: .*AARE rejected-permanent, acse-service-user diagnostic authentication-failure/);
  });

  it('makes a case inconclusive when the expectation on a precondition request does not hold', async () => {
    const steps =
      '      - connect: {}\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2, precondition: true }\n      - expect: { data: { type: octet-string } }\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n      - expect: { data: { type: octet-string } }\n';
    let n = 0;
    const refusedFirst = await run(steps, {
      get: () =>
        n++ === 0
          ? { kind: 'data-access-result', result: 'temporary-failure' }
          : { kind: 'data', data: { type: 'octet-string', value: new Uint8Array(1) }, blocks: 1 },
    });
    expect(refusedFirst.results[0]!.status).to.equal('inconclusive');
    expect(refusedFirst.results[0]!.reason).to.match(/^precondition not met: /);
    n = 0;
    const refusedSecond = await run(steps, {
      get: () =>
        n++ === 1
          ? { kind: 'data-access-result', result: 'temporary-failure' }
          : { kind: 'data', data: { type: 'octet-string', value: new Uint8Array(1) }, blocks: 1 },
    });
    expect(refusedSecond.results[0]!.status).to.equal('failed');
  });

  it('reports a meter that hung up in those words, never as a malformed answer', async () => {
    const closed = { kind: 'malformed', code: 'LINK_CLOSED', offset: 0, expected: 'an answer', actual: 'the meter closed the connection' } as const;
    const { results } = await run('      - connect: {}\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n      - expect: { silence: true }\n', {
      get: () => closed,
    });
    expect(results[0]!.status).to.equal('failed');
    expect(results[0]!.reason).to.match(/expected no answer \(silence\), got the meter closed the connection$/);
    const allowed = await run(
      '      - connect: {}\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n      - expect: { oneOf: [ { silence: true }, { closed: true } ] }\n',
      { get: () => closed },
    );
    expect(allowed.results[0]!.status).to.equal('passed');
  });

  it('sends a wrong password that is not the profile one, and judges the exact diagnostic', async () => {
    const seen: string[] = [];
    const { results } = await run(
      '      - connect: {}\n      - associate: { association: { authentication: low }, password: wrong, expect: { rejected: { diagnostic: authentication-failure, source: acse-service-user } } }\n',
      {
        associate: (p) => {
          seen.push(new TextDecoder().decode(p.password!.reveal()));
          return { kind: 'rejected', result: 'rejected-permanent', diagnosticSource: 'acse-service-user', diagnostic: 'no-reason-given' };
        },
      },
    );
    expect(seen).to.have.length(1);
    expect(seen[0]).to.not.equal('test-lls-secret-4711');
    expect(results[0]!.status).to.equal('failed');
    expect(results[0]!.reason).to.contain('got AARE rejected-permanent, acse-service-user diagnostic no-reason-given');
  });

  it('accepts any one of several outcomes with oneOf, and silence when it is allowed', async () => {
    const steps =
      '      - connect: {}\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n      - expect: { oneOf: [ { silence: true }, { exception: { stateError: service-not-allowed } } ] }\n';
    const silent = await run(steps, { get: () => ({ kind: 'silence', waitedMs: 50 }) });
    expect(silent.results[0]!.status).to.equal('passed');
    const served = await run(steps, { get: () => ({ kind: 'data', data: { type: 'octet-string', value: new Uint8Array(3) }, blocks: 1 }) });
    expect(served.results[0]!.status).to.equal('failed');
    expect(served.results[0]!.reason).to.contain('expected no answer (silence), or exception-response state-error service-not-allowed, got data octet-string');
  });

  it('passes with a remark when the answer is an allowed but not preferred alternative, and plainly when it is the preferred one', async () => {
    const steps =
      '      - connect: {}\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 99 }\n' +
      '      - expect: { oneOf: [ { dataAccessResult: object-undefined }, { dataAccessResult: hardware-fault, remark: { text: hardware-fault refuses it; object-undefined is preferred, clause: docs/decisions/expectation-review.md } } ] }\n';
    const tolerated = await run(steps, { get: () => ({ kind: 'data-access-result', result: 'hardware-fault' }) });
    const r = tolerated.results[0]!;
    expect(r.status).to.equal('passed-with-remarks');
    expect(r.remarks).to.deep.equal([
      {
        text: 'hardware-fault refuses it; object-undefined is preferred (the DUT answered data-access-result hardware-fault)',
        clause: 'docs/decisions/expectation-review.md',
        step: 2,
      },
    ]);
    expect(r.steps.map((s) => s.status)).to.deep.equal(['passed', 'passed', 'passed']);
    const preferred = await run(steps, { get: () => ({ kind: 'data-access-result', result: 'object-undefined' }) });
    expect(preferred.results[0]!.status).to.equal('passed');
    expect(preferred.results[0]!.remarks).to.deep.equal([]);
    const wrong = await run(steps, { get: () => ({ kind: 'data-access-result', result: 'temporary-failure' }) });
    expect(wrong.results[0]!.status).to.equal('failed');
  });

  it('records a teardown defect as a remark, never as the verdict of a case about something else', async () => {
    const silent = { release: () => ({ kind: 'silence', waitedMs: 50 }) as const };
    const teardown = await run(
      `${OPEN}      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n      - release: { expect: released }\n      - disconnect: {}\n`,
      silent,
    );
    expect(teardown.results[0]!.status).to.equal('passed-with-remarks');
    expect(teardown.results[0]!.remarks[0]!.text).to.match(/^teardown \(not this case's subject\): expected RLRE \(released\), got no answer within 50 ms/);
    expect(teardown.results[0]!.remarks[0]!.clause).to.equal('docs/decisions/teardown.md');
    // A release followed by a check is part of the case: it is judged.
    const judged = await run(`${OPEN}      - release: { expect: released }\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n`, silent);
    expect(judged.results[0]!.status).to.equal('failed');
  });

  it('releases an association the case left open, a failed release a remark only', async () => {
    const ok = await run(`${OPEN}      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n`);
    expect(ok.results[0]!.status).to.equal('passed');
    expect(ok.clients[0]!.calls.slice(-2)).to.deep.equal(['release', 'disconnect']);
    const refused = await run(`${OPEN}      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n`, { release: () => ({ kind: 'silence', waitedMs: 50 }) });
    expect(refused.results[0]!.status).to.equal('passed-with-remarks');
    expect(refused.results[0]!.remarks[0]!.text).to.match(/^cleanup \(not this case's subject\): the association left open was not released/);
  });

  it('judges the DLMS version the AARE announces against the profile', async () => {
    const { results } = await run(OPEN, { associate: () => ({ ...ACCEPTED, dlmsVersion: 5 }) });
    expect(results[0]!.status).to.equal('failed');
    expect(results[0]!.reason).to.contain('DLMS version 6');
  });

  it('is inapplicable, with the reason, when the profile lacks what the case requires', async () => {
    const { results, clients } = await run(OPEN, {}, testProfile(), '    requires: { authentication: hls-gmac }\n');
    expect(results[0]!.status).to.equal('inapplicable');
    expect(results[0]!.reason).to.contain('authentication hls-gmac');
    expect(clients).to.have.length(0);
    const selector = await run('      - associate: { association: { authentication: hls-sha256 } }\n');
    expect(selector.results[0]!.status).to.equal('inapplicable');
  });

  it('runs a forEach case once per association, $each naming it', async () => {
    const { results, clients } = await run(
      '      - connect: { association: $each }\n      - associate: { association: $each }\n',
      {},
      testProfile(),
      '    forEach: association\n',
    );
    expect(results.map((r) => [r.id, r.association, r.status])).to.deep.equal([
      ['T-CASE[public]', 'public', 'passed'],
      ['T-CASE[reader]', 'reader', 'passed'],
    ]);
    expect(clients.map((c) => c.calls.slice(0, 2))).to.deep.equal([
      ['connect 16', 'associate public'],
      ['connect 1', 'associate reader'],
    ]);
  });

  it('carries a remark the client made on its link (a tolerated sign-on) onto the case, once, and passes it with remarks', async () => {
    const profile = testProfile();
    const [planned] = planCases([suiteOf(`${OPEN}      - release: {}\n`)], profile);
    const remark = { text: 'the identification lacks the enhanced identification \\2', clause: 'IEC 62056-21 6.3.2' };
    const r = await runCase(planned!, { profile, newClient: () => Object.assign(fakeClient(), { remarks: [remark, remark] }) });
    expect(r.status).to.equal('passed-with-remarks');
    expect(r.remarks).to.deep.equal([remark]);
  });

  it('marks a case broken when the rig fails, and failed when the DUT did', async () => {
    const rig = await run(OPEN, { connect: () => Promise.reject(new ClientError('serial port busy', 'rig', 'PORT_BUSY')) });
    expect([rig.results[0]!.status, rig.results[0]!.culprit, rig.results[0]!.code]).to.deep.equal(['broken', 'rig', 'PORT_BUSY']);
    const dut = await run(OPEN, { connect: () => ({ kind: 'silence', waitedMs: 50 }) });
    expect([dut.results[0]!.status, dut.results[0]!.culprit]).to.deep.equal(['failed', 'dut']);
  });

  it('bounds every step by the profile time-outs and still disconnects', async () => {
    const { results, clients } = await run(OPEN, { associate: () => new Promise(() => undefined) });
    expect([results[0]!.status, results[0]!.code]).to.deep.equal(['broken', 'STEP_TIMEOUT']);
    expect(clients[0]!.disconnected).to.equal(true);
  });

  it('proves liveness on a second link and merges its trace', async () => {
    const { results, clients } = await run(`${OPEN}      - expect.alive: {}\n`);
    expect(results[0]!.status).to.equal('passed');
    expect(clients).to.have.length(2);
    expect(clients[1]!.calls.slice(0, 5)).to.deep.equal(['connect 16', 'associate public', 'get 0-0:40.0.0.255/1', 'release', 'disconnect']);
    expect(results[0]!.trace.some((t) => t.note === 'link 2 opened (a new client)')).to.equal(true);
    const dead = await run(`${OPEN}      - expect.alive: {}\n`, { get: () => ({ kind: 'silence', waitedMs: 50 }) });
    expect(dead.results[0]!.status).to.equal('failed');
  });
});

describe('verdictOf', () => {
  it('maps each kind of error to its verdict and culprit', () => {
    expect(verdictOf(new ExpectationFailure('r', 'a', 'b'), false)).to.deep.include({ status: 'failed', culprit: 'dut' });
    expect(verdictOf(new ExpectationFailure('r', 'a', 'b'), true)).to.deep.include({ status: 'inconclusive' });
    expect(verdictOf(new Inconclusive('buffer too small'), false)).to.deep.equal({ status: 'inconclusive', reason: 'buffer too small' });
    expect(verdictOf(new Inapplicable('no hls'), false)).to.deep.equal({ status: 'inapplicable', reason: 'no hls' });
    expect(verdictOf(new HarnessFault('x', 'profile', 'P'), false)).to.deep.equal({ status: 'broken', reason: 'x', culprit: 'profile', code: 'P' });
    const unreachable = Object.assign(new Error('device unreachable at tcp h:1: refused'), { name: 'UnreachableError' });
    expect(verdictOf(unreachable, false)).to.deep.include({ status: 'broken', culprit: 'rig', code: 'UNREACHABLE' });
    expect(verdictOf(new TypeError('boom'), false)).to.deep.include({ status: 'broken', culprit: 'harness', code: 'HARNESS_ERROR' });
  });

  it('fails every case on a wrong IEC 62056-21 sign-on, even where connecting is a precondition', () => {
    const opening = new ClientError('IEC 62056-21 opening failed: IEC21_NO_MODE_E at byte 5', 'dut', 'IEC21_NO_MODE_E');
    expect(verdictOf(opening, true)).to.deep.include({ status: 'failed', culprit: 'dut', code: 'IEC21_NO_MODE_E' });
    expect(verdictOf(new ClientError('no answer', 'dut', 'CLIENT_TIMEOUT'), true)).to.deep.include({ status: 'inconclusive' });
  });
});
