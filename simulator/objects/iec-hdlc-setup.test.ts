import { expect } from 'chai';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { toHex } from '../../dlms/bytes';
import { parseObis } from '../../dlms/cosem/obis';
import { contextFor, DEFAULT } from '../../test/support/simulator/testing';
import { readAttribute } from './store';

describe('IEC HDLC setup (class 23)', () => {
  it('reports the default settings with the bytes the independent meter reports for the same settings', () => {
    // c_hdlc_none.trace lines 351-365: comm_speed 9600 (16 05), windows 1 (11 01), max info 128
    // (12 0080), inter-octet 25 ms (12 0019), inactivity 120 s (12 0078), device address 16 (12 0010).
    const recorded = ['1605', '1101', '1101', '120080', '120080', '120019', '120078', '120010'];
    // The same settings: the recorded meter's 120 s inactivity (ours is short by default, so that the inactivity case runs fast).
    const meter = { ...DEFAULT, hdlc: { ...DEFAULT.hdlc, inactivityTimeoutS: 120 } };
    const ours = [2, 3, 4, 5, 6, 7, 8, 9].map((attribute) => {
      const r = readAttribute({ classId: 23, logicalName: parseObis('0-0:22.0.0.255'), attribute }, contextFor('public', { meter }));
      if (r.kind !== 'data') throw new Error(r.result);
      return toHex(encodeDataBytes(r.data));
    });
    expect(ours).to.deep.equal(recorded);
  });
});
