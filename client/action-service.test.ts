import { scriptedLink } from '../test/helpers/scripted-link';
import type { Pdu } from '../dlms/pdu/pdu';
import { expect } from 'chai';
import { encodeDataBytes } from '../dlms/axdr/data-codec';
import type { Apdu } from '../dlms/xdlms/apdu';
import { invokeAction } from './action-service';
import type { Negotiated, ServiceContext } from './exchange';

const INVOKE = { invokeId: 6, serviceClass: 'confirmed', priority: 'high' } as const;
const NEGOTIATED: Negotiated = { clientMaxReceivePduSize: 256, serverMaxReceivePduSize: 512, conformance: ['action', 'block-transfer-with-action'] };
const METHOD = { classId: 8192, obis: '0-0:128.0.2.255', method: 1 };
const VALUE = { type: 'octet-string', value: new Uint8Array(300).fill(0x5a) } as const;
const RAW = encodeDataBytes(VALUE);

const pblock = (blockNumber: number, lastBlock: boolean, rawData: Uint8Array): Apdu => ({
  type: 'action-response',
  variant: 'with-pblock',
  invokeIdAndPriority: INVOKE,
  pblock: { lastBlock, blockNumber, rawData },
});

function scripted(answers: Apdu[], sent: Pdu[]): ServiceContext {
  const link = scriptedLink(answers, sent);
  return { link, negotiated: NEGOTIATED, responseTimeoutMs: 100, notified: () => undefined };
}

describe('ACTION return parameters in pblocks, client side (client/action-service.ts)', () => {
  it('asks for each next pblock naming the block received and decodes the joined return data', async () => {
    const sent: Pdu[] = [];
    const outcome = await invokeAction(
      scripted([pblock(1, false, RAW.subarray(0, 200)), pblock(2, true, RAW.subarray(200))], sent),
      METHOD,
      { type: 'integer', value: 0 },
      INVOKE,
    );
    expect(outcome).to.deep.equal({ kind: 'action-result', result: 'success', returnData: { kind: 'data', data: VALUE }, blocks: 2 });
    expect(sent.map((a) => (a.type === 'action-request' ? a.variant : a.type))).to.deep.equal(['normal', 'next-pblock']);
    expect(sent[1]).to.deep.include({ blockNumber: 1 });
  });

  it('reports a pblock numbered out of sequence as XDLMS_BLOCK_NUMBER', async () => {
    const outcome = await invokeAction(
      scripted([pblock(1, false, RAW.subarray(0, 200)), pblock(3, true, RAW.subarray(200))], []),
      METHOD,
      { type: 'integer', value: 0 },
      INVOKE,
    );
    expect(outcome).to.deep.include({ kind: 'malformed', code: 'XDLMS_BLOCK_NUMBER', actual: 'block-number 3' });
  });

  it('reports joined pblocks that do not decode as one Data as malformed', async () => {
    const outcome = await invokeAction(scripted([pblock(1, true, RAW.subarray(0, 200))], []), METHOD, { type: 'integer', value: 0 }, INVOKE);
    expect(outcome).to.have.property('kind', 'malformed');
  });
});
