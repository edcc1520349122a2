import { scriptedLink } from '../test/helpers/scripted-link';
import type { Pdu } from '../dlms/pdu/pdu';
import { expect } from 'chai';
import { parseObis } from '../dlms/cosem/obis';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import type { GeneralBlockTransfer } from '../dlms/xdlms/block-transfer';
import { exchangeApdu, type Negotiated, type ServiceContext } from './exchange';
import { cutGbt } from './general-block-transfer';

const INVOKE = { invokeId: 2, serviceClass: 'confirmed', priority: 'high' } as const;
const NEGOTIATED: Negotiated = { clientMaxReceivePduSize: 64, serverMaxReceivePduSize: 64, conformance: ['get', 'set', 'general-block-transfer'] };
const ATTRIBUTE = { classId: 1, instanceId: parseObis('0-0:128.0.0.255'), attributeId: 2 };
const LONG = new Uint8Array(100).map((_, i) => i);
const RESPONSE: Apdu = {
  type: 'get-response',
  variant: 'normal',
  invokeIdAndPriority: INVOKE,
  result: { kind: 'data', data: { type: 'octet-string', value: LONG } },
};

const gbt = (blockNumber: number, blockNumberAck: number, lastBlock: boolean, blockData: Uint8Array): GeneralBlockTransfer => ({
  type: 'general-block-transfer',
  lastBlock,
  streaming: false,
  window: 1,
  blockNumber,
  blockNumberAck,
  blockData,
});

function scripted(answers: Apdu[], sent: Pdu[]): ServiceContext {
  const link = scriptedLink(answers, sent);
  return { link, negotiated: NEGOTIATED, responseTimeoutMs: 100, notified: () => undefined };
}

describe('general block transfer, client side (client/general-block-transfer.ts)', () => {
  const response = encodeApduBytes(RESPONSE);
  const parts = cutGbt(response, 64);

  it('cuts an APDU into block-data that fits the server size with the GBT header', () => {
    // 106 octets of get-response, 64 - 9 octets of GBT header and length a block.
    expect(response.length).to.equal(106);
    expect(parts.map((p) => p.length)).to.deep.equal([55, 51]);
    expect(encodeApduBytes(gbt(1, 0, false, parts[0]!)).length).to.be.at.most(64);
  });

  it('sends a short request in one last block and fetches a long response block by block, acknowledging each', async () => {
    const sent: Pdu[] = [];
    const request: Apdu = { type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: ATTRIBUTE };
    const answer = await exchangeApdu(scripted([gbt(1, 1, false, parts[0]!), gbt(2, 2, true, parts[1]!)], sent), request);
    expect(answer).to.deep.equal({ kind: 'pdu', pdu: decodeApduBytes(response) });
    expect(sent).to.deep.equal([gbt(1, 0, true, encodeApduBytes(request)), gbt(2, 1, false, new Uint8Array(0))]);
  });

  it('sends a long request in blocks, each but the last acknowledged by the server', async () => {
    const sent: Pdu[] = [];
    const request: Apdu = {
      type: 'set-request',
      variant: 'normal',
      invokeIdAndPriority: INVOKE,
      attribute: ATTRIBUTE,
      value: { type: 'octet-string', value: LONG },
    };
    const setResponse: Apdu = { type: 'set-response', variant: 'normal', invokeIdAndPriority: INVOKE, result: 'success' };
    const cut = cutGbt(encodeApduBytes(request), 64);
    expect(cut.length).to.equal(3);
    const acks = [gbt(0, 1, false, new Uint8Array(0)), gbt(0, 2, false, new Uint8Array(0))];
    const answer = await exchangeApdu(scripted([...acks, gbt(1, 3, true, encodeApduBytes(setResponse))], sent), request);
    expect(answer).to.deep.equal({ kind: 'pdu', pdu: decodeApduBytes(encodeApduBytes(setResponse)) });
    expect(sent).to.deep.equal([gbt(1, 0, false, cut[0]!), gbt(2, 0, false, cut[1]!), gbt(3, 0, true, cut[2]!)]);
  });

  it('reports a response block numbered out of sequence as XDLMS_BLOCK_NUMBER', async () => {
    const request: Apdu = { type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: ATTRIBUTE };
    const answer = await exchangeApdu(scripted([gbt(1, 1, false, parts[0]!), gbt(3, 2, true, parts[1]!)], []), request);
    expect(answer).to.deep.include({ kind: 'malformed', code: 'XDLMS_BLOCK_NUMBER', actual: 'block-number 3' });
  });

  it('reports a request block acknowledged with another number as XDLMS_GBT_ACK', async () => {
    const request: Apdu = {
      type: 'set-request',
      variant: 'normal',
      invokeIdAndPriority: INVOKE,
      attribute: ATTRIBUTE,
      value: { type: 'octet-string', value: LONG },
    };
    const answer = await exchangeApdu(scripted([gbt(0, 2, false, new Uint8Array(0))], []), request);
    expect(answer).to.deep.include({ kind: 'malformed', code: 'XDLMS_GBT_ACK' });
  });

  it('passes an exception-response in place of a block on to the service', async () => {
    const exception: Apdu = { type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind: 'service-not-supported' } };
    const request: Apdu = { type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: ATTRIBUTE };
    expect(await exchangeApdu(scripted([exception], []), request)).to.deep.equal({ kind: 'pdu', pdu: exception });
  });
});
