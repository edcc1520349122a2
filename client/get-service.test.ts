import { expect } from 'chai';
import { scriptedLink } from '../test/helpers/scripted-link';
import type { Pdu } from '../dlms/pdu/pdu';
import { encodeDataBytes } from '../dlms/axdr/data-codec';
import type { Apdu } from '../dlms/xdlms/apdu';
import { getAttribute } from './get-service';
import type { Negotiated, ServiceContext } from './exchange';

const INVOKE = { invokeId: 3, serviceClass: 'confirmed', priority: 'high' } as const;
const NEGOTIATED: Negotiated = { clientMaxReceivePduSize: 256, serverMaxReceivePduSize: 512, conformance: ['get', 'block-transfer-with-get-or-read'] };
const REF = { classId: 7, obis: '1-0:99.1.0.255', attribute: 2 };
const VALUE = { type: 'octet-string', value: new Uint8Array(200).fill(0x5a) } as const;
const RAW = encodeDataBytes(VALUE);
/** real-meter.md section 1: raw-data 01 00, an empty array, block after block. */
const EMPTY_ARRAY = Uint8Array.of(0x01, 0x00);

const block = (blockNumber: number, lastBlock: boolean, rawData: Uint8Array): Apdu => ({
  type: 'get-response',
  variant: 'with-datablock',
  invokeIdAndPriority: INVOKE,
  result: { lastBlock, blockNumber, result: { kind: 'raw-data', rawData } },
});

function scripted(answers: Apdu[], sent: Pdu[] = []): ServiceContext {
  return { link: scriptedLink(answers, sent), negotiated: NEGOTIATED, responseTimeoutMs: 100, notified: () => undefined };
}

describe('GET block transfer, client side (client/get-service.ts)', () => {
  it('joins the blocks up to the one flagged last and decodes the value', async () => {
    const sent: Pdu[] = [];
    const outcome = await getAttribute(scripted([block(1, false, RAW.subarray(0, 120)), block(2, true, RAW.subarray(120))], sent), REF, INVOKE);
    expect(outcome).to.deep.equal({ kind: 'data', data: VALUE, blocks: 2 });
    expect(sent.map((a) => (a.type === 'get-request' ? a.variant : a.type))).to.deep.equal(['normal', 'next']);
  });

  it('accepts an empty last block after the blocks that held the whole value', async () => {
    const outcome = await getAttribute(scripted([block(1, false, RAW), block(2, true, new Uint8Array(0))]), REF, INVOKE);
    expect(outcome).to.deep.equal({ kind: 'data', data: VALUE, blocks: 2 });
  });

  it('stops blocks that go on past the end of the value at the first one, located (XDLMS_BLOCK_PAST_END), instead of following them for ever', async () => {
    const endless = Array.from({ length: 50 }, (_, i) => block(i + 1, false, EMPTY_ARRAY));
    const sent: Pdu[] = [];
    const outcome = await getAttribute(scripted(endless, sent), REF, INVOKE);
    expect(outcome).to.deep.include({ kind: 'malformed', code: 'XDLMS_BLOCK_PAST_END', offset: 2 });
    expect(sent.length).to.equal(2);
  });

  it('stops a transfer of blocks that carry nothing (XDLMS_TOO_MANY_BLOCKS)', async () => {
    const empty = Array.from({ length: 50 }, (_, i) => block(i + 1, false, new Uint8Array(0)));
    const outcome = await getAttribute(scripted(empty), REF, INVOKE);
    expect(outcome).to.deep.include({ kind: 'malformed', code: 'XDLMS_TOO_MANY_BLOCKS' });
  });
});
