import { expect } from 'chai';
import { parseObis } from '../dlms/cosem/obis';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import type { AccessResponse } from '../dlms/xdlms/access';
import { invokeAccess } from './access-service';
import type { AccessItem } from './api';
import type { Negotiated } from './exchange';
import type { Link } from './link';

const NEGOTIATED: Negotiated = { clientMaxReceivePduSize: 1024, serverMaxReceivePduSize: 1024, conformance: ['access'] };
const SETTING = { classId: 1, obis: '0-0:96.50.0.255', attribute: 2 };
const ITEMS: AccessItem[] = [
  { kind: 'get', ref: SETTING },
  { kind: 'set', ref: SETTING, value: { type: 'long-unsigned', value: 9 } },
  { kind: 'action', ref: { classId: 70, obis: '0-0:96.3.10.255', method: 1 }, parameters: { type: 'integer', value: 0 } },
];
const LONG_ID = { invokeId: 7, selfDescriptive: false, processingOption: 'continue-on-error', serviceClass: 'confirmed', priority: 'high' } as const;

/** A link that records what is sent and answers with `answer(request)`. */
function serving(answer: (request: Apdu) => Apdu, sent: Apdu[]): Link {
  return {
    open: async () => ({ kind: 'open', note: '' }),
    exchange: async (bytes) => {
      const request = decodeApduBytes(bytes);
      sent.push(request);
      return { kind: 'apdu', bytes: encodeApduBytes(answer(request)) };
    },
    receive: async () => ({ kind: 'silence', waitedMs: 1 }),
    close: async () => undefined,
  };
}

const RESPONSE: AccessResponse = {
  type: 'access-response',
  longInvokeIdAndPriority: LONG_ID,
  dateTime: new Uint8Array(0),
  listOfData: [{ type: 'long-unsigned', value: 3 }, { type: 'null-data' }, { type: 'null-data' }],
  responseSpecification: [
    { kind: 'get', result: 'success' },
    { kind: 'set', result: 'success' },
    { kind: 'action', result: 'success' },
  ],
};

describe('the ACCESS service, client side (client/access-service.ts)', () => {
  it('sends one access-request with a specification and a list-of-data entry per item, and returns each answer in order', async () => {
    const sent: Apdu[] = [];
    const outcome = await invokeAccess(
      { link: serving(() => RESPONSE, sent), negotiated: NEGOTIATED, responseTimeoutMs: 100, notified: () => undefined },
      ITEMS,
      7,
    );
    expect(sent).to.deep.equal([
      {
        type: 'access-request',
        // confirmed (bit 30) and high priority (bit 31) around long-invoke-id 7 (Green Book 9.5 Long-Invoke-Id-And-Priority).
        longInvokeIdAndPriority: { ...LONG_ID, raw: 0xc0000007 },
        dateTime: new Uint8Array(0),
        requestSpecification: [
          { kind: 'get', attribute: { classId: 1, instanceId: parseObis('0-0:96.50.0.255'), attributeId: 2 } },
          { kind: 'set', attribute: { classId: 1, instanceId: parseObis('0-0:96.50.0.255'), attributeId: 2 } },
          { kind: 'action', method: { classId: 70, instanceId: parseObis('0-0:96.3.10.255'), methodId: 1 } },
        ],
        listOfData: [{ type: 'null-data' }, { type: 'long-unsigned', value: 9 }, { type: 'integer', value: 0 }],
      },
    ]);
    expect(outcome).to.deep.equal({
      kind: 'access-results',
      results: [
        { kind: 'get', result: 'success', data: { type: 'long-unsigned', value: 3 } },
        { kind: 'set', result: 'success', data: { type: 'null-data' } },
        { kind: 'action', result: 'success', data: { type: 'null-data' } },
      ],
    });
  });

  it('reports a response with fewer answers than items as XDLMS_ACCESS_COUNT', async () => {
    const short = { ...RESPONSE, listOfData: RESPONSE.listOfData.slice(0, 2), responseSpecification: RESPONSE.responseSpecification.slice(0, 2) };
    const outcome = await invokeAccess({ link: serving(() => short, []), negotiated: NEGOTIATED, responseTimeoutMs: 100, notified: () => undefined }, ITEMS, 7);
    expect(outcome).to.deep.include({ kind: 'malformed', code: 'XDLMS_ACCESS_COUNT' });
  });

  it('reports an answer of another kind than its item as XDLMS_ACCESS_KIND', async () => {
    const swapped = {
      ...RESPONSE,
      responseSpecification: [RESPONSE.responseSpecification[1]!, RESPONSE.responseSpecification[0]!, RESPONSE.responseSpecification[2]!],
    };
    const outcome = await invokeAccess(
      { link: serving(() => swapped, []), negotiated: NEGOTIATED, responseTimeoutMs: 100, notified: () => undefined },
      ITEMS,
      7,
    );
    expect(outcome).to.deep.include({ kind: 'malformed', code: 'XDLMS_ACCESS_KIND', actual: 'kind set' });
  });

  it('reports a long-invoke-id not echoed as XDLMS_INVOKE_ID_MISMATCH', async () => {
    const other = { ...RESPONSE, longInvokeIdAndPriority: { ...LONG_ID, invokeId: 8 } };
    const outcome = await invokeAccess({ link: serving(() => other, []), negotiated: NEGOTIATED, responseTimeoutMs: 100, notified: () => undefined }, ITEMS, 7);
    expect(outcome).to.deep.include({ kind: 'malformed', code: 'XDLMS_INVOKE_ID_MISMATCH' });
  });
});
