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
 * Faults see each response last (transformResponse), as for LN services.
 */
import { encodeApduBytes, type Apdu } from '../../dlms/xdlms/apdu';
import type { ReadRequest, ReadResult, UnconfirmedWriteRequest, VariableAccessSpecification, WriteRequest, WriteResult } from '../../dlms/xdlms/sn';
import { ByteWriter } from '../../dlms/bytes';
import { encodeReadResponse } from '../../dlms/xdlms/sn';
import type { ActiveHooks } from '../faults/types';
import { visibleTo, writeAttribute } from '../objects/store';
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

const NOT_GRANTED: Apdu = { type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind: 'service-not-supported' } };

function target(ctx: ServeContext, variableName: number) {
  const visible = ctx.meter.objects.filter((o) => visibleTo(o, ctx.association.definition));
  const t = resolveShortName(ctx.meter.objects, visible, variableName);
  return t && { classId: t.object.cosemClass.classId, logicalName: t.object.logicalName, attribute: t.attribute };
}

function readOne(spec: VariableAccessSpecification, ctx: ServeContext, hooks: ActiveHooks): ReadResult {
  if (spec.kind !== 'variable-name' && spec.kind !== 'parameterized-access') return { kind: 'data-access-error', error: 'other-reason' };
  const address = target(ctx, spec.variableName);
  if (!address) return { kind: 'data-access-error', error: 'object-undefined' };
  const access = spec.kind === 'parameterized-access' ? { accessSelector: spec.selector, accessParameters: spec.parameter } : undefined;
  const r = hooks.onGet(address, readSelected(address, access, ctx, hooks));
  return r.kind === 'data' ? { kind: 'data', data: r.data } : { kind: 'data-access-error', error: r.result };
}

function writeOne(spec: VariableAccessSpecification, data: Parameters<typeof writeAttribute>[1], ctx: ServeContext): WriteResult {
  if (spec.kind !== 'variable-name') return { kind: 'data-access-error', error: 'other-reason' };
  const address = target(ctx, spec.variableName);
  if (!address) return { kind: 'data-access-error', error: 'object-undefined' };
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
        ? specs.map((s, i) => writeOne(s, request.listOfData[i]!, ctx))
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
