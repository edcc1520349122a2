/**
 * fast-check arbitraries for every xDLMS APDU, for round-trip properties here and anywhere in
 * the project. Only tests import this file: fast-check is a dev dependency. Every generated
 * value encodes and decodes back deep-equal: invoke-id octets come from a byte (so `raw` agrees),
 * enumerations are names or numbers the table does not name, optional fields are absent rather
 * than undefined.
 */
import fc from 'fast-check';
import type { Data } from '../../../../dlms/axdr/data';
import { arbData } from '../axdr/arbitrary';
import type { AccessRequest, AccessRequestSpecification, AccessResponse, AccessResponseSpecification } from '../../../../dlms/xdlms/access';
import type { ActionRequest, ActionResponse, ActionResponseWithOptionalData } from '../../../../dlms/xdlms/action';
import type { Apdu } from '../../../../dlms/xdlms/apdu';
import type { GeneralBlockTransfer } from '../../../../dlms/xdlms/block-transfer';
import {
  KEK_ID,
  KEY_ID,
  SERVICE_CIPHERED_TAG,
  type CipheredApdu,
  type GeneralHeader,
  type KeyInfo,
  type ServiceCipheredTag,
} from '../../../../dlms/xdlms/ciphered';
import { CONFORMANCE_BITS, type Conformance } from '../../../../dlms/xdlms/conformance';
import type { AttributeWithSelection, CosemAttributeDescriptor, CosemMethodDescriptor, SelectiveAccessDescriptor } from '../../../../dlms/xdlms/descriptors';
import { EXCEPTION_SERVICE_ERROR, STATE_ERROR, type ExceptionResponse, type ExceptionServiceError } from '../../../../dlms/xdlms/exception';
import type { GetRequest, GetResponse } from '../../../../dlms/xdlms/get';
import type { InitiateRequest, InitiateResponse } from '../../../../dlms/xdlms/initiate';
import {
  invokeIdAndPriorityFromByte,
  longInvokeIdAndPriorityFromNumber,
  type InvokeIdAndPriority,
  type LongInvokeIdAndPriority,
} from '../../../../dlms/xdlms/invoke-id';
import type { EnumTable, Named } from '../../../../dlms/xdlms/named';
import type { DataNotification, EventNotificationRequest } from '../../../../dlms/xdlms/notification';
import { ACTION_RESULT, DATA_ACCESS_RESULT, type DataBlockG, type DataBlockSA, type GetDataResult } from '../../../../dlms/xdlms/results';
import {
  CONFIRMED_SERVICE,
  SERVICE_ERROR_KIND,
  SERVICE_ERROR_VALUES,
  type ConfirmedServiceError,
  type ServiceError,
} from '../../../../dlms/xdlms/service-error';
import type { SetRequest, SetResponse } from '../../../../dlms/xdlms/set';
import type {
  ReadRequest,
  ReadResponse,
  ReadResult,
  UnconfirmedWriteRequest,
  VariableAccessSpecification,
  WriteRequest,
  WriteResponse,
  WriteResult,
} from '../../../../dlms/xdlms/sn';

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const i8 = fc.integer({ min: -0x80, max: 0x7f });
const bytes = (maxLength = 12): fc.Arbitrary<Uint8Array> => fc.uint8Array({ maxLength });
const list = <T>(arb: fc.Arbitrary<T>, maxLength = 3): fc.Arbitrary<T[]> => fc.array(arb, { maxLength });
const data = (): fc.Arbitrary<Data> => arbData(2);

/** A name from the table, or a one-octet number it does not name. */
export function arbNamed<N extends string>(table: EnumTable<N>, max = 0xff): fc.Arbitrary<Named<N>> {
  const known = new Set(table.names.map((n) => table.values[n]));
  const unknown = fc.integer({ min: 0, max }).filter((v) => !known.has(v));
  return table.names.length === 0 ? unknown : fc.oneof({ arbitrary: fc.constantFrom(...table.names), weight: 4 }, { arbitrary: unknown, weight: 1 });
}

