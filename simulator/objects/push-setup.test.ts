import { expect } from 'chai';
import { parseObis } from '../../dlms/cosem/obis';
import { contextFor } from '../../test/support/simulator/testing';
import { invokeMethod, readAttribute } from './store';

const LN = parseObis('0-0:25.9.0.255');

describe('push setup (class 40)', () => {
  it('lists what it pushes as capture_object_definitions (Blue Book 4.4.8 push_object_list)', () => {
    const r = readAttribute({ classId: 40, logicalName: LN, attribute: 2 }, contextFor('public'));
    if (r.kind !== 'data' || r.data.type !== 'array') throw new Error('expected an array');
    expect(r.data.items).to.have.length(3);
    expect(r.data.items[0]).to.deep.equal({
      type: 'structure',
      items: [
        { type: 'long-unsigned', value: 40 },
        { type: 'octet-string', value: LN },
        { type: 'integer', value: 1 },
        { type: 'long-unsigned', value: 0 },
      ],
    });
  });

  it('reports send_destination_and_method as TCP, the destination text, A-XDR', () => {
    expect(readAttribute({ classId: 40, logicalName: LN, attribute: 3 }, contextFor('public'))).to.deep.equal({
      kind: 'data',
      data: {
        type: 'structure',
        items: [
          { type: 'enum', value: 0 },
          { type: 'octet-string', value: new TextEncoder().encode('127.0.0.1:4059') },
          { type: 'enum', value: 0 },
        ],
      },
    });
  });

  it('answers push with success and the notification body: one element per pushed attribute, in order', () => {
    const r = invokeMethod({ classId: 40, logicalName: LN, method: 1 }, { type: 'integer', value: 0 }, contextFor('management'));
    if (r.kind !== 'success' || !r.notify || r.notify.type !== 'structure') throw new Error('expected a structure to push');
    expect(r.notify.items[0]).to.deep.equal({ type: 'octet-string', value: LN });
    expect(r.notify.items[1]).to.deep.equal({ type: 'octet-string', value: new TextEncoder().encode('00000001') });
    expect(r.notify.items[2]?.type).to.equal('double-long-unsigned');
  });

  it('refuses push with a wrong parameter, and in a read-only association', () => {
    expect(invokeMethod({ classId: 40, logicalName: LN, method: 1 }, { type: 'long', value: 0 }, contextFor('management'))).to.deep.equal({
      kind: 'error',
      result: 'type-unmatched',
    });
    expect(invokeMethod({ classId: 40, logicalName: LN, method: 1 }, undefined, contextFor('public'))).to.deep.equal({
      kind: 'error',
      result: 'read-write-denied',
    });
  });
});
