/**
 * Expectations on an outcome (what the DUT answered, or that it did not), and the words used
 * for both sides of a mismatch. Assertions check the exact outcome: the exact
 * data-access-result, AARE diagnostic or exception, never just "an error came back".
 */
import type { AssociateOutcome, GetOutcome, ReadOutcome, ReleaseOutcome, WriteOutcome } from '../../client/api';
import { DATA_TAG, type Data, type DataType } from '../../dlms/axdr/data';
import { formatData } from '../../dlms/axdr/format';
import { isClosedOutcome } from '../../client/outcomes';
import { ACTION_RESULT, DATA_ACCESS_RESULT } from '../../dlms/xdlms/results';
import { describeAction, describeGetList, describeMalformed, describeNotification, describeSet, describeSetList } from './service-outcome';
import type { Profile } from '../profile/types';
import type { Schema } from '../yaml/schema';
import { typedSchema } from '../yaml/from-schema';
import {
  ACSE_DIAGNOSTIC_NAMES,
  DECODE_ERROR_CODE_NAMES,
  EXCEPTION_SERVICE_ERROR_NAMES,
  INITIATE_ERROR_NAMES,
  nameOf,
  SERVICE_ERROR_KIND_NAMES,
  SERVICE_ERROR_VALUE_NAMES,
  STATE_ERROR_NAMES,
} from './spec-names';
import type { LastOutcome } from './context';
import type { TypeSpec } from '../../dlms/cosem/catalogue/type-spec';
import { attributeName, attributeSpec, EXPECTED_VALUE_SCHEMA, type ExpectedValue, isScalarExpectation, valueDifference } from '../values/expected-value';

export interface DataExpectation {
  readonly type?: DataType | readonly DataType[];
  /** Any shape: a scalar, a list (structure or array elements), a mapping by field name (values/expected-value.ts). */
  readonly value?: ExpectedValue;
  /** An octet-string or visible-string whose characters equal this text. */
  readonly text?: string;
  /** Like `text`, with the value the profile's `expect:` states. */
  readonly textFromProfile?: 'logicalDeviceName';
}

export interface RejectedExpectation {
  readonly result?: 'rejected-permanent' | 'rejected-transient';
  readonly source?: 'acse-service-user' | 'acse-service-provider';
  readonly diagnostic?: string;
  /** The initiate error the AARE user-information carries ('dlms-version-too-low', …); `none` requires there is none. */
  readonly initiateError?: string;
}

/** Exactly one key, as written in the suite. */
export interface OutcomeExpectation {
  readonly data?: DataExpectation;
  readonly dataAccessResult?: string;
  /** The action-result of an ACTION (Green Book 9.5 Action-Result). */
  readonly actionResult?: string;
  readonly exception?: { readonly stateError?: string; readonly serviceError?: string };
  readonly confirmedServiceError?: { readonly error?: string; readonly value?: string };
  readonly silence?: true;
  readonly accepted?: true;
  readonly rejected?: RejectedExpectation;
  readonly released?: true;
  /** The meter closed the connection (legal over TCP after RLRE or DISC; a case about hanging up allows it explicitly). */
  readonly closed?: true;
  /** An answer that does not decode, with this code when given (dlms/bytes/decode-codes.ts): a known defect a case tolerates, say. */
  readonly malformed?: { readonly code?: string };
  readonly oneOf?: readonly OutcomeExpectation[];
  /**
   * Inside `oneOf`: this alternative is allowed but not preferred; when it is the one that holds
   * (alternatives are tried in order), the case passes with this remark.
   */
  readonly remark?: RemarkSpec;
}

/** A tolerance as a suite writes it: what the answer means, and the record or clause that allows it. */
export interface RemarkSpec {
  readonly text: string;
  readonly clause: string;
}

export const REMARK_SCHEMA: Schema = {
  type: 'object',
  description: 'allowed but not preferred: the case passes with this remark when this alternative is the one that holds',
  properties: {
    text: { type: 'string', description: 'what the answer is and what is preferred' },
    clause: { type: 'string', description: 'the docs/decisions/ record or spec clause that allows it' },
  },
  required: ['text', 'clause'],
};

const DATA_TYPES = Object.keys(DATA_TAG) as DataType[];

export const REJECTED_SCHEMA = typedSchema<RejectedExpectation>({
  type: 'object',
  properties: {
    result: { type: 'string', enum: ['rejected-permanent', 'rejected-transient'], description: 'AARE result (Green Book 9.3.2)' },
    source: { type: 'string', enum: ['acse-service-user', 'acse-service-provider'], description: 'result-source-diagnostic choice' },
    diagnostic: nameOf(ACSE_DIAGNOSTIC_NAMES, 'diagnostic name, e.g. authentication-failure'),
    initiateError: nameOf(INITIATE_ERROR_NAMES, 'xDLMS initiate error in the user-information (Green Book 9.3.2), or none'),
  },
});

