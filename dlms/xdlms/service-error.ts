import { ByteReader, ByteWriter } from '../bytes';
import { EncodeError } from '../axdr/encode-error';
import { writeU8 } from './axdr-fields';
import { enumTable, type EnumTable, type Named } from './named';

/**
 * ConfirmedServiceError [14] (Green Book 9.5): which service failed, then a ServiceError. In an
 * AARE's user-information it says why the xDLMS context was refused (initiateError /
 * initiate / dlms-version-too-low, …). Every ServiceError alternative is a one-octet ENUMERATED,
 * so an alternative this table does not know still decodes (kind and value stay numbers).
 */
export const CONFIRMED_SERVICE = enumTable({
  initiateError: 1,
  getStatus: 2,
  getNameList: 3,
  getVariableAttribute: 4,
  read: 5,
  write: 6,
  getDataSetAttribute: 7,
  getTIAttribute: 8,
  changeScope: 9,
  start: 10,
  stop: 11,
  resume: 12,
  makeUsable: 13,
  initiateLoad: 14,
  loadSegment: 15,
  terminateLoad: 16,
  initiateUpLoad: 17,
  upLoadSegment: 18,
  terminateUpLoad: 19,
});
export type ConfirmedService = Named<(typeof CONFIRMED_SERVICE.names)[number]>;

/** ServiceError CHOICE alternatives and their tags. */
export const SERVICE_ERROR_KIND = enumTable({
  'application-reference': 0,
  'hardware-resource': 1,
  'vde-state-error': 2,
  service: 3,
  definition: 4,
  access: 5,
  initiate: 6,
  'load-data-set': 7,
  'change-scope': 8, // reserved in the Green Book; no named values
  task: 9,
  other: 10, // manufacturer-specific values
});
export type ServiceErrorKind = Named<(typeof SERVICE_ERROR_KIND.names)[number]>;

/** The ENUMERATED of each ServiceError alternative (Green Book 9.5). */
export const SERVICE_ERROR_VALUES: Readonly<Record<(typeof SERVICE_ERROR_KIND.names)[number], EnumTable<string>>> = {
  'application-reference': enumTable({
    other: 0,
    'time-elapsed': 1,
    'application-unreachable': 2,
    'application-reference-invalid': 3,
    'application-context-unsupported': 4,
    'provider-communication-error': 5,
    'deciphering-error': 6,
  }),
  'hardware-resource': enumTable({
    other: 0,
    'memory-unavailable': 1,
    'processor-resource-unavailable': 2,
    'mass-storage-unavailable': 3,
    'other-resource-unavailable': 4,
  }),
  'vde-state-error': enumTable({ other: 0, 'no-dlms-context': 1, 'loading-data-set': 2, 'status-nochange': 3, 'status-inoperable': 4 }),
  service: enumTable({ other: 0, 'pdu-size': 1, 'service-unsupported': 2 }),
  definition: enumTable({ other: 0, 'object-undefined': 1, 'object-class-inconsistent': 2, 'object-attribute-inconsistent': 3 }),
  access: enumTable({ other: 0, 'scope-of-access-violated': 1, 'object-access-violated': 2, 'hardware-fault': 3, 'object-unavailable': 4 }),
  initiate: enumTable({ other: 0, 'dlms-version-too-low': 1, 'incompatible-conformance': 2, 'pdu-size-too-short': 3, 'refused-by-the-VDE-Handler': 4 }),
  'load-data-set': enumTable({
    other: 0,
    'primitive-out-of-sequence': 1,
    'not-loadable': 2,
    'dataset-size-too-large': 3,
    'not-awaited-segment': 4,
    'interpretation-failure': 5,
    'storage-failure': 6,
    'data-set-not-ready': 7,
  }),
  'change-scope': enumTable({}),
  task: enumTable({ other: 0, 'no-remote-control': 1, 'ti-stopped': 2, 'ti-running': 3, 'ti-unusable': 4 }),
  other: enumTable({}),
};

export interface ServiceError {
  readonly kind: ServiceErrorKind;
  /** The name from the alternative's table, or the number when it names none. */
  readonly value: Named<string>;
}

export interface ConfirmedServiceError {
  readonly type: 'confirmed-service-error';
  readonly service: ConfirmedService;
  readonly error: ServiceError;
}

function valuesOf(kind: ServiceErrorKind): EnumTable<string> | undefined {
  return typeof kind === 'number' ? undefined : SERVICE_ERROR_VALUES[kind];
}

export function decodeServiceError(r: ByteReader): ServiceError {
  const kind = SERVICE_ERROR_KIND.name(r.u8('ServiceError choice'));
  const raw = r.u8('ServiceError value');
  return { kind, value: valuesOf(kind)?.name(raw) ?? raw };
}

export function encodeServiceError(w: ByteWriter, e: ServiceError): void {
  writeU8(w, SERVICE_ERROR_KIND.value(e.kind), 'service-error.kind');
  const table = valuesOf(e.kind);
  const value = typeof e.value === 'number' ? e.value : table?.has(e.value) ? table.value(e.value) : undefined;
  if (value === undefined) throw new EncodeError('XDLMS_UNKNOWN_NAME', 'service-error.value', `a ${String(e.kind)} value name`, String(e.value));
  writeU8(w, value, 'service-error.value');
}

export function decodeConfirmedServiceError(r: ByteReader): ConfirmedServiceError {
  const service = CONFIRMED_SERVICE.name(r.u8('ConfirmedServiceError choice'));
  return { type: 'confirmed-service-error', service, error: decodeServiceError(r) };
}

export function encodeConfirmedServiceError(w: ByteWriter, v: ConfirmedServiceError): void {
  writeU8(w, CONFIRMED_SERVICE.value(v.service), 'confirmed-service-error.service');
  encodeServiceError(w, v.error);
}
