import { ByteReader, ByteWriter } from '../bytes';
import { failChoice, writeU32, writeU8 } from './axdr-fields';
import { enumTable, type Named } from './named';

/**
 * ExceptionResponse [216] (Green Book 9.5): a server's answer to an APDU it cannot process at
 * all. state-error [0] ENUMERATED, then service-error [1] CHOICE of IMPLICIT NULLs, except
 * invocation-counter-error [6] which carries the server's expected invocation counter (Unsigned32).
 */
export const STATE_ERROR = enumTable({ 'service-not-allowed': 1, 'service-unknown': 2 });
export type StateError = Named<(typeof STATE_ERROR.names)[number]>;

export const EXCEPTION_SERVICE_ERROR = {
  'operation-not-possible': 1,
  'service-not-supported': 2,
  'other-reason': 3,
  'pdu-too-long': 4,
  'deciphering-error': 5,
  'invocation-counter-error': 6,
} as const;

export type ExceptionServiceError =
  | { readonly kind: Exclude<keyof typeof EXCEPTION_SERVICE_ERROR, 'invocation-counter-error'> }
  | { readonly kind: 'invocation-counter-error'; readonly invocationCounter: number };

export interface ExceptionResponse {
  readonly type: 'exception-response';
  readonly stateError: StateError;
  readonly serviceError: ExceptionServiceError;
}

const NULL_ERRORS = new Map<number, Exclude<ExceptionServiceError['kind'], 'invocation-counter-error'>>([
  [1, 'operation-not-possible'],
  [2, 'service-not-supported'],
  [3, 'other-reason'],
  [4, 'pdu-too-long'],
  [5, 'deciphering-error'],
]);

export function decodeExceptionResponse(r: ByteReader): ExceptionResponse {
  const stateError = STATE_ERROR.name(r.u8('state-error'));
  const at = r.offset;
  const choice = r.u8('service-error choice');
  if (choice === EXCEPTION_SERVICE_ERROR['invocation-counter-error']) {
    return { type: 'exception-response', stateError, serviceError: { kind: 'invocation-counter-error', invocationCounter: r.u32('invocation-counter') } };
  }
  const kind = NULL_ERRORS.get(choice);
  // Unlike ServiceError, an unknown alternative here has unknown content: nothing after it can be read.
  if (kind === undefined) return failChoice(at, 'exception-response service-error', choice);
  return { type: 'exception-response', stateError, serviceError: { kind } };
}

export function encodeExceptionResponse(w: ByteWriter, v: ExceptionResponse): void {
  writeU8(w, STATE_ERROR.value(v.stateError), 'exception-response.state-error');
  w.u8(EXCEPTION_SERVICE_ERROR[v.serviceError.kind]);
  if (v.serviceError.kind === 'invocation-counter-error') writeU32(w, v.serviceError.invocationCounter, 'exception-response.invocation-counter');
}
