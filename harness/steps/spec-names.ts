/**
 * Names that cannot be mistyped (issue 8, item 8): every spec name a suite may write is a closed
 * list derived from the tables in dlms/, so a typo is a located configuration error at load time
 * (exit 2), never a meter that "failed" to answer a name no meter can send.
 */
import { DECODE_ERROR_CODES } from '../../dlms/bytes/decode-codes';
import { ACSE_SERVICE_PROVIDER, ACSE_SERVICE_USER, RELEASE_RESPONSE_REASON } from '../../dlms/acse/names';
import { EXCEPTION_SERVICE_ERROR, STATE_ERROR } from '../../dlms/xdlms/exception';
import { ACTION_RESULT, DATA_ACCESS_RESULT } from '../../dlms/xdlms/results';
import { CONFIRMED_SERVICE, SERVICE_ERROR_KIND, SERVICE_ERROR_VALUES } from '../../dlms/xdlms/service-error';
import { type TypedSchema, typedSchema } from '../yaml/from-schema';

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];

/** exception-response state-error (Green Book 9.5). */
export const STATE_ERROR_NAMES: readonly string[] = STATE_ERROR.names;
/** exception-response service-error (Green Book 9.5). */
export const EXCEPTION_SERVICE_ERROR_NAMES: readonly string[] = Object.keys(EXCEPTION_SERVICE_ERROR);
/** ServiceError choices of a confirmed-service-error. */
export const SERVICE_ERROR_KIND_NAMES: readonly string[] = SERVICE_ERROR_KIND.names;
/** Every value any ServiceError choice names. */
export const SERVICE_ERROR_VALUE_NAMES: readonly string[] = uniq(Object.values(SERVICE_ERROR_VALUES).flatMap((t) => t.names));
/** AARE result-source-diagnostic names, of either source (ISO/IEC 8650-1 as profiled, Green Book 9.3.2). */
export const ACSE_DIAGNOSTIC_NAMES: readonly string[] = uniq([...ACSE_SERVICE_USER.names, ...ACSE_SERVICE_PROVIDER.names]);
/**
 * What the AARE user-information may be said to carry (client/association.ts serviceErrorText):
 * an initiate value, `none`, or `service: choice value` for another confirmed-service-error.
 */
export const INITIATE_ERROR_NAMES: readonly string[] = uniq([
  'none',
  ...SERVICE_ERROR_VALUES.initiate.names,
  ...CONFIRMED_SERVICE.names.flatMap((service) =>
    SERVICE_ERROR_KIND.names.flatMap((kind) => SERVICE_ERROR_VALUES[kind].names.map((value) => `${service}: ${kind} ${value}`)),
  ),
]);
export const DATA_ACCESS_RESULT_NAMES: readonly string[] = DATA_ACCESS_RESULT.names;
export const ACTION_RESULT_NAMES: readonly string[] = ACTION_RESULT.names;
/** RLRE reason (Green Book 9.3.3), and `none` for an RLRE without one. */
export const RELEASE_REASON_NAMES: readonly string[] = [...RELEASE_RESPONSE_REASON.names, 'none'];

/** The code of a malformed answer (a DecodeError of dlms/, or the client's link outcome): docs/error-codes/. */
export const DECODE_ERROR_CODE_NAMES: readonly string[] = DECODE_ERROR_CODES;

/** A string schema whose value must be one of `names`. */
export function nameOf(names: readonly string[], description: string): TypedSchema<string> {
  return typedSchema<string>({ type: 'string', enum: names, description });
}
