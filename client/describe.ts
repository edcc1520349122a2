/**
 * The decoded layers of a frame, for its trace record: the link layer (HDLC or wrapper), then
 * the APDU it carries when the frame holds a whole one. A segment of a longer APDU is shown as
 * a segment; the reassembled APDU gets a record of its own (an event) once complete.
 */
import { isDecodeError, type DecodeError } from '../dlms/bytes/decode-error';
import { decodeFrame, type HdlcFrame } from '../dlms/hdlc/frame';
import { describeFrame } from '../dlms/hdlc/describe';
import { LLC_HEADER_LENGTH, stripLlc } from '../dlms/hdlc/llc';
import { decodeWrapper, WRAPPER_HEADER_LENGTH } from '../dlms/wrapper/header';
import { decodePduBytes } from '../dlms/pdu/pdu';
import { describePdu } from '../dlms/pdu/describe';
import type { DecodedLayer, Direction } from '../dlms/trace';
import type { Framing } from './api';

function errorLayer(layer: string, e: DecodeError): DecodedLayer {
  return { layer, summary: `undecodable: ${e.message}`, error: { code: e.code, offset: e.offset, expected: e.expected, actual: e.actual } };
}

function guard(layer: string, fn: () => DecodedLayer[]): DecodedLayer[] {
  try {
    return fn();
  } catch (e) {
    if (isDecodeError(e)) return [errorLayer(layer, e)];
    throw e;
  }
}

/** The APDU layer of `bytes`, offsets reported from `base` (the APDU's place in the frame). */
export function apduLayer(bytes: Uint8Array, base = 0): DecodedLayer {
  try {
    return { layer: 'apdu', summary: describePdu(decodePduBytes(bytes, base)) };
  } catch (e) {
    if (isDecodeError(e)) return errorLayer('apdu', e);
    throw e;
  }
}

/**
 * `continuation`: an earlier frame in this direction had the S bit set, so this one carries the
 * middle or the end of an APDU, not its start (Green Book 8.4.4): only the LLC header of the
 * first segment exists, and the whole APDU is described once reassembled.
 */
export function describeHdlcBytes(bytes: Uint8Array, continuation = false): DecodedLayer[] {
  return guard('hdlc', () => {
    const frame = decodeFrame(bytes);
    const layers: DecodedLayer[] = [describeFrame(frame)];
    if ((frame.type === 'I' || frame.type === 'UI') && frame.info.length > 0) {
      const infoAt = bytes.length - 3 - frame.info.length;
      if (frame.segmented || continuation) {
        const which = !continuation ? 'first segment' : frame.segmented ? 'next segment' : 'last segment';
        layers.push({
          layer: 'segment',
          summary: `${which} of a longer APDU, ${frame.info.length} B${frame.segmented ? '' : ' (the reassembled APDU follows as an event)'}`,
        });
      } else {
        layers.push(
          ...guard('llc', () => {
            const { kind, apdu } = stripLlc(frame.info, undefined, infoAt);
            return [{ layer: 'llc', summary: kind }, apduLayer(apdu, infoAt + LLC_HEADER_LENGTH)];
          }),
        );
      }
    }
    return layers;
  });
}

export function describeWrapperBytes(bytes: Uint8Array): DecodedLayer[] {
  return guard('wrapper', () => {
    const pdu = decodeWrapper(bytes);
    return [
      { layer: 'wrapper', summary: `wrapper source wPort ${pdu.source} → destination wPort ${pdu.destination}, ${pdu.apdu.length} B` },
      apduLayer(pdu.apdu, WRAPPER_HEADER_LENGTH),
    ];
  });
}

/**
 * A describer for one connection. For HDLC it remembers, per direction, whether the last I or UI
 * frame had the S bit set, so a segment is never mistaken for the start of an APDU. That state is
 * taken as each frame passes; the layers themselves are decoded when asked for.
 */
export function deferredDescriberFor(framing: Framing): (bytes: Uint8Array, dir: Direction, frame?: HdlcFrame) => () => DecodedLayer[] {
  if (framing === 'wrapper') return (b) => () => describeWrapperBytes(b);
  const segmenting: Record<Direction, boolean> = { tx: false, rx: false };
  return (bytes, dir, frame) => {
    const continuation = segmenting[dir];
    // The link hands over the frame it decoded or encoded: no second decode per frame.
    const seg = frame === undefined ? segmentBit(bytes) : segmentOf(frame);
    if (seg !== undefined) segmenting[dir] = seg;
    return () => describeHdlcBytes(bytes, continuation);
  };
}

/** The same, decoding at once. */
export function describerFor(framing: Framing): (bytes: Uint8Array, dir: Direction) => DecodedLayer[] {
  const deferred = deferredDescriberFor(framing);
  return (bytes, dir) => deferred(bytes, dir)();
}

function segmentOf(f: HdlcFrame): boolean | undefined {
  return f.type === 'I' || f.type === 'UI' ? f.segmented : undefined;
}

/** The S bit of an I or UI frame that decodes; undefined for any other frame. */
function segmentBit(bytes: Uint8Array): boolean | undefined {
  try {
    return segmentOf(decodeFrame(bytes));
  } catch (e) {
    if (isDecodeError(e)) return undefined;
    throw e;
  }
}
