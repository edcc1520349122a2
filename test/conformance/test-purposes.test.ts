/**
 * The DLMS UA test purpose ids our cases carry are the catalogue's, exactly (issue 8, item 9):
 * HDLC ids cite DLMS UA 1001-3, the others 1001-6, and no id outside the catalogue is used.
 * The catalogue is read relative to the repository (../shared/test-purposes.md); where it is
 * absent the check is skipped, with the reason.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findSuiteFiles, loadSuites } from '../../harness/suite/load';

const ROOT = path.resolve(__dirname, '../..');
const CATALOGUE = path.resolve(ROOT, process.env['DLMSCT_SHARED'] ?? '../shared', 'test-purposes.md');
const UA_ID = /^(HDLC|APPL|SYMSEC)_/;

/** Every id the catalogue's tables name, with "X_P1 / P2 / P3" and "X_1..3" spelled out. */
export function catalogueIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    const cell = /^\| ((?:HDLC|APPL|SYMSEC)_[A-Za-z0-9_]+)((?: ?\/ ?[A-Za-z0-9]+)*)(\.\.(\d+))? \|/.exec(line);
    if (!cell) continue;
    const first = cell[1]!;
    ids.add(first);
    const stem = first.replace(/[A-Za-z]*\d+$/, '');
    for (const more of (cell[2] ?? '')
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean))
      ids.add(stem + more);
    if (cell[4]) {
      const base = first.replace(/\d+$/, '');
      for (let i = Number(/\d+$/.exec(first)![0]); i <= Number(cell[4]); i++) ids.add(`${base}${i}`);
    }
  }
  return ids;
}

describe('DLMS UA test purpose ids', function () {
  this.timeout(60_000);
  it('tag cases only with ids of the catalogue, citing 1001-3 for HDLC and 1001-6 for the rest', function () {
    if (!fs.existsSync(CATALOGUE)) this.skip(); // the catalogue lives beside the repository (../shared), absent here
    const known = catalogueIds(fs.readFileSync(CATALOGUE, 'utf8'));
    expect(known.has('SYMSEC_0_Key_Tx_P3') && known.has('APPL_DATA_SN_N2') && known.has('SYMSEC_0_SecPol_3'), 'the catalogue parses').to.equal(true);
    const problems: string[] = [];
    for (const s of loadSuites(findSuiteFiles(path.join(ROOT, 'suites')))) {
      for (const c of s.cases) {
        for (const t of c.tags.filter((x) => UA_ID.test(x))) {
          if (!known.has(t)) problems.push(`${c.id}: ${t} is not in the catalogue`);
          const plan = t.startsWith('HDLC_') ? '1001-3' : '1001-6';
          if (!c.spec.includes(`DLMS UA ${plan}`) || !c.spec.includes(t)) problems.push(`${c.id}: spec does not cite DLMS UA ${plan} ${t}`);
        }
        if (/1001-7/.test(c.spec)) problems.push(`${c.id}: cites 1001-7 (the plan is 1001-6)`);
      }
    }
    expect(problems).to.deep.equal([]);
  });
});
