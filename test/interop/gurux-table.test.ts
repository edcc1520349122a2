import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffTable, draftTable, findingIds, formatChanges, loadTable, tableProblems, type Table } from './gurux-table';

const table: Table = {
  hdlc: {
    'A-OPEN': { verdict: 'passed' },
    'A-RELEASE': { verdict: 'failed', defect: 'RLRE lengths short', clause: 'ISO/IEC 8825-1 8.1.3', evidence: '63 11 80 01 00 BE 0F …' },
    'A-LLS': { verdict: 'inapplicable', reason: 'no LLS association' },
  },
  wrapper: {},
  'sn-hdlc': {},
};

describe('the interop verdict table', () => {
  it('accepts entries that name the defect, clause and evidence, or the reason', () => {
    expect(tableProblems(table, new Set())).to.deep.equal([]);
  });

  it('refuses a failure without evidence, an inapplicable without reason, a broken verdict and an unknown finding', () => {
    const bad: Table = {
      hdlc: {
        X: { verdict: 'failed', defect: 'd', clause: 'c' },
        Y: { verdict: 'inapplicable' },
        Z: { verdict: 'broken', reason: 'r' },
        W: { verdict: 'failed', finding: 'F9', reason: 'r' },
        V: { verdict: 'passd' },
      },
      wrapper: {},
      'sn-hdlc': {},
    };
    const problems = tableProblems(bad, new Set(['F1']));
    expect(problems.join('\n'))
      .to.match(/hdlc X: .*evidence/)
      .and.match(/hdlc Y: .*reason/)
      .and.match(/hdlc Z: a broken verdict/)
      .and.match(/hdlc W: finding F9/)
      .and.match(/hdlc V: verdict "passd"/);
  });

  it('reads finding ids from the findings file headings', () => {
    expect([...findingIds('# Findings\n## F1 Teardown\ntext\n### F12 Other\n## Not one\n')]).to.deep.equal(['F1', 'F12']);
  });

  it('reports a changed verdict, a new case, a case no longer run and a crash that appeared', () => {
    const changes = diffTable(table, 'hdlc', [
      { id: 'A-OPEN', verdict: 'failed', reason: 'expected X, got Y', crashed: false },
      { id: 'A-RELEASE', verdict: 'failed', crashed: true },
      { id: 'A-NEW', verdict: 'passed', crashed: false },
    ]);
    expect(changes.map((c) => `${c.kind} ${c.id}`)).to.deep.equal(['changed A-OPEN', 'changed A-RELEASE', 'new A-NEW', 'gone A-LLS']);
    const text = formatChanges(changes);
    expect(text).to.contain('changed hdlc A-OPEN: table passed → now failed').and.contain('now: expected X, got Y');
    expect(text).to.contain('table failed → now failed (meter crashed)').and.contain('table said: RLRE lengths short');
  });

  it('drafts a table that keeps reviewed entries and marks changed ones for review', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-table-'));
    try {
      const file = path.join(dir, 't.yaml');
      fs.writeFileSync(
        file,
        draftTable(table, {
          hdlc: [
            { id: 'A-RELEASE', verdict: 'failed', crashed: false },
            { id: 'A-OPEN', verdict: 'inconclusive', reason: 'r', crashed: false },
          ],
          wrapper: [],
          'sn-hdlc': [],
        }),
      );
      const draft = loadTable(file);
      expect(draft.hdlc['A-RELEASE']).to.deep.equal(table.hdlc['A-RELEASE']);
      expect(draft.hdlc['A-OPEN']).to.include({ verdict: 'inconclusive', review: 'was passed' });
      expect(tableProblems(draft, new Set()).join('\n')).to.contain('hdlc A-OPEN: still marked for review');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