export const arbInvokeIdAndPriority = (): fc.Arbitrary<InvokeIdAndPriority> => u8.map(invokeIdAndPriorityFromByte);
export const arbLongInvokeIdAndPriority = (): fc.Arbitrary<LongInvokeIdAndPriority> => u32.map(longInvokeIdAndPriorityFromNumber);
export const arbConformance = (): fc.Arbitrary<Conformance> => fc.subarray([...CONFORMANCE_BITS]);

export const arbAttribute = (): fc.Arbitrary<CosemAttributeDescriptor> =>
  fc.record({ classId: u16, instanceId: fc.uint8Array({ minLength: 6, maxLength: 6 }), attributeId: i8 });
export const arbMethod = (): fc.Arbitrary<CosemMethodDescriptor> =>
  fc.record({ classId: u16, instanceId: fc.uint8Array({ minLength: 6, maxLength: 6 }), methodId: i8 });
export const arbSelectiveAccess = (): fc.Arbitrary<SelectiveAccessDescriptor> => fc.record({ accessSelector: u8, accessParameters: data() });
export const arbAttributeWithSelection = (): fc.Arbitrary<AttributeWithSelection> =>
  fc.record({ attribute: arbAttribute(), accessSelection: arbSelectiveAccess() }, { requiredKeys: ['attribute'] });

const dar = arbNamed(DATA_ACCESS_RESULT);
export const arbGetDataResult = (): fc.Arbitrary<GetDataResult> =>
  fc.oneof(
    data().map((d): GetDataResult => ({ kind: 'data', data: d })),
    dar.map((result): GetDataResult => ({ kind: 'data-access-result', result })),
  );
const blockG: fc.Arbitrary<DataBlockG> = fc.record({
  lastBlock: fc.boolean(),
  blockNumber: u32,
  result: fc.oneof(
    bytes(40).map((rawData) => ({ kind: 'raw-data' as const, rawData })),
    dar.map((result) => ({ kind: 'data-access-result' as const, result })),
  ),
});
const blockSA: fc.Arbitrary<DataBlockSA> = fc.record({ lastBlock: fc.boolean(), blockNumber: u32, rawData: bytes(40) });

const iip = arbInvokeIdAndPriority();

export function arbGetRequest(): fc.Arbitrary<GetRequest> {
  return fc.oneof(
    fc.record(
      {
        type: fc.constant('get-request' as const),
        variant: fc.constant('normal' as const),
        invokeIdAndPriority: iip,
        attribute: arbAttribute(),
        accessSelection: arbSelectiveAccess(),
      },
      {
        requiredKeys: ['type', 'variant', 'invokeIdAndPriority', 'attribute'],
      },
    ),
    fc.record({ type: fc.constant('get-request' as const), variant: fc.constant('next' as const), invokeIdAndPriority: iip, blockNumber: u32 }),
    fc.record({
      type: fc.constant('get-request' as const),
      variant: fc.constant('with-list' as const),
      invokeIdAndPriority: iip,
      attributes: list(arbAttributeWithSelection()),
    }),
  );
}

export function arbGetResponse(): fc.Arbitrary<GetResponse> {
  const base = { type: fc.constant('get-response' as const), invokeIdAndPriority: iip };
  return fc.oneof(
    fc.record({ ...base, variant: fc.constant('normal' as const), result: arbGetDataResult() }),
    fc.record({ ...base, variant: fc.constant('with-datablock' as const), result: blockG }),
    fc.record({ ...base, variant: fc.constant('with-list' as const), result: list(arbGetDataResult()) }),
  );
}

export function arbSetRequest(): fc.Arbitrary<SetRequest> {
  const base = { type: fc.constant('set-request' as const), invokeIdAndPriority: iip };
  const req = ['type', 'variant', 'invokeIdAndPriority', 'attribute'] as const;
  return fc.oneof(
    fc.record(
      { ...base, variant: fc.constant('normal' as const), attribute: arbAttribute(), accessSelection: arbSelectiveAccess(), value: data() },
      { requiredKeys: [...req, 'value'] },
    ),
    fc.record(
      { ...base, variant: fc.constant('with-first-datablock' as const), attribute: arbAttribute(), accessSelection: arbSelectiveAccess(), datablock: blockSA },
      { requiredKeys: [...req, 'datablock'] },
    ),
    fc.record({ ...base, variant: fc.constant('with-datablock' as const), datablock: blockSA }),
    fc.record({ ...base, variant: fc.constant('with-list' as const), attributes: list(arbAttributeWithSelection()), values: list(data()) }),
    fc.record({ ...base, variant: fc.constant('with-list-and-first-datablock' as const), attributes: list(arbAttributeWithSelection()), datablock: blockSA }),
  );
}

