import { ByteReader, ByteWriter, DecodeError } from '../bytes';
import { decodeAccessRequest, decodeAccessResponse, encodeAccessRequest, encodeAccessResponse, type AccessRequest, type AccessResponse } from './access';
import { decodeActionRequest, decodeActionResponse, encodeActionRequest, encodeActionResponse, type ActionRequest, type ActionResponse } from './action';
import { decodeGeneralBlockTransfer, encodeGeneralBlockTransfer, type GeneralBlockTransfer } from './block-transfer';
import { GENERAL_CIPHERED_TAG, SERVICE_CIPHERED_TAG, cipheredDecoders, cipheredTagValue, encodeCiphered, type CipheredApdu } from './ciphered';
import { decodeExceptionResponse, encodeExceptionResponse, type ExceptionResponse } from './exception';
import { decodeGetRequest, decodeGetResponse, encodeGetRequest, encodeGetResponse, type GetRequest, type GetResponse } from './get';
import {
  decodeInitiateRequest,
  decodeInitiateResponse,
  encodeInitiateRequest,
  encodeInitiateResponse,
  type InitiateRequest,
  type InitiateResponse,
} from './initiate';
import {
  decodeDataNotification,
  decodeEventNotificationRequest,
  encodeDataNotification,
  encodeEventNotificationRequest,
  type DataNotification,
  type EventNotificationRequest,
} from './notification';
import { decodeConfirmedServiceError, encodeConfirmedServiceError, type ConfirmedServiceError } from './service-error';
import { decodeSetRequest, decodeSetResponse, encodeSetRequest, encodeSetResponse, type SetRequest, type SetResponse } from './set';
import {
  decodeReadRequest,
  decodeReadResponse,
  decodeUnconfirmedWriteRequest,
  decodeWriteRequest,
  decodeWriteResponse,
  encodeReadRequest,
  encodeReadResponse,
  encodeWriteRequest,
  encodeWriteResponse,
  type ReadRequest,
  type ReadResponse,
  type UnconfirmedWriteRequest,
  type WriteRequest,
  type WriteResponse,
} from './sn';

/**
 * The xDLMS APDU union (Green Book 9.5, xDLMS-APDU CHOICE), discriminated on `type`, spelled
 * as the standard spells the alternatives. ACSE APDUs (AARQ …) are in dlms/acse; `Pdu` there
 * is the union of both.
 */
export type Apdu =
  | InitiateRequest
  | InitiateResponse
  | ReadRequest
  | ReadResponse
  | WriteRequest
  | WriteResponse
  | ConfirmedServiceError
  | DataNotification
  | UnconfirmedWriteRequest
  | GetRequest
  | SetRequest
  | EventNotificationRequest
  | ActionRequest
  | GetResponse
  | SetResponse
  | ActionResponse
  | ExceptionResponse
  | AccessRequest
  | AccessResponse
  | GeneralBlockTransfer
  | CipheredApdu;

export type ApduType = Apdu['type'];
type PlainType = Exclude<ApduType, 'ciphered'>;

/** Tags of the unprotected APDUs (Green Book 9.5, xDLMS-APDU CHOICE, [n] IMPLICIT). */
export const PLAIN_APDU_TAG = {
  'initiate-request': 0x01,
  'read-request': 0x05,
  'write-request': 0x06,
  'initiate-response': 0x08,
  'read-response': 0x0c,
  'write-response': 0x0d,
  'confirmed-service-error': 0x0e,
  'data-notification': 0x0f,
  'unconfirmed-write-request': 0x16,
  'get-request': 0xc0,
  'set-request': 0xc1,
  'event-notification-request': 0xc2,
  'action-request': 0xc3,
  'get-response': 0xc4,
  'set-response': 0xc5,
  'action-response': 0xc7,
  'exception-response': 0xd8,
  'access-request': 0xd9,
  'access-response': 0xda,
  'general-block-transfer': 0xe0,
} as const satisfies Record<PlainType, number>;

/** Every xDLMS APDU tag by its name in the standard, protected forms included. */
export const APDU_TAG = { ...PLAIN_APDU_TAG, ...SERVICE_CIPHERED_TAG, ...GENERAL_CIPHERED_TAG } as const;
export type ApduTagName = keyof typeof APDU_TAG;

/** Tags of the ACSE APDUs, which share the first octet's space with xDLMS (for the error hint). */
const ACSE_TAGS: Readonly<Record<number, string>> = { 0x60: 'AARQ', 0x61: 'AARE', 0x62: 'RLRQ', 0x63: 'RLRE' };

type Decoder = (r: ByteReader) => Apdu;

