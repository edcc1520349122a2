/**
 * Push setup (class 40, Blue Book 4.4.8): send_destination_and_method.transport_service is 0..8
 * (TCP, UDP, FTP, SMTP, SMS, HDLC, M-Bus, ZigBee, DLMS gateway) or 200..255 (manufacturer
 * specific). The message enum is not judged: its values moved between editions.
 */
import { type ClassSemantics, enumIn, itemsOf } from './types';

const SEND_DESTINATION_AND_METHOD = 3;

export const PUSH_SETUP_SEMANTICS: ClassSemantics = {
  classId: 40,
  clause: '4.4.8',
  check: ({ values }) =>
    enumIn(
      values,
      SEND_DESTINATION_AND_METHOD,
      'send_destination_and_method.transport_service',
      [
        [0, 8],
        [200, 255],
      ],
      (d) => itemsOf(d)[0],
    ),
};
