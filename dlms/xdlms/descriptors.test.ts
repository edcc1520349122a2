import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromHex, toHex } from '../bytes';
import { EncodeError } from '../axdr/encode-error';
import { arbAttributeWithSelection, arbMethod } from '../../test/support/dlms/xdlms/arbitrary';
import {
  decodeAttributeWithSelection,
  decodeMethodDescriptor,
  encodeAttributeDescriptor,
  encodeAttributeWithSelection,
  encodeMethodDescriptor,
} from './descriptors';
import { obis } from '../../test/support/dlms/xdlms/test-support';

describe('COSEM descriptors', () => {
  it('decodes the attribute descriptor with selective access of the recorded profile read (c_hdlc_none.trace line 796)', () => {
    // 0007 class 7 (profile generic), 0100636200FF 1-0:99.98.0.255, 02 attribute 2, 01 access selection present,
    // 01 selector 1 (range), 0204 the range descriptor: restricting object, from, to, selected values (empty array)
    const hex = '0007 0100636200FF 02 01 01 0204 0204120008090600000100 00FF0F02120000 090C07EA0B180200000000000000 090C07EA0B1802120A1B00000000 0100';
    const r = new ByteReader(fromHex(hex));
    const v = decodeAttributeWithSelection(r);
    expect(r.done).to.equal(true);
    expect(v.attribute).to.deep.equal({ classId: 7, instanceId: obis('1-0:99.98.0.255'), attributeId: 2 });
    expect(v.accessSelection?.accessSelector).to.equal(1);
    expect(v.accessSelection?.accessParameters.type).to.equal('structure');
    const w = new ByteWriter();
    encodeAttributeWithSelection(w, v);
    expect(toHex(w.finish())).to.equal(hex.replace(/ /g, ''));
  });

  it('reads attribute and method ids as Integer8', () => {
    expect(decodeMethodDescriptor(new ByteReader(fromHex('0046 00006000 0AFF FF'))).methodId).to.equal(-1);
  });

  it('refuses to encode an instance-id that is not 6 bytes', () => {
    expect(() => encodeAttributeDescriptor(new ByteWriter(), { classId: 1, instanceId: new Uint8Array(5), attributeId: 2 })).to.throw(EncodeError);
  });

  it('round-trips attribute descriptors with selection and method descriptors', () => {
    fc.assert(
      fc.property(arbAttributeWithSelection(), arbMethod(), (a, m) => {
        const w = new ByteWriter();
        encodeAttributeWithSelection(w, a);
        encodeMethodDescriptor(w, m);
        const r = new ByteReader(w.finish());
        expect(decodeAttributeWithSelection(r)).to.deep.equal(a);
        expect(decodeMethodDescriptor(r)).to.deep.equal(m);
        expect(r.done).to.equal(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
