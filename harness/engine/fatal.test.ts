import { expect } from 'chai';
import type { PlannedCase } from './plan';
import type { CaseResult } from './result';
import { fatalWatch } from './fatal';

const planned = (id: string): PlannedCase =>
  ({ id, def: { id, title: id, suite: 's', spec: 'clause', requirement: 'r', tags: [], detects: [], steps: [] } }) as unknown as PlannedCase;

function result(id: string, status: CaseResult['status'], answered: boolean): CaseResult {
  const trace: CaseResult['trace'] = [
    { at: 0, dir: 'tx', bytes: new Uint8Array([0x7e]), layers: [] },
    ...(answered ? [{ at: 1, dir: 'rx' as const, bytes: new Uint8Array([0x00]), layers: [] }] : []),
  ];
  return {
    id,
    caseId: id,
    title: id,
    suite: 's',
    spec: 'c',
    requirement: 'r',
    tags: [],
    detects: [],
    associations: [],
    remarks: [],
    status,
    durationMs: 1,
    steps: [],
    trace,
  };
}

describe('the fatal-failure policy', () => {
  it('stops after N consecutive cases without a byte from the meter, naming the first', () => {
    const w = fatalWatch({ kind: 'stop', after: 2 });
    w.observe(result('A', 'failed', true));
    w.observe(result('B', 'broken', false));
    expect(w.preempt(planned('X'))).to.equal(undefined);
    w.observe(result('C', 'broken', false));
    const r = w.preempt(planned('D'))!;
    expect(r).to.deep.include({ id: 'D', status: 'broken', culprit: 'rig', code: 'DUT_NOT_ANSWERING' });
    expect(r.reason).to.match(/^meter not answering since case B /);
    expect(r.trace).to.have.length(1);
  });

  it('starts counting again when the meter answers anything, even garbage, and ignores inapplicable cases', () => {
    const w = fatalWatch({ kind: 'stop', after: 2 });
    w.observe(result('A', 'broken', false));
    w.observe(result('B', 'broken', true));
    w.observe(result('C', 'broken', false));
    w.observe(result('I', 'inapplicable', false));
    expect(w.preempt(planned('D'))).to.equal(undefined);
  });

  it('never stops with continue', () => {
    const w = fatalWatch({ kind: 'continue' });
    for (const id of ['A', 'B', 'C', 'D', 'E']) w.observe(result(id, 'broken', false));
    expect(w.preempt(planned('F'))).to.equal(undefined);
  });
});