const SINGLE_PROPERTIES: Record<string, Schema> = {
  data: {
    type: 'object',
    properties: {
      type: {
        anyOf: [
          { type: 'string', enum: DATA_TYPES },
          { type: 'array', items: { type: 'string', enum: DATA_TYPES } },
        ],
      },
      value: EXPECTED_VALUE_SCHEMA,
      text: { type: 'string', description: 'the characters of an octet-string or visible-string' },
      textFromProfile: { type: 'string', enum: ['logicalDeviceName'], description: 'text equal to the profile expectation' },
    },
  },
  dataAccessResult: { type: 'string', enum: [...DATA_ACCESS_RESULT.names], description: 'Data-Access-Result of a GET or SET (Green Book 9.5)' },
  actionResult: { type: 'string', enum: [...ACTION_RESULT.names], description: 'Action-Result of an ACTION (Green Book 9.5)' },
  exception: {
    type: 'object',
    description: 'exception-response (Green Book 9.5)',
    properties: { stateError: nameOf(STATE_ERROR_NAMES, 'state-error'), serviceError: nameOf(EXCEPTION_SERVICE_ERROR_NAMES, 'service-error') },
  },
  confirmedServiceError: {
    type: 'object',
    description: 'confirmed-service-error (Green Book 9.5): the ServiceError choice and its value',
    properties: { error: nameOf(SERVICE_ERROR_KIND_NAMES, 'the ServiceError choice'), value: nameOf(SERVICE_ERROR_VALUE_NAMES, 'its value') },
  },
  silence: { const: true, description: 'no answer within the response time-out' },
  accepted: { const: true, description: 'AARE result accepted' },
  rejected: REJECTED_SCHEMA,
  released: { const: true, description: 'RLRE received' },
  closed: { const: true, description: 'the meter closed the connection (never taken for silence)' },
  malformed: {
    type: 'object',
    description: 'an answer that does not decode (a malformed APDU or frame)',
    properties: { code: nameOf(DECODE_ERROR_CODE_NAMES, 'the decode error code (docs/error-codes/)') },
  },
};

/** One alternative of `oneOf`: one expectation, and optionally the remark it earns when it is the one that holds. */
const SINGLE: Schema = { type: 'object', properties: { ...SINGLE_PROPERTIES, remark: REMARK_SCHEMA }, minProperties: 1, maxProperties: 2 };

/** `oneOf: [...]`: any one of several outcomes, the ones not preferred with a remark. */
export const ONE_OF_SCHEMA: Schema = { type: 'array', minItems: 2, items: SINGLE, description: 'any one of these outcomes' };

/** An expectation that is only `{ oneOf }`, for a step whose `expect:` has a shape of its own. */
export const ONE_OF_EXPECTATION_SCHEMA = typedSchema<{ readonly oneOf: NonNullable<OutcomeExpectation['oneOf']> }>({
  type: 'object',
  properties: { oneOf: ONE_OF_SCHEMA },
  required: ['oneOf'],
});

export const OUTCOME_EXPECTATION_SCHEMA = typedSchema<OutcomeExpectation>({
  type: 'object',
  description: 'one expectation on the last outcome',
  properties: { ...SINGLE_PROPERTIES, oneOf: ONE_OF_SCHEMA },
  minProperties: 1,
  maxProperties: 1,
});

export interface Mismatch {
  readonly expected: string;
  readonly actual: string;
  /** Where inside the data the first difference is (`value.unit`), for a value of any shape. */
  readonly path?: string;
}

/**
 * undefined when the outcome meets the expectation. When the alternative that holds carries a
 * remark (allowed, not preferred), `remark` is called with it.
 */
export function matchOutcome(
  exp: OutcomeExpectation,
  last: LastOutcome | undefined,
  profile: Profile,
  remark?: (text: string, clause: string) => void,
): Mismatch | undefined {
  if (exp.data?.value !== undefined && !isScalarExpectation(exp.data.value) && last?.outcome.kind === 'data') {
    // A value of any shape: once the type holds, name the first differing field rather than dump both values.
    const { value, ...rest } = exp.data;
    if (dataHolds(rest, last.outcome.data, profile)) {
      const diff = valueDifference(value, last.outcome.data, specOf(last), 'value', fieldOf(last));
      if (diff) return { path: diff.path, expected: diff.expected, actual: diff.actual };
    }
  }
  const actual = last ? describeOutcome(last) : 'no request made yet';
  const held = last === undefined ? undefined : holding(exp, last, profile);
  if (!held) return { expected: describeExpectation(exp, profile), actual };
  if (held.remark) remark?.(`${held.remark.text} (the DUT answered ${actual})`, held.remark.clause);
  return undefined;
}

