import { expect } from 'chai';
import { classesCommand } from './classes';
import { main } from './main';
import type { Io } from './io';

function capture(): Io & { text: () => string; errors: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => (out += t), err: (t) => (err += t), text: () => out, errors: () => err };
}

describe('dlmsct classes', () => {
  it('prints every class with its clause, typed attributes and methods, then the coverage', async () => {
    const io = capture();
    expect(await main(['classes'], io)).to.equal(0);
    expect(io.text()).to.match(/^Clock \(8\) v0 {2}Blue Book 4\.5\.1$/m);
    expect(io.text()).to.match(/^ {2}attribute {2}9 clock_base: enum\[0\.\.5\] \(static\)$/m);
    expect(io.text()).to.match(/^ {2}method {5}6 shift_time\(long\)$/m);
    expect(io.text()).to.match(/^\d+ class ids, \d+ class versions, \d+ attributes, \d+ methods\n$/m);
  });

  it('prints one class as JSON on request, and refuses a class id that is not a number', async () => {
    const io = capture();
    expect(await classesCommand(['--json', '--class', '15'], io)).to.equal(0);
    const doc = JSON.parse(io.text()) as { coverage: { classIds: number }; classes: { classId: number; version: number }[] };
    expect(doc.classes.map((c) => `${c.classId}/${c.version}`)).to.deep.equal(['15/0', '15/1', '15/2', '15/3']);
    expect(doc.coverage.classIds).to.be.at.least(80);
    const bad = capture();
    expect(await main(['classes', '--class', 'clock'], bad)).to.equal(2);
    expect(bad.errors()).to.contain('--class expects a class id');
  });
});
