import fc from 'fast-check';
import { fromHex } from '../bytes';
import { arbNotification } from '../../test/support/dlms/xdlms/arbitrary';
import { longInvokeIdAndPriorityFromNumber } from './invoke-id';
import { expectRoundTrip, expectVector, obis } from '../../test/support/dlms/xdlms/test-support';

describe('notifications', () => {
  it('decodes a data-notification with a date-time and a structure body', () => {
    // 0F, 00000001 invoke 1 unconfirmed, 0C + 12-byte date-time, 02 01 structure of 1: 12 0005 long-unsigned 5
    expectVector('0F 00000001 0C 07EA0B18020C0000000000FF00 0201 120005'.replace('0000FF00', '0000FF'), {
      type: 'data-notification',
      longInvokeIdAndPriority: longInvokeIdAndPriorityFromNumber(1),
      dateTime: fromHex('07EA0B18020C0000000000FF'),
      notificationBody: { type: 'structure', items: [{ type: 'long-unsigned', value: 5 }] },
    });
  });

  it('decodes an event-notification-request without time', () => {
    // C2, 00 no time, 0001 0000600B00FF 02 (event code, class Data), 12 0010 long-unsigned 16
    expectVector('C2 00 0001 0000600B00FF 02 120010', {
      type: 'event-notification-request',
      attribute: { classId: 1, instanceId: obis('0-0:96.11.0.255'), attributeId: 2 },
      attributeValue: { type: 'long-unsigned', value: 16 },
    });
  });

  it('round-trips every notification', () => {
    fc.assert(fc.property(arbNotification(), expectRoundTrip), { seed: 42, numRuns: 300 });
  });
});
