import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import type { TraceRecord } from '../dlms/trace';
import {
  addRemarkStatusDetails,
  EXCHANGES_SHOWN_WHEN_PASSED,
  REMARK_LABEL,
  remarkText,
  exchangeLines,
  exchanges,
  layerOf,
  shownExchanges,
} from './allure-case';

const rec = (at: number, dir: TraceRecord['dir'], summary: string): TraceRecord => ({
  at,
  dir,
  bytes: new Uint8Array(1),
  layers: [{ layer: 'apdu', summary }],
});

describe('exchanges', () => {
  it('pairs each request with its answer, appends follow-up frames and notes unanswered requests', () => {
    const trace = [
      rec(1, 'tx', 'AARQ'),
      rec(2, 'rx', 'AARE'),
      rec(3, 'tx', 'GET'),
      rec(4, 'rx', 'segment 1'),
      rec(5, 'rx', 'segment 2'),
      rec(6, 'tx', 'RLRQ'),
      rec(9, 'tx', 'late'),
    ];
    expect(exchanges(exchangeLines(trace), 0, 8)).to.deep.equal(['AARQ → AARE', 'GET → segment 1 + segment 2', 'RLRQ → (no answer)']);
  });

  it('puts an exchange in the step its request went out in, even when the answer is timed a hair after that step ended', () => {
    const lines = exchangeLines([
      rec(1, 'tx', 'GET 1'),
      rec(5.2, 'rx', 'answer 1'),
      rec(5.3, 'rx', 'segment 2'),
      rec(6, 'tx', 'GET 2'),
      rec(7, 'rx', 'answer 2'),
    ]);
    expect(exchanges(lines, 0, 5)).to.deep.equal(['GET 1 → answer 1 + segment 2']);
    expect(exchanges(lines, 5.1, 9)).to.deep.equal(['GET 2 → answer 2']);
  });

  it('shows a frame nobody asked for as unsolicited, at its own time', () => {
    expect(exchangeLines([rec(3, 'rx', 'event-notification')])).to.deep.equal([{ at: 3, text: '(unsolicited) → event-notification' }]);
  });

  it('lists a few exchanges per step of a passing case and says how many more the trace holds; every one when the case did not pass', () => {
    const many = Array.from({ length: EXCHANGES_SHOWN_WHEN_PASSED + 3 }, (_, i) => `RR ${i}`);
    const shown = shownExchanges(many, true);
    expect(shown.length).to.equal(EXCHANGES_SHOWN_WHEN_PASSED + 1);
    expect(shown[shown.length - 1]).to.equal('… 3 more exchanges: in the frame trace');
    expect(shownExchanges(many, false)).to.deep.equal(many);
    expect(shownExchanges(many.slice(0, 2), true)).to.deep.equal(many.slice(0, 2));
  });
});

describe('layerOf', () => {
  it('names the protocol layer of a suite folder, or the folder itself', () => {
    expect(layerOf('association/open')).to.equal('Application layer: association (ACSE)');
    expect(layerOf('misc/x')).to.equal('misc');
  });

  it('gives every shipped suite folder a title (none left as its bare folder name)', () => {
    const folders = fs.readdirSync(path.resolve(__dirname, '..', 'suites'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.length).to.be.greaterThan(0);
    for (const f of folders) expect(layerOf(`${f.name}/x`), f.name).to.not.equal(f.name);
  });
});

describe('addRemarkStatusDetails', () => {
  it('gives a result passed with remarks its remarks as the status details, and leaves other results alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-allure-'));
    const remarked = {
      status: 'passed',
      labels: [
        { name: 'verdict', value: 'passed-with-remarks' },
        { name: REMARK_LABEL, value: 'step 3: FRMR instead of discarding (docs/decisions/x.md)' },
      ],
    };
    const plain = { status: 'passed', labels: [{ name: 'verdict', value: 'passed' }] };
    fs.writeFileSync(path.join(dir, 'a-result.json'), JSON.stringify(remarked));
    fs.writeFileSync(path.join(dir, 'b-result.json'), JSON.stringify(plain));
    addRemarkStatusDetails(dir);
    const a = JSON.parse(fs.readFileSync(path.join(dir, 'a-result.json'), 'utf8')) as { status: string; statusDetails: { message: string } };
    expect(a.status).to.equal('passed');
    expect(a.statusDetails.message).to.equal('passed with remarks:\nstep 3: FRMR instead of discarding (docs/decisions/x.md)');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'b-result.json'), 'utf8'))).to.deep.equal(plain);
  });

  it('words a remark with its step and clause', () => {
    expect(remarkText({ text: 'no-reason-given', clause: 'c', step: 0 })).to.equal('step 1: no-reason-given (c)');
    expect(remarkText({ text: 'teardown', clause: 'c' })).to.equal('teardown (c)');
  });
});
