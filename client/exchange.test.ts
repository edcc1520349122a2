import { expect } from 'chai';
import { encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import type { ApduArrival, Link } from './link';
import { decodeChecked, exchangeApdu, expectAnswer, failed, type Negotiated } from './exchange';

const INVOKE = { invokeId: 4, serviceClass: 'confirmed', priority: 'high' } as const;
const NEGOTIATED: Negotiated = { clientMaxReceivePduSize: 64, serverMaxReceivePduSize: 512, conformance: ['get'] };
const RESPONSE: Apdu = { type: 'get-response', variant: 'normal', invokeIdAndPriority: INVOKE, result: { kind: 'data', data: { type: 'unsigned', value: 7 } } };
const NOTIFICATION: Apdu = {
  type: 'data-notification',
  longInvokeIdAndPriority: { invokeId: 1, selfDescriptive: false, processingOption: 'continue-on-error', serviceClass: 'unconfirmed', priority: 'normal' },
  dateTime: new Uint8Array(0),
  notificationBody: { type: 'null-data' },
};

/** A link that answers with the given arrivals, in order. */
function scripted(arrivals: ApduArrival[]): Link {
  return {
    open: async () => ({ kind: 'open', note: '' }),
    exchange: async () => arrivals.shift() ?? { kind: 'silence', waitedMs: 1 },
    receive: async () => arrivals.shift() ?? { kind: 'silence', waitedMs: 1 },
    close: async () => undefined,
  };
}

describe('one confirmed xDLMS exchange (client/exchange.ts)', () => {
  it('reports an APDU longer than the proposed client max receive PDU size as XDLMS_PDU_TOO_LONG', () => {
    const answer = decodeChecked({ kind: 'apdu', bytes: new Uint8Array(65) }, NEGOTIATED);
    expect(answer).to.deep.include({ kind: 'malformed', code: 'XDLMS_PDU_TOO_LONG', offset: 64 });
    expect(decodeChecked({ kind: 'apdu', bytes: encodeApduBytes(RESPONSE) }, NEGOTIATED)).to.deep.include({ kind: 'pdu' });
  });

  it('sets a data-notification aside and returns the answer that follows it', async () => {
    const kept: Apdu[] = [];
    const link = scripted([
      { kind: 'apdu', bytes: encodeApduBytes(NOTIFICATION) },
      { kind: 'apdu', bytes: encodeApduBytes(RESPONSE) },
    ]);
    const answer = await exchangeApdu({ link, negotiated: NEGOTIATED, responseTimeoutMs: 100, notified: (a) => kept.push(a) }, RESPONSE);
    expect(answer).to.deep.include({ kind: 'pdu' });
    expect(kept.map((a) => a.type)).to.deep.equal(['data-notification']);
  });

  it('requires the echoed invoke-id and the expected APDU type', () => {
    const other = { ...RESPONSE, invokeIdAndPriority: { ...INVOKE, invokeId: 5 } };
    expect(expectAnswer({ kind: 'pdu', pdu: other }, 'get-response', INVOKE)).to.deep.include({ kind: 'malformed', code: 'XDLMS_INVOKE_ID_MISMATCH' });
    expect(expectAnswer({ kind: 'pdu', pdu: RESPONSE }, 'set-response', INVOKE)).to.deep.include({ kind: 'malformed', code: 'XDLMS_UNEXPECTED_APDU' });
    const ok = expectAnswer({ kind: 'pdu', pdu: RESPONSE }, 'get-response', INVOKE);
    expect(failed(ok)).to.equal(false);
    expect(failed(expectAnswer({ kind: 'silence', waitedMs: 3 }, 'get-response', INVOKE))).to.equal(true);
  });
});
