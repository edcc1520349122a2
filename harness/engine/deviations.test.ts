import { expect } from 'chai';
import { ConfigError } from '../../config/error';
import { deviationText, findDeviation, isGreen, judgeDeviation, parseDeviations, unusedDeviations } from './deviations';
import type { CaseResult } from './result';
import { thrownBy } from '../../test/helpers/thrown';

const FILE = 'deviations.yaml';

const SET = parseDeviations(
  `# known firmware bugs of meter X
- case: ASSOC-LOGICAL-DEVICE-NAME
  expect: { status: failed, reason: 'text "DLM0000000001"' }
  reference: FW-1234
- case: ASSOC-OBJECT-LIST[reader]
  expect: { reason: /object_list lists .* twice/i }
  reference: https://tracker.example/FW-99
- case: HDLC-*
  expect: { status: inconclusive, reason: precondition }
  reference: link set-up flaky on this rig
`,
  FILE,
);

function result(id: string, status: CaseResult['status'], reason?: string): CaseResult {
  const caseId = id.replace(/\[.*\]$/, '');
  return {
    id,
    caseId,
    title: 't',
    suite: 's',
    spec: 'spec',
    requirement: 'r',
    tags: [],
    detects: [],
    associations: [],
    remarks: [],
    status,
    ...(reason === undefined ? {} : { reason }),
    durationMs: 1,
    steps: [],
    trace: [],
  };
}

describe('known deviations', () => {
  it('loads entries with their place, status defaulting to failed', () => {
    expect(SET.entries.map((d) => [d.case, d.status, d.at])).to.deep.equal([
      ['ASSOC-LOGICAL-DEVICE-NAME', 'failed', `${FILE}:2:3`],
      ['ASSOC-OBJECT-LIST[reader]', 'failed', `${FILE}:5:3`],
      ['HDLC-*', 'inconclusive', `${FILE}:8:3`],
    ]);
  });

  it('reports a case failing as expected as an expected failure', () => {
    const j = judgeDeviation(result('ASSOC-LOGICAL-DEVICE-NAME', 'failed', 'expected data of type octet-string, text "DLM0000000001", got …'), SET);
    expect(j.reported).to.equal('expected-failure');
    expect(j.status).to.equal('failed');
    expect(j.deviation).to.deep.equal({
      outcome: 'expected-failure',
      reference: 'FW-1234',
      at: `${FILE}:2:3`,
      expected: 'failed, reason matching "text \\"DLM0000000001\\""',
    });
    expect(isGreen(j.reported)).to.equal(true);
  });

  it('reports a case that now passes as an unexpected pass, which fails the run', () => {
    const j = judgeDeviation(result('ASSOC-LOGICAL-DEVICE-NAME', 'passed'), SET);
    expect(j.reported).to.equal('unexpected-pass');
    expect(isGreen(j.reported)).to.equal(false);
    expect(deviationText(j.deviation!)).to.match(/^passed, but the known deviation at deviations\.yaml:2:3 \(FW-1234\) expects failed.*remove the entry$/);
  });

  it('keeps the verdict of a case that fails with another reason or another status', () => {
    const other = judgeDeviation(result('ASSOC-LOGICAL-DEVICE-NAME', 'failed', 'expected an AARE, got silence'), SET);
    expect(other.reported).to.equal('failed');
    expect(other.deviation?.outcome).to.equal('mismatch');
    const broken = judgeDeviation(result('ASSOC-LOGICAL-DEVICE-NAME', 'broken', 'text "DLM0000000001"'), SET);
    expect(broken.reported).to.equal('broken');
    expect(broken.deviation?.outcome).to.equal('mismatch');
  });

  it('matches a regular expression with its flags, and an entry with [association] only for that association', () => {
    expect(judgeDeviation(result('ASSOC-OBJECT-LIST[reader]', 'failed', 'The Object_List lists 0-0:40.0.0.255 twice'), SET).reported).to.equal(
      'expected-failure',
    );
    expect(judgeDeviation(result('ASSOC-OBJECT-LIST[public]', 'failed', 'The Object_List lists 0-0:40.0.0.255 twice'), SET).reported).to.equal('failed');
  });

  it('matches an id without [association] for every association, and globs over ids', () => {
    const set = parseDeviations('- { case: ASSOC-OBJECT-LIST, expect: { reason: x }, reference: r }\n', FILE);
    expect(findDeviation(set, 'ASSOC-OBJECT-LIST[public]', 'ASSOC-OBJECT-LIST')?.case).to.equal('ASSOC-OBJECT-LIST');
    expect(judgeDeviation(result('HDLC-FRAME-N8', 'inconclusive', 'a precondition step did not hold'), SET).reported).to.equal('expected-failure');
    expect(judgeDeviation(result('HDLC-FRAME-N8', 'failed', 'precondition'), SET).reported).to.equal('failed');
  });

  it('leaves cases without an entry, and inapplicable cases, as they are', () => {
    expect(judgeDeviation(result('OTHER', 'failed', 'x'), SET)).to.deep.include({ reported: 'failed' });
    const skipped = judgeDeviation(result('ASSOC-LOGICAL-DEVICE-NAME', 'inapplicable', 'no expect'), SET);
    expect(skipped.reported).to.equal('inapplicable');
    expect(skipped.deviation).to.equal(undefined);
    expect(judgeDeviation(result('ASSOC-LOGICAL-DEVICE-NAME', 'passed'), undefined).reported).to.equal('passed');
  });

  it('names the entries that match no case of the plan', () => {
    const planned = [{ id: 'ASSOC-LOGICAL-DEVICE-NAME', def: { id: 'ASSOC-LOGICAL-DEVICE-NAME' } }];
    expect(unusedDeviations(SET, planned).map((d) => d.case)).to.deep.equal(['ASSOC-OBJECT-LIST[reader]', 'HDLC-*']);
  });

  it('locates every mistake in the file', () => {
    const missing = thrownBy(ConfigError, () => parseDeviations('- case: A\n  expect: { reason: x }\n', FILE));
    expect([missing.code, missing.line, missing.col]).to.deep.equal(['CONFIG_MISSING_KEY', 1, 3]);
    expect(missing.expected).to.contain('reference');
    const status = thrownBy(ConfigError, () => parseDeviations('- case: A\n  expect: { status: passed, reason: x }\n  reference: r\n', FILE));
    expect([status.code, status.line, status.col]).to.deep.equal(['CONFIG_NOT_ALLOWED', 2, 21]);
    const regex = thrownBy(ConfigError, () => parseDeviations('- case: A\n  expect: { reason: "/(unclosed/" }\n  reference: r\n', FILE));
    expect([regex.code, regex.line, regex.col]).to.deep.equal(['DEVIATION_REGEX_BAD', 2, 21]);
    const dup = thrownBy(ConfigError, () =>
      parseDeviations('- { case: A, expect: { reason: x }, reference: r }\n- { case: A, expect: { reason: y }, reference: s }\n', FILE),
    );
    expect([dup.code, dup.line, dup.col]).to.deep.equal(['DEVIATION_DUPLICATE', 2, 11]);
    expect(dup.expected).to.contain(`${FILE}:1:3`);
    const notList = thrownBy(ConfigError, () => parseDeviations('case: A\n', FILE));
    expect(notList.code).to.equal('CONFIG_TYPE');
  });
});
