import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { pduOf } from '../variants/apdu';
import type { Fault } from './types';

/** The result real-meter.md section 1 found without its tag: the third. */
const UNTAGGED = 2;
/** get-response [196], with-list [3], invoke-id-and-priority: the bytes before the list's length. */
const HEADER = 3;

/**
 * The response with the choice tag (data [0]) of one Get-Data-Result removed: the third result
 * when it is data, else the next data result. A bytes-level rewrite, since no well-formed APDU
 * lacks it.
 */
function untag(response: Uint8Array): Uint8Array {
  const pdu = pduOf(response);
  if (pdu?.type !== 'get-response' || pdu.variant !== 'with-list' || (response[HEADER] ?? 0x80) >= 0x80) return response;
  let at = HEADER + 1;
  for (const [i, r] of pdu.result.entries()) {
    if (i >= UNTAGGED && r.kind === 'data') return Uint8Array.from([...response.subarray(0, at), ...response.subarray(at + 1)]);
    at += r.kind === 'data' ? 1 + encodeDataBytes(r.data).length : 2;
  }
  return response;
}

export const getWithListResultUntagged: Fault = {
  name: 'get-with-list-result-untagged',
  description: 'In a get-response-with-list, the third Get-Data-Result holding data lacks its choice tag: the Data follows the previous result directly.',
  clause: 'Green Book 9.5 (Get-Response-With-List: SEQUENCE OF Get-Data-Result, each a CHOICE data [0] | data-access-result [1]); real-meter.md section 1',
  hooks: { onApduOut: (_request, response) => untag(response) },
};