export function arbSetResponse(): fc.Arbitrary<SetResponse> {
  const base = { type: fc.constant('set-response' as const), invokeIdAndPriority: iip };
  return fc.oneof(
    fc.record({ ...base, variant: fc.constant('normal' as const), result: dar }),
    fc.record({ ...base, variant: fc.constant('datablock' as const), blockNumber: u32 }),
    fc.record({ ...base, variant: fc.constant('last-datablock' as const), result: dar, blockNumber: u32 }),
    fc.record({ ...base, variant: fc.constant('last-datablock-with-list' as const), result: list(dar), blockNumber: u32 }),
    fc.record({ ...base, variant: fc.constant('with-list' as const), result: list(dar) }),
  );
}

export function arbActionRequest(): fc.Arbitrary<ActionRequest> {
  const base = { type: fc.constant('action-request' as const), invokeIdAndPriority: iip };
  return fc.oneof(
    fc.record(
      { ...base, variant: fc.constant('normal' as const), method: arbMethod(), methodInvocationParameters: data() },
      { requiredKeys: ['type', 'variant', 'invokeIdAndPriority', 'method'] },
    ),
    fc.record({ ...base, variant: fc.constant('next-pblock' as const), blockNumber: u32 }),
    fc.record({ ...base, variant: fc.constant('with-list' as const), methods: list(arbMethod()), methodInvocationParameters: list(data()) }),
    fc.record({ ...base, variant: fc.constant('with-first-pblock' as const), method: arbMethod(), pblock: blockSA }),
    fc.record({ ...base, variant: fc.constant('with-list-and-first-pblock' as const), methods: list(arbMethod()), pblock: blockSA }),
    fc.record({ ...base, variant: fc.constant('with-pblock' as const), pblock: blockSA }),
  );
}

const actionWithData: fc.Arbitrary<ActionResponseWithOptionalData> = fc.record(
  { result: arbNamed(ACTION_RESULT), returnParameters: arbGetDataResult() },
  { requiredKeys: ['result'] },
);

export function arbActionResponse(): fc.Arbitrary<ActionResponse> {
  const base = { type: fc.constant('action-response' as const), invokeIdAndPriority: iip };
  return fc.oneof(
    fc.record({ ...base, variant: fc.constant('normal' as const), singleResponse: actionWithData }),
    fc.record({ ...base, variant: fc.constant('with-pblock' as const), pblock: blockSA }),
    fc.record({ ...base, variant: fc.constant('with-list' as const), listOfResponses: list(actionWithData) }),
    fc.record({ ...base, variant: fc.constant('next-pblock' as const), blockNumber: u32 }),
  );
}

export function arbInitiateRequest(): fc.Arbitrary<InitiateRequest> {
  return fc.record(
    {
      type: fc.constant('initiate-request' as const),
      dedicatedKey: bytes(16),
      responseAllowed: fc.boolean(),
      proposedQualityOfService: i8,
      proposedDlmsVersionNumber: u8,
      proposedConformance: arbConformance(),
      clientMaxReceivePduSize: u16,
    },
    { requiredKeys: ['type', 'proposedDlmsVersionNumber', 'proposedConformance', 'clientMaxReceivePduSize'] },
  );
}

export function arbInitiateResponse(): fc.Arbitrary<InitiateResponse> {
  return fc.record(
    {
      type: fc.constant('initiate-response' as const),
      negotiatedQualityOfService: i8,
      negotiatedDlmsVersionNumber: u8,
      negotiatedConformance: arbConformance(),
      serverMaxReceivePduSize: u16,
      vaaName: u16,
    },
    { requiredKeys: ['type', 'negotiatedDlmsVersionNumber', 'negotiatedConformance', 'serverMaxReceivePduSize', 'vaaName'] },
  );
}

