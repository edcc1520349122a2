/**
 * The SET service of an established association (Green Book 9.3.7 SET; 9.4.6.x block transfer
 * with SET), sans-IO: normal, with-list, and the block forms (with-first-datablock then
 * with-datablock, or with-list-and-first-datablock), in which the client sends the value in
 * pieces no longer than the server's max receive PDU size and the server acknowledges each
 * block with set-response-datablock, the last with set-response-last-datablock(-with-list).
 */
import type { Data } from '../../dlms/axdr/data';
import { decodeData } from '../../dlms/axdr/data-codec';
import { ByteReader, concatBytes, isDecodeError } from '../../dlms/bytes';
import { readSequenceOf } from '../../dlms/xdlms/axdr-fields';
import type { AttributeWithSelection, CosemAttributeDescriptor } from '../../dlms/xdlms/descriptors';
import type { InvokeIdAndPriority } from '../../dlms/xdlms/invoke-id';
import type { DataAccessResultName } from '../../dlms/xdlms/results';
import type { SetRequest, SetResponse } from '../../dlms/xdlms/set';
import type { ActiveHooks } from '../faults/types';
import { readAttribute, writeAttribute, type AttributeAddress } from '../objects/store';
import type { ServeContext } from '../objects/types';

/** A long SET in progress: what it writes, and the blocks received so far. */
export interface LongSet {
  readonly targets:
    | { readonly kind: 'single'; readonly attribute: CosemAttributeDescriptor }
    | { readonly kind: 'list'; readonly attributes: readonly AttributeWithSelection[] };
  readonly parts: readonly Uint8Array[];
}

export interface SetOutcome {
  readonly response: SetResponse;
  readonly longSet: LongSet | undefined;
}

const addressOf = (a: CosemAttributeDescriptor): AttributeAddress => ({ classId: a.classId, logicalName: a.instanceId, attribute: a.attributeId });

/**
 * One write, through the faults: a server with `keepWrite` false answers as if it had written
 * and puts the old value back.
 */
function write(attribute: CosemAttributeDescriptor, hasSelection: boolean, value: Data, ctx: ServeContext, hooks: ActiveHooks): DataAccessResultName {
  // No attribute of this meter takes selective access on SET (Green Book 9.3.7): refused as a whole.
  if (hasSelection) return 'other-reason';
  const address = addressOf(attribute);
  const before = readAttribute(address, ctx);
  const result = writeAttribute(address, value, ctx);
  if (result.kind === 'error') return result.result;
  if (!hooks.keepWrite(true) && before.kind === 'data') writeAttribute(address, before.data, ctx);
  return 'success';
}

function decodeValues(raw: Uint8Array, list: boolean): Data[] | undefined {
  try {
    const r = new ByteReader(raw);
    const values = list ? readSequenceOf(r, 'value-list', (x) => decodeData(x)) : [decodeData(r)];
    r.expectEnd('the value carried in set-request blocks');
    return values;
  } catch (e) {
    if (isDecodeError(e)) return undefined;
    throw e;
  }
}

/** Requests that carry a block: the block, and what a first block names. */
function blockOf(request: SetRequest): { block: { lastBlock: boolean; blockNumber: number; rawData: Uint8Array }; first?: LongSet['targets'] } | undefined {
  switch (request.variant) {
    case 'with-first-datablock':
      return { block: request.datablock, first: { kind: 'single', attribute: request.attribute } };
    case 'with-list-and-first-datablock':
      return { block: request.datablock, first: { kind: 'list', attributes: request.attributes } };
    case 'with-datablock':
      return { block: request.datablock };
    default:
      return undefined;
  }
}

/** The last block's answer, or an abort: set-response-last-datablock(-with-list). */
function lastResponse(
  invoke: InvokeIdAndPriority,
  targets: LongSet['targets'],
  blockNumber: number,
  results: DataAccessResultName | DataAccessResultName[],
): SetResponse {
  const base = { type: 'set-response', invokeIdAndPriority: invoke, blockNumber } as const;
  if (targets.kind === 'single') return { ...base, variant: 'last-datablock', result: Array.isArray(results) ? (results[0] ?? 'other-reason') : results };
  return { ...base, variant: 'last-datablock-with-list', result: Array.isArray(results) ? results : targets.attributes.map(() => results) };
}

/**
 * Serves one set-request. `blocksGranted` says whether block transfer with SET was negotiated;
 * the session has already checked that SET itself (and with-list, multiple-references) was.
 */
export function serveSet(request: SetRequest, longSet: LongSet | undefined, blocksGranted: boolean, ctx: ServeContext, hooks: ActiveHooks): SetOutcome {
  const invoke: InvokeIdAndPriority = { ...request.invokeIdAndPriority, invokeId: hooks.responseInvokeId(request.invokeIdAndPriority.invokeId) };
  const base = { type: 'set-response', invokeIdAndPriority: invoke } as const;
  if (request.variant === 'normal') {
    return {
      response: { ...base, variant: 'normal', result: write(request.attribute, request.accessSelection !== undefined, request.value, ctx, hooks) },
      longSet: undefined,
    };
  }
  if (request.variant === 'with-list') {
    const result = request.attributes.map((a, i) => {
      const value = request.values[i];
      return value === undefined ? 'other-reason' : write(a.attribute, a.accessSelection !== undefined, value, ctx, hooks);
    });
    return { response: { ...base, variant: 'with-list', result }, longSet: undefined };
  }

  const carried = blockOf(request)!;
  const { block } = carried;
  const targets = carried.first ?? longSet?.targets;
  if (!targets)
    return { response: { ...base, variant: 'last-datablock', result: 'no-long-set-in-progress', blockNumber: block.blockNumber }, longSet: undefined };
  if (!blocksGranted) return { response: lastResponse(invoke, targets, block.blockNumber, 'long-set-aborted'), longSet: undefined };
  // Blocks are numbered from 1, each one more than the last (Green Book 9.4.6.x).
  const expected = carried.first ? 1 : (longSet?.parts.length ?? 0) + 1;
  if (block.blockNumber !== expected) return { response: lastResponse(invoke, targets, block.blockNumber, 'data-block-number-invalid'), longSet: undefined };
  const parts = [...(carried.first ? [] : (longSet?.parts ?? [])), block.rawData];
  if (!block.lastBlock) return { response: { ...base, variant: 'datablock', blockNumber: block.blockNumber }, longSet: { targets, parts } };

  const values = decodeValues(concatBytes(...parts), targets.kind === 'list');
  if (!values) return { response: lastResponse(invoke, targets, block.blockNumber, 'type-unmatched'), longSet: undefined };
  if (targets.kind === 'single') {
    const result = write(targets.attribute, false, values[0]!, ctx, hooks);
    return { response: lastResponse(invoke, targets, block.blockNumber, result), longSet: undefined };
  }
  const results = targets.attributes.map((a, i) => {
    const value = values[i];
    return value === undefined ? 'other-reason' : write(a.attribute, a.accessSelection !== undefined, value, ctx, hooks);
  });
  return { response: lastResponse(invoke, targets, block.blockNumber, results), longSet: undefined };
}
