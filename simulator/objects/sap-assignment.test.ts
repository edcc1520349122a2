import { expect } from 'chai';
import * as fs from 'node:fs';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { toHex } from '../../dlms/bytes';
import { parseObis } from '../../dlms/cosem/obis';
import { DEFAULT_METER, parseMeterDefinition } from '../meter/load';
import { contextFor } from '../../test/support/simulator/testing';
import { readAttribute } from './store';

describe('SAP assignment (class 17)', () => {
  it('lists the logical device at the server logical address, encoded as the independent meter does', () => {
    // c_hdlc_none.trace line 305: 01 01 | 02 02 | 12 0001 | 09 10 "GRX0000000123456"
    const meter = parseMeterDefinition(fs.readFileSync(DEFAULT_METER, 'utf8').replace('DLM0000000001', 'GRX0000000123456'), 'grx.yaml');
    const r = readAttribute({ classId: 17, logicalName: parseObis('0-0:41.0.0.255'), attribute: 2 }, contextFor('public', { meter }));
    if (r.kind !== 'data') throw new Error(r.result);
    expect(toHex(encodeDataBytes(r.data))).to.equal('01010202120001091047525830303030303030313233343536');
  });
});
