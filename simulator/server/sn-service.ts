/**
 * Short-name referencing, server side (Green Book 9.3: ReadRequest, WriteRequest,
 * UnconfirmedWriteRequest; 9.4.6 block transfer with READ), sans-IO. A variable name is mapped
 * to an object and attribute through the base names of objects/short-names.ts, then read or
 * written through the same store as LN services, so access rights and results agree.
 *
 * - One result per variable, in the request's order (data or data-access-error).
 * - A ReadResponse longer than the client may receive goes out in data-block-results when
 *   block-transfer-with-get-or-read is negotiated; the client asks for the next block with
 *   block-number-access naming the block it received last.
 * - Parameterized access (Green Book 9.3, Variable-Access-Specification parameterized-access):
 *   the selector and parameter mean what the attribute's selective access means in GET (Blue
 *   Book 4.3.6 for a Profile generic buffer), served by the same code; an undeclared selector is
 *   refused with other-reason, as in GET.
 * - Methods by short name (Green Book 9.3; names from the class's first-method offset,
 *   dlms/cosem/catalogue/sn-method-offsets.ts): a READ of a method's name invokes it, with the
 *   parameter of a parameterized access as its invocation parameter (the selector is not read:
 *   a method has no selective access), and answers its return data, null-data when it returns
 *   none; a WRITE of a method's name invokes it with the data written. The method runs as an
 *   ACTION's would (same store, access rights and faults); a refusal is the data-access-error of
 *   the action-result's name. A method that pushes or reports an event does not send it here.
 * Faults see each response last (transformResponse), as for LN services, and a method's result
 * first (onSnMethod).
 */
import type { Data } from '../../dlms/axdr/data';
import { encodeApduBytes, type Apdu } from '../../dlms/xdlms/apdu';
import { DATA_ACCESS_RESULT, type ActionResult, type DataAccessResult } from '../../dlms/xdlms/results';
import type { ReadRequest, ReadResult, UnconfirmedWriteRequest, VariableAccessSpecification, WriteRequest, WriteResult } from '../../dlms/xdlms/sn';
import { ByteWriter } from '../../dlms/bytes';
import { encodeReadResponse } from '../../dlms/xdlms/sn';
import type { ActiveHooks } from '../faults/types';
import { visibleTo, writeAttribute } from '../objects/store';
import { invoke } from './action-service';
import { readSelected } from './get-service';
import { resolveShortName } from '../objects/short-names';
import type { ServeContext } from '../objects/types';
import { granted, responseLimit } from './grants';

export type SnServiceRequest = ReadRequest | WriteRequest | UnconfirmedWriteRequest;

/** Bytes of a ReadResponse of one data-block-result around its raw data: tag, count, choice, last-block, block-number (2), length (up to 3). */
const DATABLOCK_OVERHEAD = 1 + 1 + 1 + 1 + 2 + 3;

interface LongRead {
  readonly blocks: readonly Uint8Array[];
  readonly lastSent: number;
}

export interface SnServices {
  /** The response APDU, or undefined (unconfirmed write). */
  handle(request: SnServiceRequest, ctx: ServeContext): Uint8Array | undefined;
  reset(): void;
}

const NULL_DATA: Data = { type: 'null-data' };

const NOT_GRANTED: Apdu = { type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind: 'service-not-supported' } };

type Target =
  | { readonly kind: 'attribute'; readonly classId: number; readonly logicalName: Uint8Array; readonly attribute: number }
  | { readonly kind: 'method'; readonly classId: number; readonly instanceId: Uint8Array; readonly methodId: number };

function target(ctx: ServeContext, variableName: number): Target | undefined {
  const visible = ctx.meter.objects.filter((o) => visibleTo(o, ctx.association.definition));
  const t = resolveShortName(ctx.meter.objects, visible, variableName);
  if (!t) return undefined;
  const classId = t.object.cosemClass.classId;
  return t.kind === 'attribute'
    ? { kind: 'attribute', classId, logicalName: t.object.logicalName, attribute: t.attribute }
    : { kind: 'method', classId, instanceId: t.object.logicalName, methodId: t.method };
}

/** An action-result as the data-access-result of a READ or WRITE: the same name where there is one. */
function asDataAccessResult(result: ActionResult): DataAccessResult {
  return typeof result === 'string' && (DATA_ACCESS_RESULT.names as readonly string[]).includes(result) ? (result as DataAccessResult) : 'other-reason';
}

function runMethod(method: Extract<Target, { kind: 'method' }>, parameters: Data | undefined, ctx: ServeContext, hooks: ActiveHooks) {
  const r = invoke(method, parameters, ctx, [], [], hooks);
  return { result: hooks.onSnMethod(r.result), data: r.returnParameters?.kind === 'data' ? r.returnParameters.data : undefined };
}

