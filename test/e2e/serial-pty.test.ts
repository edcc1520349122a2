/**
 * The tracing client against the reference simulator over a real serial line: a socat pty pair,
 * the simulator serving HDLC on one end through the serial driver, the client on the other with
 * a `{ kind: 'serial' }` transport. Proves the serial driver carries a whole DLMS session:
 * SNRM/UA, AARQ/AARE, GET, RLRQ/RLRE, DISC/UA.
 * The simulator serves its end of the pair through `serveTransport`, as `dlmsct simulate
 * --serial PATH` does.
 */
import { expect } from 'chai';
import { createClient, type DlmsClient } from '../../client';
import type { AssociationParams } from '../../client/api';
import { openSerial } from '../../drivers/serial';
import type { Transport } from '../../drivers/transport';
import { createSimulator, type Simulator } from '../../simulator';
import { skipWithoutSocat, startPtyPair, type PtyPair } from '../helpers/pty';

const PUBLIC: AssociationParams = { name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' };
const BAUD_RATE = 9600;

describe('client and simulator over a serial pty pair (HDLC)', function () {
  this.timeout(10_000);
  let pair: PtyPair;
  let meterEnd: Transport | undefined;
  let sim: Simulator | undefined;
  let client: DlmsClient | undefined;

  before(async function () {
    skipWithoutSocat(this);
    pair = await startPtyPair();
  });
  after(async () => pair?.stop());

  beforeEach(async () => {
    meterEnd = await openSerial({ path: pair.b, baudRate: BAUD_RATE, timeoutMs: 2000 });
    sim = createSimulator({ framing: 'hdlc' });
    sim.serveTransport(meterEnd);
    client = createClient({
      transport: { kind: 'serial', path: pair.a, baudRate: BAUD_RATE },
      link: { framing: 'hdlc', serverLogical: 1, serverPhysical: 16, addressSize: 1, responseTimeoutMs: 2000, interFrameTimeoutMs: 200 },
      connectTimeoutMs: 2000,
      connectRetries: 0,
    });
  });
  afterEach(async () => {
    await client?.disconnect();
    await sim?.stop();
    await meterEnd?.close();
  });

  it('connects, associates as the public client, reads the logical device name, releases and disconnects', async () => {
    const c = client!;
    expect((await c.connect(16)).kind).to.equal('connected');
    const assoc = await c.associate(PUBLIC);
    expect(assoc.kind).to.equal('accepted');

    const got = await c.get({ classId: 1, obis: '0-0:42.0.0.255', attribute: 2 });
    if (got.kind !== 'data' || got.data.type !== 'octet-string') throw new Error(`expected an octet-string, got ${JSON.stringify(got)}`);
    expect(got.data.value.length).to.be.within(1, 16); // Blue Book 4.1.8.2: at most 16 octets

    expect((await c.release()).kind).to.equal('released');
    await c.disconnect();

    // Every frame crossed the pty: both directions are in the trace.
    const dirs = new Set(c.trace.filter((t) => t.bytes !== undefined).map((t) => t.dir));
    expect([...dirs].sort()).to.deep.equal(['rx', 'tx']);
  });

  it('reports a serial path that does not exist as unreachable, naming the path', async () => {
    const lost = createClient({
      transport: { kind: 'serial', path: `${pair.a}-missing`, baudRate: BAUD_RATE },
      link: { framing: 'hdlc', serverLogical: 1, serverPhysical: 16, addressSize: 1, responseTimeoutMs: 500, interFrameTimeoutMs: 200 },
      connectTimeoutMs: 500,
      connectRetries: 0,
    });
    let error: unknown;
    try {
      await lost.connect(16);
    } catch (e) {
      error = e;
    }
    expect((error as Error | undefined)?.name).to.equal('UnreachableError');
    expect((error as Error).message).to.contain(`${pair.a}-missing`);
  });
});
