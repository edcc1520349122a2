import { expect } from 'chai';
import { globToRegExp } from './glob';

describe('suite and case globs', () => {
  it('takes {a,b} as either alternative, each a glob of its own', () => {
    const re = globToRegExp('{association,acceptance}/*');
    expect(['association/open', 'acceptance/golden-sample'].every((s) => re.test(s))).to.equal(true);
    expect(re.test('classes/clock')).to.equal(false);
    expect(globToRegExp('{association/logical-device,acceptance/*}').test('acceptance/golden-sample')).to.equal(true);
  });

  it('keeps a lone brace literal', () => {
    expect(globToRegExp('a{b').test('a{b')).to.equal(true);
  });
});
