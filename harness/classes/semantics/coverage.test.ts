import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOGUE } from '../../../dlms/cosem/catalogue/catalogue';
import { FAULTS } from '../../../simulator/faults';
import { SEMANTICS } from '.';

const RECORD = path.join(__dirname, '..', '..', '..', 'docs', 'decisions', 'class-rules.md');

/** The class ids a list such as `1, 3, 50–53, 55–59` names. */
function idsOf(text: string): number[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .flatMap((t) => {
      const m = /^(\d+)(?:\s*[–-]\s*(\d+))?/.exec(t);
      if (!m) return [];
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
}

describe('class rules coverage', () => {
  const record = fs.readFileSync(RECORD, 'utf8');
  const catalogued = [...new Set(CATALOGUE.map((c) => c.classId))];
  const ruled = Object.keys(SEMANTICS).map(Number);

  it('judges only catalogued classes, and prints which class ids have rules', () => {
    expect(ruled.filter((id) => !catalogued.includes(id))).to.deep.equal([]);
    // Printed on purpose: the coverage of the class rules is what issue 10 asks to see.
    console.log(`      class rules: ${ruled.length} of ${catalogued.length} class ids (${ruled.join(', ')})`);
  });

  it('lists in docs/decisions/class-rules.md exactly the classes that have rules', () => {
    const m = /Classes with rules: ([\d,\s]+)\(/.exec(record);
    expect(m, 'the "Classes with rules:" line').to.not.equal(null);
    expect(idsOf(m![1]!).sort((a, b) => a - b)).to.deep.equal([...ruled].sort((a, b) => a - b));
  });

  it('gives every catalogued class without rules a reason in the type-only table', () => {
    const table = record.slice(record.indexOf('**Type only**'), record.indexOf('**Unknown classes**'));
    const explained = new Set(table.split('\n').flatMap((l) => (l.startsWith('| ') && /^\| \d/.test(l) ? idsOf(l.slice(2, l.indexOf(' |', 2))) : [])));
    expect(catalogued.filter((id) => !ruled.includes(id) && !explained.has(id))).to.deep.equal([]);
  });

  it('names in the record a simulator fault that exists for every rule row', () => {
    const known = new Set(FAULTS.map((f) => f.name));
    const named = [...record.matchAll(/\| ([a-z0-9]+(?:-[a-z0-9]+)+) \|$/gm)].map((m) => m[1]!);
    expect(named.length).to.be.greaterThan(40);
    expect(named.filter((f) => !known.has(f))).to.deep.equal([]);
  });
});
