/**
 * Segmentation of an APDU over HDLC I frames (IEC 62056-46 / Green Book 8.4.4, the S bit of
 * the frame format field): a message longer than the negotiated maximum information field
 * length goes out as several frames, every one but the last with S set. The receiver joins
 * the information fields until a frame with S clear arrives.
 *
 * Both halves are pure: the splitter returns the pieces, the reassembler is a value that each
 * segment replaces.
 */
import { DecodeError } from '../bytes/decode-error';
import { concatBytes } from '../bytes/hex';

export interface Segment {
  readonly info: Uint8Array;
  /** The S bit: more segments follow. */
  readonly segmented: boolean;
}

/**
 * Splits `payload` (the LLC header and APDU, as one buffer) into information fields of at most
 * `maxInfo` bytes. An empty payload is one empty, unsegmented field; a payload that fits is one
 * field that is the payload itself, not a view of it.
 */
export function splitSegments(payload: Uint8Array, maxInfo: number): readonly Segment[] {
  if (!Number.isInteger(maxInfo) || maxInfo < 1) throw new RangeError(`maximum information field length must be positive, got ${maxInfo}`);
  // An empty payload, or one that fits (most requests): one field, the payload itself.
  if (payload.length <= maxInfo) return [{ info: payload, segmented: false }];
  const out: Segment[] = [];
  for (let at = 0; at < payload.length; at += maxInfo) {
    const end = Math.min(payload.length, at + maxInfo);
    out.push({ info: payload.subarray(at, end), segmented: end < payload.length });
  }
  return out;
}

/** The segments received so far for the message in progress. */
export interface Reassembly {
  readonly parts: readonly Uint8Array[];
  readonly size: number;
}

export const EMPTY_REASSEMBLY: Reassembly = { parts: [], size: 0 };

export type ReassemblyResult =
  /** More segments to come: keep `reassembly` for the next one. */
  | { readonly kind: 'partial'; readonly reassembly: Reassembly }
  /** The last segment arrived: `message` is the whole payload and the reassembly starts over. */
  | { readonly kind: 'complete'; readonly message: Uint8Array; readonly reassembly: Reassembly };

/**
 * Adds one segment. `maxSize` bounds the message so a peer that never clears S cannot grow it
 * without end: past it the segment is refused with HDLC_REASSEMBLY_OVERFLOW (offset = bytes
 * accepted so far).
 */
export function addSegment(state: Reassembly, segment: Segment, maxSize = Number.POSITIVE_INFINITY): ReassemblyResult {
  const size = state.size + segment.info.length;
  if (size > maxSize) {
    throw new DecodeError('HDLC_REASSEMBLY_OVERFLOW', state.size, `a message of at most ${maxSize} bytes`, `${size} bytes and not finished`);
  }
  // A message in one frame (most answers) is that frame's information field itself, not a copy.
  if (state.parts.length === 0 && !segment.segmented) return { kind: 'complete', message: segment.info, reassembly: EMPTY_REASSEMBLY };
  const parts = [...state.parts, segment.info];
  if (segment.segmented) return { kind: 'partial', reassembly: { parts, size } };
  return { kind: 'complete', message: concatBytes(...parts), reassembly: EMPTY_REASSEMBLY };
}
