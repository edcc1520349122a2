import { expect } from 'chai';
import { parseObis } from '../../dlms/cosem/obis';
import { contextFor } from '../../test/support/simulator/testing';
import { objectListFor, readAttribute, visibleTo } from './store';
import { DEFAULT } from '../../test/support/simulator/testing';

const ln = (text: string) => parseObis(text);

describe('object store', () => {
  it('answers attribute 1 with the logical name of every class', () => {
    const r = readAttribute({ classId: 3, logicalName: ln('1-0:1.8.0.255'), attribute: 1 }, contextFor('public'));
    expect(r).to.deep.equal({ kind: 'data', data: { type: 'octet-string', value: Uint8Array.of(1, 0, 1, 8, 0, 255) } });
  });

  it('answers object-undefined for a logical name the meter does not have', () => {
    const r = readAttribute({ classId: 3, logicalName: ln('1-0:99.99.0.255'), attribute: 2 }, contextFor('public'));
    expect(r).to.deep.equal({ kind: 'error', result: 'object-undefined' });
  });

  it('answers object-class-inconsistent when the class id does not match the object', () => {
    const r = readAttribute({ classId: 4, logicalName: ln('1-0:1.8.0.255'), attribute: 2 }, contextFor('public'));
    expect(r).to.deep.equal({ kind: 'error', result: 'object-class-inconsistent' });
  });

  it('answers object-undefined for an attribute the class does not have', () => {
    const r = readAttribute({ classId: 3, logicalName: ln('1-0:1.8.0.255'), attribute: 4 }, contextFor('public'));
    expect(r).to.deep.equal({ kind: 'error', result: 'object-undefined' });
  });

  it('denies reading the association secret in every association', () => {
    for (const name of ['public', 'management']) {
      const r = readAttribute({ classId: 15, logicalName: ln('0-0:40.0.0.255'), attribute: 7 }, contextFor(name));
      expect(r).to.deep.equal({ kind: 'error', result: 'read-write-denied' });
    }
  });

  it('grants the public association read-only access and the management association read-write', () => {
    const access = (name: string) => {
      const entry = objectListFor(
        DEFAULT.objects,
        DEFAULT.associations.find((a) => a.name === name)!,
      ).find((e) => e.classId === 3)!;
      return entry.attributeAccess.map((a) => a.mode);
    };
    expect(access('public')).to.deep.equal(['read-only', 'read-only', 'read-only']);
    expect(access('management')).to.deep.equal(['read-only', 'read-and-write', 'read-only']);
  });

  it('lists every object of the meter in the object list of each association', () => {
    const publicList = objectListFor(DEFAULT.objects, DEFAULT.associations[0]!);
    // Every object but the ones kept for other associations (the SN association's own Association SN).
    expect(publicList).to.have.length(DEFAULT.objects.filter((o) => visibleTo(o, DEFAULT.associations[0]!)).length);
  });
});
