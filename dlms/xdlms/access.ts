import { ByteReader, ByteWriter } from '../bytes';
import type { Data } from '../axdr/data';
import { decodeData, encodeData } from '../axdr/data-codec';
import { failChoice, readOctetString, readOptional, readSequenceOf, writeOctetString, writeOptional, writeSequenceOf } from './axdr-fields';
import {
  decodeAttributeDescriptor,
  decodeMethodDescriptor,
  decodeSelectiveAccess,
  encodeAttributeDescriptor,
  encodeMethodDescriptor,
  encodeSelectiveAccess,
  type CosemAttributeDescriptor,
  type CosemMethodDescriptor,
  type SelectiveAccessDescriptor,
} from './descriptors';
import { decodeLongInvokeIdAndPriority, encodeLongInvokeIdAndPriority, type LongInvokeIdAndPriority } from './invoke-id';
import { decodeActionResult, decodeDataAccessResult, encodeActionResult, encodeDataAccessResult, type ActionResult, type DataAccessResult } from './results';

/**
 * The ACCESS service (Green Book 9.3.x, access-request [217] / access-response [218]): several
 * GET/SET/ACTION references in one APDU, the data in a separate list.
 */
export type AccessRequestSpecification =
  | { readonly kind: 'get' | 'set'; readonly attribute: CosemAttributeDescriptor }
  | { readonly kind: 'action'; readonly method: CosemMethodDescriptor }
  | {
      readonly kind: 'get-with-selection' | 'set-with-selection';
      readonly attribute: CosemAttributeDescriptor;
      readonly accessSelection: SelectiveAccessDescriptor;
    };

export type AccessResponseSpecification =
  { readonly kind: 'get' | 'set'; readonly result: DataAccessResult } | { readonly kind: 'action'; readonly result: ActionResult };

export interface AccessRequest {
  readonly type: 'access-request';
  readonly longInvokeIdAndPriority: LongInvokeIdAndPriority;
  /** date-time OCTET STRING: empty, or a 12-byte COSEM date-time. */
  readonly dateTime: Uint8Array;
  readonly requestSpecification: readonly AccessRequestSpecification[];
  readonly listOfData: readonly Data[];
}

export interface AccessResponse {
  readonly type: 'access-response';
  readonly longInvokeIdAndPriority: LongInvokeIdAndPriority;
  readonly dateTime: Uint8Array;
  /** access-request-specification [0] OPTIONAL: the server may echo the request's list. */
  readonly requestSpecification?: readonly AccessRequestSpecification[];
  readonly listOfData: readonly Data[];
  readonly responseSpecification: readonly AccessResponseSpecification[];
}

/** Access-Request-Specification CHOICE tags. */
export const ACCESS_REQUEST_KIND = { get: 1, set: 2, action: 3, 'get-with-selection': 4, 'set-with-selection': 5 } as const;
/** Access-Response-Specification CHOICE tags. */
export const ACCESS_RESPONSE_KIND = { get: 1, set: 2, action: 3 } as const;

function decodeRequestSpecification(r: ByteReader): AccessRequestSpecification {
  const at = r.offset;
  const choice = r.u8('access-request-specification choice');
  switch (choice) {
    case ACCESS_REQUEST_KIND.get:
      return { kind: 'get', attribute: decodeAttributeDescriptor(r) };
    case ACCESS_REQUEST_KIND.set:
      return { kind: 'set', attribute: decodeAttributeDescriptor(r) };
    case ACCESS_REQUEST_KIND.action:
      return { kind: 'action', method: decodeMethodDescriptor(r) };
    case ACCESS_REQUEST_KIND['get-with-selection']:
    case ACCESS_REQUEST_KIND['set-with-selection']: {
      const attribute = decodeAttributeDescriptor(r);
      const kind = choice === ACCESS_REQUEST_KIND['get-with-selection'] ? 'get-with-selection' : 'set-with-selection';
      return { kind, attribute, accessSelection: decodeSelectiveAccess(r) };
    }
    default:
      return failChoice(at, 'access-request-specification', choice);
  }
}

