import { expect } from 'chai';
import type { Data } from '../../dlms/axdr/data';
import { ExpectationFailure } from '../engine/verdict';
import { matchesClass, objectsOf, readAccess } from './object-list';

const attr = (id: number, mode: number, selectors?: number[]): Data => ({
  type: 'structure',
  items: [
    { type: 'integer', value: id },
    { type: 'enum', value: mode },
    selectors ? { type: 'array', items: selectors.map((v): Data => ({ type: 'integer', value: v })) } : { type: 'null-data' },
  ],
});
const entry = (classId: number, ln: number[], attrs: Data[], version = 0): Data => ({
  type: 'structure',
  items: [
    { type: 'long-unsigned', value: classId },
    { type: 'unsigned', value: version },
    { type: 'octet-string', value: Uint8Array.from(ln) },
    {
      type: 'structure',
      items: [
        { type: 'array', items: attrs },
        { type: 'array', items: [] },
      ],
    },
  ],
});
const LIST: Data = {
  type: 'array',
  items: [
    entry(15, [0, 0, 40, 0, 0, 255], [attr(1, 1)], 2),
    entry(1, [0, 0, 42, 0, 0, 255], [attr(1, 1), attr(2, 1)]),
    entry(7, [1, 0, 99, 1, 0, 255], [attr(1, 1), attr(2, 1, [1, 2])], 1),
  ],
};

describe('object list → objects', () => {
  it('reads class, version, logical name and each attribute access with its selectors', () => {
    const objects = objectsOf(LIST);
    expect(objects.map((o) => `${o.obis} ${o.classId} v${o.version}`)).to.deep.equal(['0-0:40.0.0.255 15 v2', '0-0:42.0.0.255 1 v0', '1-0:99.1.0.255 7 v1']);
    expect(objects[2]?.attributes).to.deep.equal([
      { id: 1, mode: 1, selectors: [] },
      { id: 2, mode: 1, selectors: [1, 2] },
    ]);
  });

  it('refuses a malformed list with the object-list rule', () => {
    expect(() => objectsOf({ type: 'array', items: [] })).to.throw(ExpectationFailure);
  });

  it('tells plain, protected and no read access apart, by the association version', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((m) => readAccess(0, m))).to.deep.equal(['none', 'plain', 'none', 'plain', 'protected', 'none', 'protected']);
    expect([0, 1, 2, 3, 5, 7].map((m) => readAccess(3, m))).to.deep.equal(['none', 'plain', 'none', 'plain', 'protected', 'protected']);
  });

  it('matches a class filter of one id, a list, or none', () => {
    expect([matchesClass(3, 3), matchesClass([3, 4], 4), matchesClass([3, 4], 5), matchesClass(undefined, 99)]).to.deep.equal([true, true, false, true]);
  });
});
