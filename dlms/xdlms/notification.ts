import { ByteReader, ByteWriter } from '../bytes';
import type { Data } from '../axdr/data';
import { decodeData, encodeData } from '../axdr/data-codec';
import { readOctetString, readOptional, writeOctetString, writeOptional } from './axdr-fields';
import { decodeAttributeDescriptor, encodeAttributeDescriptor, type CosemAttributeDescriptor } from './descriptors';
import { decodeLongInvokeIdAndPriority, encodeLongInvokeIdAndPriority, type LongInvokeIdAndPriority } from './invoke-id';

/**
 * Unsolicited APDUs a server pushes (Green Book 9.3.x): Data-Notification [15] and
 * EventNotificationRequest [194]. Date-times stay raw octet strings: they are often empty, and
 * dlms/axdr's date-time helpers read them when a caller needs the fields.
 */
export interface DataNotification {
  readonly type: 'data-notification';
  readonly longInvokeIdAndPriority: LongInvokeIdAndPriority;
  /** date-time OCTET STRING: empty, or a 12-byte COSEM date-time. */
  readonly dateTime: Uint8Array;
  /** Notification-Body ::= SEQUENCE { data-value Data }. */
  readonly notificationBody: Data;
}

export interface EventNotificationRequest {
  readonly type: 'event-notification-request';
  /** time OCTET STRING OPTIONAL. */
  readonly time?: Uint8Array;
  readonly attribute: CosemAttributeDescriptor;
  readonly attributeValue: Data;
}

export function decodeDataNotification(r: ByteReader): DataNotification {
  const longInvokeIdAndPriority = decodeLongInvokeIdAndPriority(r);
  const dateTime = readOctetString(r, 'date-time');
  return { type: 'data-notification', longInvokeIdAndPriority, dateTime, notificationBody: decodeData(r) };
}

export function encodeDataNotification(w: ByteWriter, v: DataNotification): void {
  encodeLongInvokeIdAndPriority(w, v.longInvokeIdAndPriority);
  writeOctetString(w, v.dateTime);
  encodeData(w, v.notificationBody);
}

export function decodeEventNotificationRequest(r: ByteReader): EventNotificationRequest {
  const time = readOptional(r, 'time', (x) => readOctetString(x, 'time'));
  const attribute = decodeAttributeDescriptor(r);
  return { type: 'event-notification-request', ...(time !== undefined && { time }), attribute, attributeValue: decodeData(r) };
}

export function encodeEventNotificationRequest(w: ByteWriter, v: EventNotificationRequest): void {
  writeOptional(w, v.time, writeOctetString);
  encodeAttributeDescriptor(w, v.attribute);
  encodeData(w, v.attributeValue);
}
