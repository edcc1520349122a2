import { expect } from 'chai';
import type { CosemObject } from '../classes/object-list';
import { attributeCandidates, methodTarget, otherValue, undefinedMethodTarget } from './targets';

function object(obis: string, classId: number, modes: readonly number[], methods: readonly number[] = []): CosemObject {
  return {
    classId,
    version: 0,
    obis,
    logicalName: new Uint8Array(6),
    attributes: modes.map((mode, i) => ({ id: i + 1, mode, selectors: [] })),
    methods: methods.map((mode, i) => ({ id: i + 1, mode })),
  };
}

describe('targets found in the object list', () => {
  it('offers a neighbouring value of the same type and size, inside the type range', () => {
    expect(otherValue({ type: 'long-unsigned', value: 7 })).to.deep.equal({ type: 'long-unsigned', value: 8 });
    expect(otherValue({ type: 'unsigned', value: 255 })).to.deep.equal({ type: 'unsigned', value: 254 });
    expect(otherValue({ type: 'boolean', value: true })).to.deep.equal({ type: 'boolean', value: false });
    expect(otherValue({ type: 'octet-string', value: Uint8Array.of(1, 2) })).to.deep.equal({ type: 'octet-string', value: Uint8Array.of(1, 3) });
    expect(otherValue({ type: 'visible-string', value: 'A0' })).to.deep.equal({ type: 'visible-string', value: 'A1' });
  });

  it('offers no value where another may mean something else or there is nothing to change', () => {
    expect(otherValue({ type: 'enum', value: 1 })).to.equal(undefined);
    expect(otherValue({ type: 'octet-string', value: new Uint8Array(0) })).to.equal(undefined);
    expect(otherValue({ type: 'structure', items: [] })).to.equal(undefined);
  });

  it('writes only attributes with plain read and write access, never a measurement, the identity or logical_name, Data objects first', () => {
    const objects = [
      object('1-0:1.8.0.255', 3, [1, 3, 3]), // register value: a measurement
      object('0-0:42.0.0.255', 1, [1, 3]), // logical device name: the identity
      object('0-0:22.0.0.255', 23, [1, 3, 1]),
      object('0-0:96.50.0.255', 1, [1, 3]),
    ];
    const found = attributeCandidates(objects, 1, { kind: 'writable' }).map((c) => `${c.object.obis}/${c.attribute}`);
    expect(found).to.deep.equal(['0-0:96.50.0.255/2', '0-0:22.0.0.255/2']);
  });

  it('takes read-only attributes other than logical_name', () => {
    const found = attributeCandidates([object('0-0:96.50.0.255', 1, [1, 1]), object('0-0:22.0.0.255', 23, [1, 3])], 1, { kind: 'read-only' });
    expect(found.map((c) => `${c.object.obis}/${c.attribute}`)).to.deep.equal(['0-0:96.50.0.255/2']);
  });

  it('finds a method with plain access, and an index past those the class defines', () => {
    const disconnector = object('0-0:96.3.10.255', 70, [1, 1, 1, 3], [1, 1]);
    expect(methodTarget([object('0-0:96.3.11.255', 70, [1], [0, 1]), disconnector], 1, { kind: 'method', class: 70, methods: [1, 2] })).to.equal(disconnector);
    expect(undefinedMethodTarget([object('0-0:40.0.0.255', 15, [1]), disconnector], { kind: 'undefined-method' })).to.deep.equal({
      object: disconnector,
      method: 3,
    });
  });
});
