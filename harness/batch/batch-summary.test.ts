import { expect } from 'chai';
import { buildSummary } from '../../reports/summary';
import { batchDevice, batchExitCode, batchTable, buildBatchSummary } from './batch-summary';
import type { DeviceRow } from './devices';
import type { DeviceRun } from './run-device';

const row = (id: string, extra: Partial<DeviceRow> = {}): DeviceRow => ({ id, secrets: [], place: { file: 'd.csv', line: 2, col: 1 }, places: {}, ...extra });

function ran(
  statuses: { id: string; status: 'passed' | 'failed' | 'broken' | 'inconclusive'; reported?: 'expected-failure' | 'unexpected-pass' }[],
  exitCode = 0,
  deviations?: string,
): DeviceRun {
  const summary = buildSummary(
    statuses.map((s) => ({ ...s, title: 't', suite: 's', durationMs: 1 })),
    deviations ? { deviations } : {},
  );
  return { kind: 'ran', target: 'tcp 192.0.2.1:4059', results: [], summary, exitCode };
}

const META = { profile: 'p.yaml', devicesFile: 'd.csv', mode: 'standard' as const, deviations: null };

describe('batch summary', () => {
  it('accepts a meter with no failed or broken case, inconclusive ones counted but not rejecting', () => {
    const d = batchDevice(
      row('m1', { serial: '0001' }),
      ran([
        { id: 'A', status: 'passed' },
        { id: 'B', status: 'inconclusive' },
      ]),
      'm1',
    );
    expect(d).to.deep.include({ id: 'm1', serial: '0001', label: null, verdict: 'accepted', reason: null, results: 'm1', target: 'tcp 192.0.2.1:4059' });
  });

  it('rejects a meter with a failed or broken case or a stale deviation, naming the first cases', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ id: `C${i}`, status: 'failed' as const }));
    const d = batchDevice(row('m2'), ran([{ id: 'A', status: 'broken' }, ...many], 1), 'm2');
    expect(d.verdict).to.equal('rejected');
    expect(d.reason).to.equal('A (broken), C0 (failed), C1 (failed), C2 (failed), C3 (failed) and 3 more');
    const stale = batchDevice(row('m3'), ran([{ id: 'A', status: 'passed', reported: 'unexpected-pass' }], 1), 'm3');
    expect(stale.verdict).to.equal('rejected');
    const known = batchDevice(row('m4'), ran([{ id: 'A', status: 'failed', reported: 'expected-failure' }]), 'm4');
    expect(known.verdict).to.equal('accepted');
  });

  it('marks a meter unreachable when the probe failed or every case broke on the link', () => {
    const probe = batchDevice(
      row('m5'),
      { kind: 'unreachable', target: 'serial /dev/ttyUSB3', message: 'device unreachable at serial /dev/ttyUSB3: ENOENT' },
      'm5',
    );
    expect(probe).to.deep.include({ verdict: 'unreachable', totals: null, results: null, reason: 'device unreachable at serial /dev/ttyUSB3: ENOENT' });
    expect(batchDevice(row('m6'), ran([{ id: 'A', status: 'broken' }], 3), 'm6').verdict).to.equal('unreachable');
  });

  it('exits 0 when every meter is accepted, 3 when every one is unreachable, 1 otherwise', () => {
    const ok = batchDevice(row('a'), ran([{ id: 'A', status: 'passed' }]), 'a');
    const gone = batchDevice(row('b'), { kind: 'unreachable', target: 't', message: 'm' }, 'b');
    expect(batchExitCode(buildBatchSummary(META, [ok, ok]))).to.equal(0);
    expect(batchExitCode(buildBatchSummary(META, [gone, gone]))).to.equal(3);
    expect(batchExitCode(buildBatchSummary(META, [ok, gone]))).to.equal(1);
  });

  it('prints one aligned row per meter, the reasons, and a plain last line; deviation columns only when deviations were used', () => {
    const a = batchDevice(row('m-0001', { serial: '0001', label: 'feeder 3' }), ran([{ id: 'A', status: 'passed' }]), 'm-0001');
    const b = batchDevice(row('m-0002'), { kind: 'unreachable', target: 't', message: 'device unreachable at t: ECONNREFUSED' }, 'm-0002');
    expect(batchTable(buildBatchSummary(META, [a, b]))).to.equal(
      [
        'device  serial/label   passed  failed  inconclusive  inapplicable  broken  verdict',
        'm-0001  0001 feeder 3       1       0             0             0       0  accepted',
        'm-0002  -                   -       -             -             -       -  unreachable',
        '',
        'm-0002: unreachable: device unreachable at t: ECONNREFUSED',
        '',
        '1 accepted, 0 rejected, 1 unreachable',
        '',
      ].join('\n'),
    );
    const x = batchDevice(row('m-0003'), ran([{ id: 'A', status: 'failed', reported: 'expected-failure' }], 0, 'known.yaml'), 'm-0003');
    expect(batchTable(buildBatchSummary({ ...META, deviations: 'known.yaml' }, [x])).split('\n')[0]).to.equal(
      'device  serial/label  passed  failed  inconclusive  inapplicable  broken  expected-failure  unexpected-pass  verdict',
    );
  });
});
