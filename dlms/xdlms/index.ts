export {
  type Apdu,
  type ApduType,
  type ApduTagName,
  APDU_TAG,
  PLAIN_APDU_TAG,
  decodeApdu,
  decodeApduBytes,
  encodeApdu,
  encodeApduBytes,
  apduTag,
  isApduTag,
} from './apdu';
export { type Conformance, type ConformanceBit, CONFORMANCE_BITS, conformanceValue, conformanceFromValue } from './conformance';
export { type InvokeIdAndPriority, type LongInvokeIdAndPriority, invokeIdAndPriorityFromByte, longInvokeIdAndPriorityFromNumber } from './invoke-id';
export { type CosemAttributeDescriptor, type CosemMethodDescriptor, type SelectiveAccessDescriptor, type AttributeWithSelection } from './descriptors';
export { type DataAccessResult, type ActionResult, type GetDataResult, type DataBlockG, type DataBlockSA, DATA_ACCESS_RESULT, ACTION_RESULT } from './results';
export { type Named, type EnumTable, enumTable, nameText } from './named';
export type { GetRequest, GetResponse } from './get';
export type { SetRequest, SetResponse } from './set';
export type { ActionRequest, ActionResponse, ActionResponseWithOptionalData } from './action';
export type { InitiateRequest, InitiateResponse } from './initiate';
export { type ConfirmedServiceError, type ServiceError, CONFIRMED_SERVICE, SERVICE_ERROR_KIND, SERVICE_ERROR_VALUES } from './service-error';
export { type ExceptionResponse, type ExceptionServiceError, STATE_ERROR, EXCEPTION_SERVICE_ERROR } from './exception';
export type { AccessRequest, AccessResponse, AccessRequestSpecification, AccessResponseSpecification } from './access';
export type { DataNotification, EventNotificationRequest } from './notification';
export type {
  ReadRequest,
  ReadResponse,
  WriteRequest,
  UnconfirmedWriteRequest,
  WriteResponse,
  VariableAccessSpecification,
  ReadResult,
  WriteResult,
} from './sn';
export type { GeneralBlockTransfer } from './block-transfer';
export {
  type CipheredApdu,
  type CipheredTag,
  type KeyInfo,
  type GeneralHeader,
  SERVICE_CIPHERED_TAG,
  GENERAL_CIPHERED_TAG,
  cipheredTagValue,
} from './ciphered';
