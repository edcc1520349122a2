/**
 * The decoded layers of a frame, for its trace record: the link layer (HDLC or wrapper), then
 * the APDU it carries when the frame holds a whole one. A segment of a longer APDU is shown as
 * a segment; the reassembled APDU gets a record of its own (an event) once complete.
 */
import { isDecodeError, type DecodeError } from '../dlms/bytes/decode-error';
import { decodeFrame } from '../dlms/hdlc/frame';
import { describeFrame } from '../dlms/hdlc/describe';
import { LLC_HEADER_LENGTH, stripLlc } from '../dlms/hdlc/llc';
import { decodeWrapper, WRAPPER_HEADER_LENGTH } from '../dlms/wrapper/header';
import { decodePduBytes } from '../dlms/acse/pdu';
import { describePdu } from '../dlms/xdlms/describe';
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

export function describeHdlcBytes(bytes: Uint8Array): DecodedLayer[] {
  return guard('hdlc', () => {
    const frame = decodeFrame(bytes);
    const layers: DecodedLayer[] = [describeFrame(frame)];
    if ((frame.type === 'I' || frame.type === 'UI') && frame.info.length > 0) {
      const infoAt = bytes.length - 3 - frame.info.length;
      if (frame.segmented) {
        layers.push({ layer: 'segment', summary: `segment of a longer APDU, ${frame.info.length} B (reassembled APDU follows as an event)` });
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

export function describerFor(framing: Framing): (bytes: Uint8Array, dir: Direction) => DecodedLayer[] {
  return framing === 'hdlc' ? (b) => describeHdlcBytes(b) : (b) => describeWrapperBytes(b);
}