/** The expectation (an alternative of oneOf, in order) that the outcome meets, if any. */
function holding(exp: OutcomeExpectation, last: LastOutcome, profile: Profile): OutcomeExpectation | undefined {
  if (exp.oneOf) {
    for (const e of exp.oneOf) {
      const h = holding(e, last, profile);
      if (h) return h;
    }
    return undefined;
  }
  return holds(exp, last, profile) ? exp : undefined;
}

function holds(exp: OutcomeExpectation, last: LastOutcome, profile: Profile): boolean {
  const o = last.outcome;
  if (exp.oneOf) return holding(exp, last, profile) !== undefined;
  if (exp.silence) return o.kind === 'silence';
  if (exp.data) return o.kind === 'data' && dataHolds(exp.data, o.data, profile, last);
  if (exp.dataAccessResult) return (o.kind === 'data-access-result' || o.kind === 'set-result') && o.result === exp.dataAccessResult;
  if (exp.actionResult) return o.kind === 'action-result' && o.result === exp.actionResult;
  if (exp.exception) {
    const e = exp.exception;
    return o.kind === 'exception' && (!e.stateError || o.stateError === e.stateError) && (!e.serviceError || o.serviceError === e.serviceError);
  }
  if (exp.confirmedServiceError) {
    const c = exp.confirmedServiceError;
    return o.kind === 'confirmed-service-error' && (!c.error || o.error === c.error) && (!c.value || o.value === c.value);
  }
  if (exp.accepted) return o.kind === 'accepted';
  if (exp.rejected) {
    const r = exp.rejected;
    const initiateHolds =
      r.initiateError === undefined ||
      (r.initiateError === 'none' ? o.kind === 'rejected' && o.initiateError === undefined : o.kind === 'rejected' && o.initiateError === r.initiateError);
    return (
      o.kind === 'rejected' &&
      (!r.result || o.result === r.result) &&
      (!r.source || o.diagnosticSource === r.source) &&
      (!r.diagnostic || o.diagnostic === r.diagnostic) &&
      initiateHolds
    );
  }
  if (exp.released) return o.kind === 'released';
  if (exp.closed) return isClosedOutcome(o);
  if (exp.malformed) return o.kind === 'malformed' && (exp.malformed.code === undefined ? !isClosedOutcome(o) : o.code === exp.malformed.code);
  return false;
}

/** The catalogue type of what the last GET read, to type an expected value of any shape. */
function specOf(last: LastOutcome): TypeSpec | undefined {
  return last.op === 'get' ? attributeSpec(last.ref.classId, last.ref.attribute) : undefined;
}

/** The attribute's name, which says the enumeration a whole-attribute value holds. */
function fieldOf(last: LastOutcome): string | undefined {
  return last.op === 'get' ? attributeName(last.ref.classId, last.ref.attribute) : undefined;
}

function dataHolds(e: DataExpectation, d: Data, profile: Profile, last?: LastOutcome): boolean {
  if (e.type !== undefined && !(typeof e.type === 'string' ? [e.type] : e.type).includes(d.type)) return false;
  if (e.value !== undefined && valueDifference(e.value, d, last && specOf(last), 'value', last && fieldOf(last)) !== undefined) return false;
  const text = e.text ?? (e.textFromProfile ? profile.expect[e.textFromProfile] : undefined);
  if ((e.text !== undefined || e.textFromProfile !== undefined) && (text === undefined || dataText(d) !== text)) return false;
  return true;
}

/** The characters of an octet-string (as Latin-1) or a string type; undefined for other types. */
export function dataText(d: Data): string | undefined {
  if (d.type === 'octet-string') return String.fromCharCode(...d.value);
  if (d.type === 'visible-string' || d.type === 'utf8-string') return d.value;
  return undefined;
}