function readOne(spec: VariableAccessSpecification, ctx: ServeContext, hooks: ActiveHooks): ReadResult {
  if (spec.kind !== 'variable-name' && spec.kind !== 'parameterized-access') return { kind: 'data-access-error', error: 'other-reason' };
  const address = target(ctx, spec.variableName);
  if (!address) return { kind: 'data-access-error', error: 'object-undefined' };
  if (address.kind === 'method') {
    const r = runMethod(address, spec.kind === 'parameterized-access' ? spec.parameter : undefined, ctx, hooks);
    return r.result === 'success' ? { kind: 'data', data: r.data ?? NULL_DATA } : { kind: 'data-access-error', error: asDataAccessResult(r.result) };
  }
  const access = spec.kind === 'parameterized-access' ? { accessSelector: spec.selector, accessParameters: spec.parameter } : undefined;
  const r = hooks.onGet(address, readSelected(address, access, ctx, hooks));
  return r.kind === 'data' ? { kind: 'data', data: r.data } : { kind: 'data-access-error', error: r.result };
}

function writeOne(spec: VariableAccessSpecification, data: Data, ctx: ServeContext, hooks: ActiveHooks): WriteResult {
  if (spec.kind !== 'variable-name') return { kind: 'data-access-error', error: 'other-reason' };
  const address = target(ctx, spec.variableName);
  if (!address) return { kind: 'data-access-error', error: 'object-undefined' };
  if (address.kind === 'method') {
    const r = runMethod(address, data, ctx, hooks);
    return r.result === 'success' ? { kind: 'success' } : { kind: 'data-access-error', error: asDataAccessResult(r.result) };
  }
  const r = writeAttribute(address, data, ctx);
  return r.kind === 'success' ? { kind: 'success' } : { kind: 'data-access-error', error: r.result };
}

function split(data: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += size) out.push(data.subarray(at, Math.min(data.length, at + size)));
  return out;
}

export function createSnServices(hooks: ActiveHooks): SnServices {
  let longRead: LongRead | undefined;

  const send = (request: Apdu, response: Apdu): Uint8Array => encodeApduBytes(hooks.transformResponse(request, response));

  function block(request: Apdu, blockNumber: number): Uint8Array {
    const lr = longRead!;
    const lastBlock = blockNumber === lr.blocks.length;
    longRead = lastBlock ? undefined : { ...lr, lastSent: blockNumber };
    return send(request, { type: 'read-response', results: [{ kind: 'data-block-result', lastBlock, blockNumber, rawData: lr.blocks[blockNumber - 1]! }] });
  }

  function read(request: ReadRequest, ctx: ServeContext): Uint8Array {
    if (!granted(ctx, hooks, 'read')) return encodeApduBytes(NOT_GRANTED);
    const first = request.variableAccessSpecification[0];
    if (request.variableAccessSpecification.length === 1 && first?.kind === 'block-number-access') {
      // Green Book 9.4.6: the client names the block it received; the next one follows.
      if (!longRead || first.blockNumber !== longRead.lastSent) {
        longRead = undefined;
        return send(request, { type: 'read-response', results: [{ kind: 'data-access-error', error: 'data-block-number-invalid' }] });
      }
      return block(request, first.blockNumber + 1);
    }
    if (request.variableAccessSpecification.length > 1 && !granted(ctx, hooks, 'multiple-references')) return encodeApduBytes(NOT_GRANTED);
    longRead = undefined;
    const response: Apdu = { type: 'read-response', results: request.variableAccessSpecification.map((s) => readOne(s, ctx, hooks)) };
    const whole = encodeApduBytes(response);
    const limit = responseLimit(ctx, hooks);
    if (whole.length <= limit) return send(request, response);
    if (!granted(ctx, hooks, 'block-transfer-with-get-or-read') || limit <= DATABLOCK_OVERHEAD) {
      // Nothing the client can receive carries it: each result becomes an error instead.
      return send(request, { type: 'read-response', results: response.results.map(() => ({ kind: 'data-access-error', error: 'other-reason' })) });
    }
    // The blocks carry the ReadResponse body (its SEQUENCE OF results), without the tag.
    const body = new ByteWriter();
    encodeReadResponse(body, response);
    longRead = { blocks: split(body.finish(), limit - DATABLOCK_OVERHEAD), lastSent: 0 };
    return block(request, 1);
  }

  function write(request: WriteRequest | UnconfirmedWriteRequest, ctx: ServeContext): Uint8Array | undefined {
    const service = request.type === 'write-request' ? 'write' : 'unconfirmed-write';
    if (!granted(ctx, hooks, service)) return request.type === 'write-request' ? encodeApduBytes(NOT_GRANTED) : undefined;
    const specs = request.variableAccessSpecification;
    const results: WriteResult[] =
      specs.length === request.listOfData.length
        ? specs.map((s, i) => writeOne(s, request.listOfData[i]!, ctx, hooks))
        : specs.map(() => ({ kind: 'data-access-error', error: 'type-unmatched' }));
    if (request.type === 'unconfirmed-write-request') return undefined;
    return send(request, { type: 'write-response', results });
  }

  return {
    handle(request, ctx) {
      return request.type === 'read-request' ? read(request, ctx) : write(request, ctx);
    },
    reset() {
      longRead = undefined;
    },
  };
}