const PLAIN_DECODERS: { readonly [T in PlainType]: Decoder } = {
  'initiate-request': decodeInitiateRequest,
  'read-request': decodeReadRequest,
  'write-request': decodeWriteRequest,
  'initiate-response': decodeInitiateResponse,
  'read-response': decodeReadResponse,
  'write-response': decodeWriteResponse,
  'confirmed-service-error': decodeConfirmedServiceError,
  'data-notification': decodeDataNotification,
  'unconfirmed-write-request': decodeUnconfirmedWriteRequest,
  'get-request': decodeGetRequest,
  'set-request': decodeSetRequest,
  'event-notification-request': decodeEventNotificationRequest,
  'action-request': decodeActionRequest,
  'get-response': decodeGetResponse,
  'set-response': decodeSetResponse,
  'action-response': decodeActionResponse,
  'exception-response': decodeExceptionResponse,
  'access-request': decodeAccessRequest,
  'access-response': decodeAccessResponse,
  'general-block-transfer': decodeGeneralBlockTransfer,
};

/** The dispatch table, built from the tag tables: tag octet → decoder of what follows it. */
const DECODER_BY_TAG: ReadonlyMap<number, Decoder> = new Map<number, Decoder>([
  ...(Object.keys(PLAIN_APDU_TAG) as PlainType[]).map((t): [number, Decoder] => [PLAIN_APDU_TAG[t], PLAIN_DECODERS[t]]),
  ...cipheredDecoders(),
]);

/** True when `tag` starts an xDLMS APDU this codec knows. */
export function isApduTag(tag: number): boolean {
  return DECODER_BY_TAG.has(tag);
}

/** Decodes one APDU at the reader's position; bytes after it are left for the caller. */
export function decodeApdu(r: ByteReader): Apdu {
  const at = r.offset;
  const tag = r.u8('APDU tag');
  const decoder = DECODER_BY_TAG.get(tag);
  if (decoder === undefined) {
    const acse = ACSE_TAGS[tag];
    const actual = `0x${tag.toString(16).padStart(2, '0')}${acse === undefined ? '' : ` (an ACSE ${acse}: decode it with dlms/acse)`}`;
    throw new DecodeError('XDLMS_UNKNOWN_TAG', at, 'an xDLMS APDU tag (Green Book 9.5)', actual);
  }
  return decoder(r);
}

/**
 * Decodes exactly one APDU filling `bytes`. Bytes after a complete APDU are TRAILING_BYTES at
 * the offset of the first extra byte (`base` added): some meters send them, and that is the
 * meter's fault to report, not something to skip.
 */
export function decodeApduBytes(bytes: Uint8Array, base = 0): Apdu {
  const r = new ByteReader(bytes, base);
  const apdu = decodeApdu(r);
  r.expectEnd(apdu.type === 'ciphered' ? apdu.tag : apdu.type);
  return apdu;
}

/** The tag octet `apdu` is encoded with. */
export function apduTag(apdu: Apdu): number {
  return apdu.type === 'ciphered' ? cipheredTagValue(apdu.tag) : PLAIN_APDU_TAG[apdu.type];
}

export function encodeApdu(w: ByteWriter, apdu: Apdu): void {
  w.u8(apduTag(apdu));
  switch (apdu.type) {
    case 'initiate-request':
      return encodeInitiateRequest(w, apdu);
    case 'initiate-response':
      return encodeInitiateResponse(w, apdu);
    case 'read-request':
      return encodeReadRequest(w, apdu);
    case 'read-response':
      return encodeReadResponse(w, apdu);
    case 'write-request':
    case 'unconfirmed-write-request':
      return encodeWriteRequest(w, apdu);
    case 'write-response':
      return encodeWriteResponse(w, apdu);
    case 'confirmed-service-error':
      return encodeConfirmedServiceError(w, apdu);
    case 'data-notification':
      return encodeDataNotification(w, apdu);
    case 'get-request':
      return encodeGetRequest(w, apdu);
    case 'set-request':
      return encodeSetRequest(w, apdu);
    case 'event-notification-request':
      return encodeEventNotificationRequest(w, apdu);
    case 'action-request':
      return encodeActionRequest(w, apdu);
    case 'get-response':
      return encodeGetResponse(w, apdu);
    case 'set-response':
      return encodeSetResponse(w, apdu);
    case 'action-response':
      return encodeActionResponse(w, apdu);
    case 'exception-response':
      return encodeExceptionResponse(w, apdu);
    case 'access-request':
      return encodeAccessRequest(w, apdu);
    case 'access-response':
      return encodeAccessResponse(w, apdu);
    case 'general-block-transfer':
      return encodeGeneralBlockTransfer(w, apdu);
    case 'ciphered':
      return encodeCiphered(w, apdu);
    default: {
      const never: never = apdu;
      return never;
    }
  }
}

export function encodeApduBytes(apdu: Apdu): Uint8Array {
  const w = new ByteWriter();
  encodeApdu(w, apdu);
  return w.finish();
}