export function arbServiceError(): fc.Arbitrary<ServiceError> {
  return arbNamed(SERVICE_ERROR_KIND).chain((kind) => {
    const table = typeof kind === 'number' ? undefined : SERVICE_ERROR_VALUES[kind];
    return (table === undefined ? u8 : arbNamed(table)).map((value): ServiceError => ({ kind, value }));
  });
}

export function arbConfirmedServiceError(): fc.Arbitrary<ConfirmedServiceError> {
  return fc.record({ type: fc.constant('confirmed-service-error' as const), service: arbNamed(CONFIRMED_SERVICE), error: arbServiceError() });
}

export function arbExceptionResponse(): fc.Arbitrary<ExceptionResponse> {
  const nulls = (Object.keys(EXCEPTION_SERVICE_ERROR) as ExceptionServiceError['kind'][]).filter((k) => k !== 'invocation-counter-error');
  const serviceError = fc.oneof(
    fc.constantFrom(...nulls).map((kind) => ({ kind }) as ExceptionServiceError),
    u32.map((invocationCounter): ExceptionServiceError => ({ kind: 'invocation-counter-error', invocationCounter })),
  );
  return fc.record({ type: fc.constant('exception-response' as const), stateError: arbNamed(STATE_ERROR), serviceError });
}

export function arbNotification(): fc.Arbitrary<DataNotification | EventNotificationRequest> {
  return fc.oneof(
    fc.record({
      type: fc.constant('data-notification' as const),
      longInvokeIdAndPriority: arbLongInvokeIdAndPriority(),
      dateTime: bytes(12),
      notificationBody: data(),
    }),
    fc.record(
      { type: fc.constant('event-notification-request' as const), time: bytes(12), attribute: arbAttribute(), attributeValue: data() },
      { requiredKeys: ['type', 'attribute', 'attributeValue'] },
    ),
  );
}

const accessRequestSpec: fc.Arbitrary<AccessRequestSpecification> = fc.oneof(
  fc.record({ kind: fc.constantFrom('get' as const, 'set' as const), attribute: arbAttribute() }),
  fc.record({ kind: fc.constant('action' as const), method: arbMethod() }),
  fc.record({
    kind: fc.constantFrom('get-with-selection' as const, 'set-with-selection' as const),
    attribute: arbAttribute(),
    accessSelection: arbSelectiveAccess(),
  }),
);
const accessResponseSpec: fc.Arbitrary<AccessResponseSpecification> = fc.oneof(
  fc.record({ kind: fc.constantFrom('get' as const, 'set' as const), result: dar }),
  fc.record({ kind: fc.constant('action' as const), result: arbNamed(ACTION_RESULT) }),
);

export function arbAccess(): fc.Arbitrary<AccessRequest | AccessResponse> {
  const base = { longInvokeIdAndPriority: arbLongInvokeIdAndPriority(), dateTime: bytes(12) };
  return fc.oneof(
    fc.record({ type: fc.constant('access-request' as const), ...base, requestSpecification: list(accessRequestSpec), listOfData: list(data()) }),
    fc.record(
      {
        type: fc.constant('access-response' as const),
        ...base,
        requestSpecification: list(accessRequestSpec),
        listOfData: list(data()),
        responseSpecification: list(accessResponseSpec),
      },
      { requiredKeys: ['type', 'longInvokeIdAndPriority', 'dateTime', 'listOfData', 'responseSpecification'] },
    ),
  );
}

const variableAccess: fc.Arbitrary<VariableAccessSpecification> = fc.oneof(
  fc.record({ kind: fc.constant('variable-name' as const), variableName: u16 }),
  fc.record({ kind: fc.constant('parameterized-access' as const), variableName: u16, selector: u8, parameter: data() }),
  fc.record({ kind: fc.constant('block-number-access' as const), blockNumber: u16 }),
  fc.record({ kind: fc.constant('read-data-block-access' as const), lastBlock: fc.boolean(), blockNumber: u16, rawData: bytes(20) }),
  fc.record({ kind: fc.constant('write-data-block-access' as const), lastBlock: fc.boolean(), blockNumber: u16 }),
);
const readResult: fc.Arbitrary<ReadResult> = fc.oneof(
  fc.record({ kind: fc.constant('data' as const), data: data() }),
  fc.record({ kind: fc.constant('data-access-error' as const), error: dar }),
  fc.record({ kind: fc.constant('data-block-result' as const), lastBlock: fc.boolean(), blockNumber: u16, rawData: bytes(20) }),
  fc.record({ kind: fc.constant('block-number' as const), blockNumber: u16 }),
);
const writeResult: fc.Arbitrary<WriteResult> = fc.oneof(
  fc.constant({ kind: 'success' as const }),
  fc.record({ kind: fc.constant('data-access-error' as const), error: dar }),
  fc.record({ kind: fc.constant('block-number' as const), blockNumber: u16 }),
);

