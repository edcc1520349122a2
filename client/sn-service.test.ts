import { scriptedLink } from '../test/helpers/scripted-link';
import { expect } from 'chai';
import type { Pdu } from '../dlms/pdu/pdu';
import { loadMeterDefinition } from '../simulator/meter/load';
import { NO_FAULTS } from '../simulator/faults';
import { createSession } from '../simulator/server/session';
import type { AssociationParams } from './api';
import { associate } from './association';
import type { Link } from './link';
import { readVariables, writeVariables } from './sn-service';

const SN: AssociationParams = { name: 'sn-public', clientSap: 18, referencing: 'sn', authentication: 'none' };
const LDN = 0x0400;
const LONG = 0x0a00;

/** A Link straight into a simulator session (no framing): what the client sends, the session answers. */
function sessionLink(): Link & { sent: number } {
  const session = createSession(loadMeterDefinition(), NO_FAULTS, 0);
  const link = {
    sent: 0,
    open: async () => ({ kind: 'open', note: '' }) as const,
    async exchange(apdu: Uint8Array) {
      link.sent++;
      const out = session.handleApdu(apdu, SN.clientSap, 0);
      return out ? ({ kind: 'apdu', bytes: out } as const) : ({ kind: 'silence', waitedMs: 1 } as const);
    },
    receive: async () => ({ kind: 'silence', waitedMs: 1 }) as const,
    close: async () => undefined,
  };
  return link;
}

/** A Link answering from a script. */
function scripted(...answers: Pdu[]): Link {
  return scriptedLink(answers);
}

describe('client short-name READ and WRITE', () => {
  it('reads several variables and returns one result per variable, in order', async () => {
    const link = sessionLink();
    expect((await associate(link, SN)).kind).to.equal('accepted');
    const r = await readVariables(link, [{ variableName: LDN + 8 }, { variableName: 0x7ff8 }]);
    expect(r).to.deep.equal({
      kind: 'read',
      blocks: 0,
      results: [
        { kind: 'data', data: { type: 'octet-string', value: new TextEncoder().encode('DLM0000000001') } },
        { kind: 'data-access-result', result: 'object-undefined' },
      ],
    });
  });

  it('follows a block-transferred ReadResponse to its last block, transparently', async () => {
    const link = sessionLink();
    await associate(link, { ...SN, maxReceivePduSize: 200 });
    const r = await readVariables(link, [{ variableName: LONG + 8 }]);
    if (r.kind !== 'read' || r.results[0]?.kind !== 'data' || r.results[0].data.type !== 'octet-string') throw new Error(JSON.stringify(r));
    expect(r.results[0].data.value).to.have.length(600);
    // The AARQ, the READ, then one block-number-access per block after the first.
    expect(link.sent).to.equal(1 + r.blocks);
    expect(r.blocks).to.be.greaterThan(2);
  });

  it('writes and returns one result per variable', async () => {
    const link = sessionLink();
    await associate(link, SN);
    expect(await writeVariables(link, [{ variableName: LDN, data: { type: 'octet-string', value: new Uint8Array(6) } }])).to.deep.equal({
      kind: 'written',
      results: [{ kind: 'data-access-result', result: 'read-write-denied' }],
    });
  });

  it('reports a wrong result count, skipped blocks and other APDUs as outcomes, never throws', async () => {
    expect(await readVariables(scripted({ type: 'read-response', results: [] }), [{ variableName: 8 }])).to.deep.include({
      kind: 'malformed',
      code: 'XDLMS_RESULT_COUNT',
    });
    const skipping = scripted({ type: 'read-response', results: [{ kind: 'data-block-result', lastBlock: false, blockNumber: 2, rawData: Uint8Array.of(1) }] });
    expect(await readVariables(skipping, [{ variableName: 8 }])).to.deep.include({ kind: 'malformed', code: 'XDLMS_BLOCK_NUMBER' });
    expect(
      await readVariables(scripted({ type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind: 'service-not-supported' } }), [
        { variableName: 8 },
      ]),
    ).to.deep.equal({
      kind: 'exception',
      stateError: 'service-not-allowed',
      serviceError: 'service-not-supported',
    });
    expect(
      await writeVariables(scripted({ type: 'write-response', results: [{ kind: 'success' }, { kind: 'success' }] }), [
        { variableName: 8, data: { type: 'null-data' } },
      ]),
    ).to.deep.include({
      kind: 'malformed',
      code: 'XDLMS_RESULT_COUNT',
    });
    expect(await writeVariables(scripted(), [{ variableName: 8, data: { type: 'null-data' } }])).to.deep.equal({ kind: 'silence', waitedMs: 1 });
  });
});
