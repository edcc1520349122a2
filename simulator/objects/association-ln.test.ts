import { expect } from 'chai';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { toHex } from '../../dlms/bytes';
import { parseObis } from '../../dlms/cosem/obis';
import { contextFor } from '../../test/support/simulator/testing';
import { objectListElement } from './association-ln';
import { readAttribute } from './store';

const read = (attribute: number, association = 'public') =>
  readAttribute({ classId: 15, logicalName: parseObis('0-0:40.0.0.255'), attribute }, contextFor(association));

describe('association LN (class 15)', () => {
  it('encodes an object_list_element as the independent meter does', () => {
    // c_hdlc_none.trace (S2C, object list): 02 04 | 12 0001 | 11 00 | 09 06 00002A0000FF |
    // 02 02 | 01 02 (02 03 0F 01 16 01 00) (02 03 0F 02 16 01 00) | 01 00
    const element = objectListElement(
      {
        classId: 1,
        version: 0,
        logicalName: parseObis('0-0:42.0.0.255'),
        attributeAccess: [
          { id: 1, mode: 'read-only' },
          { id: 2, mode: 'read-only' },
        ],
        methodCount: 0,
      },
      false,
    );
    expect(toHex(encodeDataBytes(element))).to.equal('020412000111000906' + '00002A0000FF' + '0202010202030F0116010002030F021601000100');
  });

  it('reports the method access of version 0 as a boolean per method', () => {
    const element = objectListElement({ classId: 3, version: 0, logicalName: parseObis('1-0:1.8.0.255'), attributeAccess: [], methodCount: 1 }, true);
    if (element.type !== 'structure' || element.items[3]?.type !== 'structure') throw new Error();
    expect(element.items[3].items[1]).to.deep.equal({
      type: 'array',
      items: [
        {
          type: 'structure',
          items: [
            { type: 'integer', value: 1 },
            { type: 'boolean', value: true },
          ],
        },
      ],
    });
  });

  it('reports the negotiated conformance and PDU sizes in xDLMS_context_info', () => {
    const r = read(5);
    if (r.kind !== 'data' || r.data.type !== 'structure') throw new Error();
    // block-transfer-with-get-or-read (11), multiple-references (14), get (19), set (20),
    // selective-access (21): 00 12 1C.
    expect(r.data.items[0]).to.deep.equal({ type: 'bit-string', length: 24, bytes: Uint8Array.of(0x00, 0x12, 0x1c) });
    expect(r.data.items.slice(1, 4)).to.deep.equal([
      { type: 'long-unsigned', value: 1024 },
      { type: 'long-unsigned', value: 1024 },
      { type: 'unsigned', value: 6 },
    ]);
  });

  it('names the lowest mechanism for the public association', () => {
    // c_hdlc_none.trace line 169: 09 07 60857405080200.
    expect(read(6)).to.deep.equal({ kind: 'data', data: { type: 'octet-string', value: Uint8Array.of(0x60, 0x85, 0x74, 0x05, 0x08, 0x02, 0x00) } });
  });
});