export function describeExpectation(exp: OutcomeExpectation, profile: Profile): string {
  if (exp.oneOf) return exp.oneOf.map((e) => describeExpectation(e, profile)).join(', or ');
  if (exp.silence) return 'no answer (silence)';
  if (exp.data) {
    const d = exp.data;
    const type = d.type === undefined ? 'data' : `data of type ${typeof d.type === 'string' ? d.type : d.type.join(' or ')}`;
    const text = d.text ?? (d.textFromProfile ? profile.expect[d.textFromProfile] : undefined);
    const extra = [
      d.value !== undefined ? `value ${typeof d.value === 'object' ? JSON.stringify(d.value) : String(d.value)}` : '',
      text !== undefined ? `text ${JSON.stringify(text)}` : '',
    ].filter(Boolean);
    return [type, ...extra].join(', ');
  }
  if (exp.dataAccessResult) return `data-access-result ${exp.dataAccessResult}`;
  if (exp.actionResult) return `action-result ${exp.actionResult}`;
  if (exp.exception) {
    return `exception-response${exp.exception.stateError ? ` state-error ${exp.exception.stateError}` : ''}${exp.exception.serviceError ? ` service-error ${exp.exception.serviceError}` : ''}`;
  }
  if (exp.confirmedServiceError) {
    const c = exp.confirmedServiceError;
    return `confirmed-service-error${c.error ? ` ${c.error}` : ''}${c.value ? ` ${c.value}` : ''}`;
  }
  if (exp.accepted) return 'AARE accepted';
  if (exp.rejected) {
    const r = exp.rejected;
    const ui = r.initiateError === undefined ? '' : r.initiateError === 'none' ? ', no initiate error' : `, initiate error ${r.initiateError}`;
    return `AARE ${r.result ?? 'rejected'}${r.source ? `, ${r.source}` : ''}${r.diagnostic ? ` diagnostic ${r.diagnostic}` : ''}${ui}`;
  }
  if (exp.released) return 'RLRE (released)';
  if (exp.closed) return 'the meter closes the connection';
  if (exp.malformed) return `a malformed answer${exp.malformed.code ? ` (${exp.malformed.code})` : ''}`;
  return 'an expectation';
}

export function describeOutcome(last: LastOutcome): string {
  switch (last.op) {
    case 'associate':
      return describeAssociate(last.outcome);
    case 'get':
      return describeGet(last.outcome);
    case 'release':
      return describeRelease(last.outcome);
    case 'read':
      return describeRead(last.outcome);
    case 'write':
      return describeWrite(last.outcome);
    case 'set':
      return describeSet(last.outcome);
    case 'set-with-list':
      return describeSetList(last.outcome);
    case 'action':
      return describeAction(last.outcome);
    case 'get-with-list':
      return describeGetList(last.outcome);
    case 'notification':
      return describeNotification(last.outcome);
  }
}

function describeAssociate(o: AssociateOutcome): string {
  switch (o.kind) {
    case 'accepted':
      return `AARE accepted (DLMS version ${o.dlmsVersion}, server max PDU ${o.serverMaxReceivePduSize})`;
    case 'rejected':
      return `AARE ${o.result}, ${o.diagnosticSource} diagnostic ${o.diagnostic}${o.initiateError ? `, initiate error ${o.initiateError}` : ''}`;
    case 'hls-failed':
      return `AARE accepted, but HLS pass ${o.pass} failed: ${o.detail}`;
    default:
      return describeCommon(o);
  }
}

function describeGet(o: GetOutcome): string {
  switch (o.kind) {
    case 'data':
      return `data ${formatData(o.data, { maxItems: 8 })}${o.blocks > 1 ? ` (in ${o.blocks} blocks)` : ''}`;
    case 'data-access-result':
      return `data-access-result ${o.result}`;
    case 'exception':
      return `exception-response state-error ${o.stateError} service-error ${o.serviceError}`;
    case 'confirmed-service-error':
      return `confirmed-service-error (${o.service}) ${o.error} ${o.value}`;
    default:
      return describeCommon(o);
  }
}

function describeRead(o: ReadOutcome): string {
  if (o.kind !== 'read') return o.kind === 'exception' || o.kind === 'confirmed-service-error' ? describeGet(o) : describeCommon(o);
  const items = o.results.map((r) => (r.kind === 'data' ? formatData(r.data, { maxItems: 8 }) : `data-access-error ${r.result}`));
  return `ReadResponse [${items.join('; ')}]${o.blocks > 1 ? ` (in ${o.blocks} blocks)` : ''}`;
}

function describeWrite(o: WriteOutcome): string {
  if (o.kind !== 'written') return o.kind === 'exception' || o.kind === 'confirmed-service-error' ? describeGet(o) : describeCommon(o);
  return `WriteResponse [${o.results.map((r) => (r.kind === 'success' ? 'success' : `data-access-error ${r.result}`)).join('; ')}]`;
}

function describeRelease(o: ReleaseOutcome): string {
  if (o.kind === 'exception' || o.kind === 'confirmed-service-error') return describeGet(o);
  return o.kind === 'released' ? `RLRE${o.reason ? ` (reason ${o.reason})` : ''}${o.userInformation ? ` with ${o.userInformation}` : ''}` : describeCommon(o);
}

function describeCommon(
  o: { kind: 'silence'; waitedMs: number } | { kind: 'malformed'; code: string; offset: number; expected: string; actual: string },
): string {
  if (o.kind === 'silence') return `no answer within ${o.waitedMs} ms`;
  return describeMalformed(o);
}
