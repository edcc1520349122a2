import { expect } from 'chai';
import { associatedCase, runCasesText } from '../../test/support/harness/simulator-run';

const CASE = (select: string) => associatedCase(`T-${select.toUpperCase()}`, `      - check.buffer-selection: { obis: 1-0:99.1.0.255, select: ${select} }\n`);

const ALL = ['range', 'range-columns', 'range-empty', 'entry', 'entry-columns'];

describe('check.buffer-selection', () => {
  it('holds for every selection against the clean simulator', async () => {
    for (const select of ALL) {
      const [r] = await runCasesText(CASE(select));
      expect(r?.status, `${select}: ${r?.reason}`).to.equal('passed');
    }
  });

  it('fails a range that returns the whole buffer, saying how many rows came', async () => {
    const [r] = await runCasesText(CASE('range'), ['range-selector-ignored']);
    expect(r?.status).to.equal('failed');
    expect(r?.reason).to.contain('selector 1 range_descriptor').and.contain('4 rows').and.contain('got 96 rows');
  });

  it('fails entries served one later than asked', async () => {
    const [r] = await runCasesText(CASE('entry'), ['entry-selector-off-by-one']);
    expect(r?.status).to.equal('failed');
    expect(r?.reason).to.contain('entries 2..5');
  });

  it('is inapplicable for a buffer the object list does not list', async () => {
    const [r] = await runCasesText(CASE('entry').replace('1-0:99.1.0.255', '1-0:99.2.0.255'));
    expect(r?.status).to.equal('inapplicable');
  });
});
