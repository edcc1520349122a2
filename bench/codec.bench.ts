/**
 * Codec throughput on recorded traffic: a typical GET exchange through every layer (HDLC frame,
 * LLC, xDLMS APDU, A-XDR data) both ways, the A-XDR decode of a whole object list, and the APDU
 * decoder over every APDU of the recording.
 */
import { decodeDataBytes } from '../dlms/axdr/data-codec';
import { decodeFrame, encodeFrame, frameInfo, type HdlcFrame } from '../dlms/hdlc/frame';
import { addLlc, stripLlc } from '../dlms/hdlc/llc';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import { recordedApdus, recordedObjectList, typicalGetExchange } from './fixtures';
import { measureSync, result, type BenchGroup, type BenchResult } from './runner';

const GROUP = 'codec';

/** Frame → LLC → APDU (→ Data, which decodeApduBytes decodes in place). */
function decodeWhole(frameBytes: Uint8Array): number {
  const apdu = decodeApduBytes(stripLlc(frameInfo(decodeFrame(frameBytes))).apdu);
  return apdu.type.length > 0 ? 1 : 0;
}

/** APDU → LLC → frame, with the addressing and sequence numbers of the recorded frame. */
function encodeWhole(apdu: Apdu, frame: HdlcFrame, llc: 'request' | 'response'): number {
  const info = addLlc(llc, encodeApduBytes(apdu));
  return encodeFrame({ ...frame, info } as HdlcFrame).length > 0 ? 1 : 0;
}

export const codecBenches: BenchGroup = async (plan) => {
  const get = typicalGetExchange();
  const requestFrame = decodeFrame(get.requestFrame);
  const responseFrame = decodeFrame(get.responseFrame);
  const objectList = recordedObjectList();
  const apdus = recordedApdus();
  const out: BenchResult[] = [];

  const frameNote = (bytes: Uint8Array): string => `${bytes.length}-byte frame, frame+LLC+APDU+Data`;
  out.push(
    result(
      { group: GROUP, name: 'decode GET request frame', unit: 'frame', note: frameNote(get.requestFrame) },
      measureSync(plan, () => decodeWhole(get.requestFrame)),
    ),
  );
  out.push(
    result(
      { group: GROUP, name: 'decode GET response frame', unit: 'frame', note: frameNote(get.responseFrame) },
      measureSync(plan, () => decodeWhole(get.responseFrame)),
    ),
  );
  out.push(
    result(
      { group: GROUP, name: 'encode GET request frame', unit: 'frame', note: frameNote(get.requestFrame) },
      measureSync(plan, () => encodeWhole(get.request, requestFrame, 'request')),
    ),
  );
  out.push(
    result(
      { group: GROUP, name: 'encode GET response frame', unit: 'frame', note: frameNote(get.responseFrame) },
      measureSync(plan, () => encodeWhole(get.response, responseFrame, 'response')),
    ),
  );

  const ol = measureSync(plan, () => (decodeDataBytes(objectList).type === 'array' ? 1 : 0));
  out.push(
    result(
      {
        group: GROUP,
        name: 'A-XDR decode of the object list',
        unit: 'object list',
        extra: { bytes: objectList.length, megabytesPerSecond: (objectList.length * ol.units) / (Number(ol.wallNs) / 1e9) / 1e6 },
        note: `${objectList.length} bytes, recorded`,
      },
      ol,
    ),
  );

  let next = 0;
  out.push(
    result(
      { group: GROUP, name: 'APDU decode, every APDU of the recording', unit: 'APDU', note: `${apdus.length} APDUs in turn, both directions` },
      measureSync(plan, () => {
        const bytes = apdus[next]!;
        next = (next + 1) % apdus.length;
        return decodeApduBytes(bytes).type.length > 0 ? 1 : 0;
      }),
    ),
  );
  return out;
};
