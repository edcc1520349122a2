import { expect } from 'chai';
import type { Data } from '../../dlms/axdr/data';
import { ExpectationFailure } from '../engine/verdict';
import { checkObjectList } from './check-object-list';

const entry = (classId: number, ln: number[], version = 0): Data => ({
  type: 'structure',
  items: [
    { type: 'long-unsigned', value: classId },
    { type: 'unsigned', value: version },
    { type: 'octet-string', value: Uint8Array.from(ln) },
    {
      type: 'structure',
      items: [
        { type: 'array', items: [] },
        { type: 'array', items: [] },
      ],
    },
  ],
});
const SELF = entry(15, [0, 0, 40, 0, 0, 255], 3);
const LDN = entry(1, [0, 0, 42, 0, 0, 255]);
const CLOCK = entry(8, [0, 0, 1, 0, 0, 255]);

function failureOf(list: Data): ExpectationFailure {
  try {
    checkObjectList(list);
  } catch (e) {
    if (e instanceof ExpectationFailure) return e;
    throw e;
  }
  throw new Error('expected an ExpectationFailure');
}

describe('checkObjectList', () => {
  it('accepts a well-formed list holding the current association and the logical device name', () => {
    expect(checkObjectList({ type: 'array', items: [SELF, LDN, CLOCK] }).map((e) => e.obis)).to.deep.equal([
      '0-0:40.0.0.255',
      '0-0:42.0.0.255',
      '0-0:1.0.0.255',
    ]);
  });

  it('names both places of a logical name listed twice', () => {
    const e = failureOf({ type: 'array', items: [SELF, LDN, SELF] });
    expect(e.rule).to.contain('4.4.4');
    expect(e.actual).to.equal('0-0:40.0.0.255 at object_list[0] and object_list[2]');
  });

  it('requires the current association and the logical device name objects', () => {
    expect(failureOf({ type: 'array', items: [LDN, CLOCK] }).expected).to.contain('0-0:40.0.0.255');
    expect(failureOf({ type: 'array', items: [SELF, CLOCK] }).expected).to.contain('0-0:42.0.0.255');
  });

  it('states the element rule that a malformed entry breaks', () => {
    const shortName = entry(1, [0, 0, 42, 0, 0]);
    expect(failureOf({ type: 'array', items: [SELF, shortName] }).expected).to.equal('object_list[1].logical_name: octet-string of 6 bytes');
    const ldnFields = LDN.type === 'structure' ? LDN.items : [];
    const badClass: Data = { type: 'structure', items: [{ type: 'unsigned', value: 1 }, ...ldnFields.slice(1)] };
    expect(failureOf({ type: 'array', items: [badClass] }).expected).to.equal('object_list[0].class_id: long-unsigned');
    expect(failureOf({ type: 'structure', items: [] }).expected).to.equal('an array of object_list_element');
  });
});
