import { expect } from 'chai';
import type { Io } from '../cli/io';
import type { BatchDevice } from './batch-summary';
import { batchProgress } from './batch-progress';

const device = (id: string, verdict: BatchDevice['verdict'], reason: string | null = null): BatchDevice => ({
  id,
  serial: null,
  label: null,
  target: 't',
  verdict,
  reason,
  totals:
    verdict === 'unreachable'
      ? null
      : {
          passed: 3,
          'passed-with-remarks': 0,
          failed: verdict === 'rejected' ? 1 : 0,
          inconclusive: 0,
          inapplicable: 1,
          broken: 0,
          'expected-failure': 0,
          'unexpected-pass': 0,
        },
  results: id,
});

function capture(tty: boolean): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { out: (t) => (out += t), err: (t) => (err += t), tty }, out: () => out, err: () => err };
}

describe('batch progress', () => {
  it('prints one plain line per finished meter when not on a terminal, and draws nothing', () => {
    const c = capture(false);
    const p = batchProgress(c.io, 2);
    p.started('m-1');
    p.started('m-2');
    p.finished(device('m-2', 'rejected', 'X-1 (failed)'));
    p.finished(device('m-1', 'accepted'));
    p.end();
    expect(c.out()).to.equal('m-2: rejected (3 passed, 1 failed, 1 inapplicable): X-1 (failed)\nm-1: accepted (3 passed, 1 inapplicable)\n');
    expect(c.err()).to.equal('');
  });

  it('redraws a live table in place on a terminal: counts, meters running, the last ones finished', () => {
    const c = capture(true);
    const p = batchProgress(c.io, 3);
    p.started('m-1');
    p.started('m-2');
    p.finished(device('m-1', 'unreachable', 'connect ECONNREFUSED'));
    const last = c.err().split('\x1b[3A').pop()!;
    expect(last).to.contain('batch: 1/3 done — 0 accepted, 0 rejected, 1 unreachable');
    expect(last).to.contain('running: m-2');
    expect(last).to.match(/m-1 +unreachable +connect ECONNREFUSED/);
    expect(c.out()).to.equal('');
  });
});