function encodeRequestSpecification(w: ByteWriter, s: AccessRequestSpecification): void {
  w.u8(ACCESS_REQUEST_KIND[s.kind]);
  switch (s.kind) {
    case 'get':
    case 'set':
      encodeAttributeDescriptor(w, s.attribute);
      return;
    case 'action':
      encodeMethodDescriptor(w, s.method);
      return;
    case 'get-with-selection':
    case 'set-with-selection':
      encodeAttributeDescriptor(w, s.attribute);
      encodeSelectiveAccess(w, s.accessSelection);
      return;
    default: {
      const never: never = s;
      return never;
    }
  }
}

function decodeResponseSpecification(r: ByteReader): AccessResponseSpecification {
  const at = r.offset;
  const choice = r.u8('access-response-specification choice');
  switch (choice) {
    case ACCESS_RESPONSE_KIND.get:
      return { kind: 'get', result: decodeDataAccessResult(r) };
    case ACCESS_RESPONSE_KIND.set:
      return { kind: 'set', result: decodeDataAccessResult(r) };
    case ACCESS_RESPONSE_KIND.action:
      return { kind: 'action', result: decodeActionResult(r) };
    default:
      return failChoice(at, 'access-response-specification', choice);
  }
}

function encodeResponseSpecification(w: ByteWriter, s: AccessResponseSpecification): void {
  w.u8(ACCESS_RESPONSE_KIND[s.kind]);
  if (s.kind === 'action') encodeActionResult(w, s.result);
  else encodeDataAccessResult(w, s.result);
}

const requestList = (r: ByteReader): AccessRequestSpecification[] => readSequenceOf(r, 'access-request-specification', decodeRequestSpecification);
const dataList = (r: ByteReader): Data[] => readSequenceOf(r, 'list-of-data', (x) => decodeData(x));

export function decodeAccessRequest(r: ByteReader): AccessRequest {
  const longInvokeIdAndPriority = decodeLongInvokeIdAndPriority(r);
  const dateTime = readOctetString(r, 'date-time');
  const requestSpecification = requestList(r);
  return { type: 'access-request', longInvokeIdAndPriority, dateTime, requestSpecification, listOfData: dataList(r) };
}

export function encodeAccessRequest(w: ByteWriter, v: AccessRequest): void {
  encodeLongInvokeIdAndPriority(w, v.longInvokeIdAndPriority);
  writeOctetString(w, v.dateTime);
  writeSequenceOf(w, v.requestSpecification, encodeRequestSpecification);
  writeSequenceOf(w, v.listOfData, encodeData);
}

export function decodeAccessResponse(r: ByteReader): AccessResponse {
  const longInvokeIdAndPriority = decodeLongInvokeIdAndPriority(r);
  const dateTime = readOctetString(r, 'date-time');
  const requestSpecification = readOptional(r, 'access-request-specification', requestList);
  const listOfData = dataList(r);
  const responseSpecification = readSequenceOf(r, 'access-response-specification', decodeResponseSpecification);
  return {
    type: 'access-response',
    longInvokeIdAndPriority,
    dateTime,
    ...(requestSpecification !== undefined && { requestSpecification }),
    listOfData,
    responseSpecification,
  };
}

export function encodeAccessResponse(w: ByteWriter, v: AccessResponse): void {
  encodeLongInvokeIdAndPriority(w, v.longInvokeIdAndPriority);
  writeOctetString(w, v.dateTime);
  writeOptional(w, v.requestSpecification, (x, list) => writeSequenceOf(x, list, encodeRequestSpecification));
  writeSequenceOf(w, v.listOfData, encodeData);
  writeSequenceOf(w, v.responseSpecification, encodeResponseSpecification);
}