export function arbShortName(): fc.Arbitrary<ReadRequest | ReadResponse | WriteRequest | UnconfirmedWriteRequest | WriteResponse> {
  return fc.oneof(
    fc.record({ type: fc.constant('read-request' as const), variableAccessSpecification: list(variableAccess) }),
    fc.record({ type: fc.constant('read-response' as const), results: list(readResult) }),
    fc.record({
      type: fc.constantFrom('write-request' as const, 'unconfirmed-write-request' as const),
      variableAccessSpecification: list(variableAccess),
      listOfData: list(data()),
    }),
    fc.record({ type: fc.constant('write-response' as const), results: list(writeResult) }),
  );
}

export function arbGeneralBlockTransfer(): fc.Arbitrary<GeneralBlockTransfer> {
  return fc.record({
    type: fc.constant('general-block-transfer' as const),
    lastBlock: fc.boolean(),
    streaming: fc.boolean(),
    window: fc.integer({ min: 0, max: 63 }),
    blockNumber: u16,
    blockNumberAck: u16,
    blockData: bytes(40),
  });
}

const header: fc.Arbitrary<GeneralHeader> = fc.record({
  transactionId: bytes(8),
  originatorSystemTitle: bytes(8),
  recipientSystemTitle: bytes(8),
  dateTime: bytes(12),
  otherInformation: bytes(4),
});
const keyInfo: fc.Arbitrary<KeyInfo> = fc.oneof(
  arbNamed(KEY_ID).map((keyId): KeyInfo => ({ kind: 'identified-key', keyId })),
  fc.record({ kind: fc.constant('wrapped-key' as const), kekId: arbNamed(KEK_ID), keyCipheredData: bytes(24) }),
  fc.record({ kind: fc.constant('agreed-key' as const), keyParameters: bytes(4), keyCipheredData: bytes(24) }),
);

export function arbCiphered(): fc.Arbitrary<CipheredApdu> {
  return fc.oneof(
    fc.record({
      type: fc.constant('ciphered' as const),
      tag: fc.constantFrom(...(Object.keys(SERVICE_CIPHERED_TAG) as ServiceCipheredTag[])),
      content: bytes(40),
    }),
    fc.record({
      type: fc.constant('ciphered' as const),
      tag: fc.constantFrom('general-glo-ciphering' as const, 'general-ded-ciphering' as const),
      systemTitle: bytes(8),
      content: bytes(40),
    }),
    fc
      .tuple(header, fc.option(keyInfo, { nil: undefined }), bytes(40))
      .map(([h, k, content]): CipheredApdu => ({ type: 'ciphered', tag: 'general-ciphering', ...h, ...(k !== undefined && { keyInfo: k }), content })),
    fc
      .tuple(header, bytes(40), bytes(64))
      .map(([h, content, signature]): CipheredApdu => ({ type: 'ciphered', tag: 'general-signing', ...h, content, signature })),
  );
}

/** Any xDLMS APDU. */
export function arbApdu(): fc.Arbitrary<Apdu> {
  return fc.oneof(
    arbInitiateRequest(),
    arbInitiateResponse(),
    arbConfirmedServiceError(),
    arbExceptionResponse(),
    arbGetRequest(),
    arbGetResponse(),
    arbSetRequest(),
    arbSetResponse(),
    arbActionRequest(),
    arbActionResponse(),
    arbNotification(),
    arbAccess(),
    arbShortName(),
    arbGeneralBlockTransfer(),
    arbCiphered(),
  );
}
