import { expect } from 'chai';
import { classById } from '../../dlms/cosem/catalogue/catalogue';
import { methodsListedAsDefined } from './object-walk';

const ids = (...n: number[]) => n.map((id) => ({ id }));

describe('object walk: the methods an object list names for a class version', () => {
  const associationSn = classById(12, 2)!;

  it('accepts the class version’s own methods, and those with the reserved rows below the highest index (Association SN v2: 1..8)', () => {
    expect(methodsListedAsDefined(ids(3, 4, 5, 6, 8), associationSn)).to.equal(true);
    // The Gurux meter lists 1..8: methods 1, 2 and 7 are "reserved from previous versions".
    expect(methodsListedAsDefined(ids(1, 2, 3, 4, 5, 6, 7, 8), associationSn)).to.equal(true);
  });

  it('refuses a list that lacks a method, goes past the highest one or names a reserved row without the others', () => {
    expect(methodsListedAsDefined(ids(3, 4, 5, 6), associationSn)).to.equal(false);
    expect(methodsListedAsDefined(ids(1, 2, 3, 4, 5, 6, 7, 8, 9), associationSn)).to.equal(false);
    expect(methodsListedAsDefined(ids(1, 3, 4, 5, 6, 8), associationSn)).to.equal(false);
  });
});
