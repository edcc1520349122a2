import { expect } from 'chai';
import { classById, classVersions } from './catalogue';
import { FIRST_METHOD_OFFSET, methodNameOffset, SHORT_NAME_STEP } from './sn-method-offsets';

describe('short names of methods (Blue Book short-name tables)', () => {
  it('puts method m at the class first-method offset + 8·(m − 1): Register reset x + 0x28, Clock shift_time x + 0x88, Demand register next_period x + 0x50', () => {
    expect(methodNameOffset(3, 0, 1)).to.deep.equal({ kind: 'known', offset: 0x28 });
    expect(methodNameOffset(8, 0, 6)).to.deep.equal({ kind: 'known', offset: 0x88 });
    expect(methodNameOffset(5, 0, 2)).to.deep.equal({ kind: 'known', offset: 0x50 });
  });

  it('names an undefined method index where it would be, so a meter can be asked about it', () => {
    expect(methodNameOffset(3, 0, 2)).to.deep.equal({ kind: 'known', offset: 0x30 });
  });

  it('says the offset of a class it does not list is unknown, with the class', () => {
    expect(methodNameOffset(1, 0, 1)).to.deep.equal({ kind: 'unknown', reason: 'SN method offset of class 1 unknown' });
  });

  it('says the offset is unknown for a version whose attributes reach the listed offset (Push setup v1: 10 attributes)', () => {
    const r = methodNameOffset(40, 1, 1);
    expect(r.kind).to.equal('unknown');
    expect(methodNameOffset(40, 0, 1)).to.deep.equal({ kind: 'known', offset: 0x38 });
  });

  it('lists only classes with methods, each offset a multiple of 8 past the attributes of the class first version', () => {
    for (const [classId, first] of FIRST_METHOD_OFFSET) {
      const oldest = classVersions(classId)[0];
      expect(oldest, `class ${classId}`).to.not.equal(undefined);
      expect(classById(classId)!.methods.length, `class ${classId} methods`).to.be.greaterThan(0);
      expect(first % SHORT_NAME_STEP, `class ${classId}`).to.equal(0);
      expect(first, `class ${classId}`).to.be.at.least(oldest!.attributes.length * SHORT_NAME_STEP);
    }
  });
});
