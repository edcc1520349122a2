import fc from 'fast-check';
import { fromHex } from '../bytes';
import { arbAccess } from '../../test/support/dlms/xdlms/arbitrary';
import { longInvokeIdAndPriorityFromNumber } from './invoke-id';
import { expectRoundTrip, expectVector, obis } from '../../test/support/dlms/xdlms/test-support';

describe('ACCESS', () => {
  const clockTime = { classId: 8, instanceId: obis('0-0:1.0.0.255'), attributeId: 2 };

  it('decodes an access-request with a get and a set, and the data list', () => {
    // D9, 40000001 confirmed invoke 1, 00 empty date-time, 02 specs: 01 get <descriptor>, 02 set <descriptor>,
    // 02 data: null-data (placeholder for the get), unsigned 7
    expectVector('D9 40000001 00 02 01 0008 0000010000FF 02 02 0008 0000010000FF 02 02 00 11 07', {
      type: 'access-request',
      longInvokeIdAndPriority: longInvokeIdAndPriorityFromNumber(0x40000001),
      dateTime: new Uint8Array(0),
      requestSpecification: [
        { kind: 'get', attribute: clockTime },
        { kind: 'set', attribute: clockTime },
      ],
      listOfData: [{ type: 'null-data' }, { type: 'unsigned', value: 7 }],
    });
  });

  it('decodes an access-response without the echoed request list', () => {
    // DA, 40000001, 00 date-time, 00 no access-request-specification, 01 data, 03 responses: get success, set type-unmatched, action success
    expectVector('DA 40000001 00 00 01 1200 05 03 01 00 02 0C 03 00', {
      type: 'access-response',
      longInvokeIdAndPriority: longInvokeIdAndPriorityFromNumber(0x40000001),
      dateTime: fromHex(''),
      listOfData: [{ type: 'long-unsigned', value: 5 }],
      responseSpecification: [
        { kind: 'get', result: 'success' },
        { kind: 'set', result: 'type-unmatched' },
        { kind: 'action', result: 'success' },
      ],
    });
  });

  it('round-trips every ACCESS APDU', () => {
    fc.assert(fc.property(arbAccess(), expectRoundTrip), { seed: 42, numRuns: 300 });
  });
});
