/**
 * A case's trace opens in Wireshark: a short client ↔ simulator session (in memory, HDLC and
 * wrapper) is written as pcapng by reports/pcapng.ts and read back by tshark with our dissector
 * (tools/wireshark/dlms.lua). Per packet, what tshark decodes must equal the trace's own decode:
 * the HDLC frame type and sequence numbers, the wrapper ports, the APDU names (nested ones too),
 * the service variant, every OBIS code and every Data-Access-Result. Crafted bad frames prove the
 * dissector reports a wrong FCS and a truncated APDU as expert items, never as a Lua error.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simulatorClient } from '../helpers/sim-client';
import type { AssociationParams, AttributeRef } from '../../client/api';
import { describeHdlcBytes, describeWrapperBytes } from '../../client/describe';
import { fromHex } from '../../dlms/bytes/hex';
import { clientAddress, serverAddress } from '../../dlms/hdlc/address';
import { craftFrame } from '../../dlms/hdlc/craft';
import { encodeFrame } from '../../dlms/hdlc/frame';
import type { DecodedLayer, TraceRecord } from '../../dlms/trace';
import { DATA_ACCESS_RESULT } from '../../dlms/xdlms/results';
import { traceToPcapng } from '../../reports/pcapng';
import { createSimulator } from '../../simulator';
import { dissect, shownames, skipWithoutTshark, values, type PdmlPacket } from '../helpers/tshark';

const PUBLIC: AssociationParams = { name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none', maxReceivePduSize: 256 };
const LOGICAL_DEVICE_NAME: AttributeRef = { classId: 1, obis: '0-0:42.0.0.255', attribute: 2 };
const UNDEFINED: AttributeRef = { classId: 1, obis: '0-0:99.99.99.255', attribute: 2 };
const LONG_600: AttributeRef = { classId: 1, obis: '0-0:128.0.0.255', attribute: 2 };
const SCALER_UNIT: AttributeRef = { classId: 3, obis: '1-0:32.7.0.255', attribute: 3 };
const SETTING: AttributeRef = { classId: 1, obis: '0-0:96.50.0.255', attribute: 2 };

/** Association, GETs (one refused, one in blocks and HDLC segments), SET refused, ACTION refused, GET with-list, release. */
async function session(framing: 'hdlc' | 'wrapper'): Promise<readonly TraceRecord[]> {
  const sim = createSimulator({ framing });
  const client = simulatorClient(sim, framing);
  try {
    expect((await client.associate(PUBLIC)).kind).to.equal('accepted');
    await client.get(LOGICAL_DEVICE_NAME);
    await client.get(UNDEFINED);
    await client.get(LONG_600);
    await client.get(SCALER_UNIT);
    await client.set(SETTING, { type: 'long-unsigned', value: 7 });
    await client.action({ classId: 3, obis: '1-0:1.8.0.255', method: 1 }, { type: 'integer', value: 0 });
    await client.getWithList([LOGICAL_DEVICE_NAME, UNDEFINED]);
    expect((await client.release()).kind).to.equal('released');
  } finally {
    await client.disconnect();
    await sim.stop();
  }
  return client.trace;
}

/** What the trace itself says about one frame record, in the terms the dissector's fields use. */
interface Expected {
  readonly frameType?: string;
  readonly ns?: string;
  readonly nr?: string;
  readonly wrapperPorts?: readonly [string, string];
  readonly apdus: readonly string[];
  readonly variant?: string;
  readonly obis: readonly string[];
  readonly dataAccessResults: readonly string[];
}

const SERVICES = new Set(['get-request', 'get-response', 'set-request', 'set-response', 'action-request', 'action-response']);
const OBIS = /\b\d{1,3}-\d{1,3}:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g;

function expectedOf(record: TraceRecord, next: TraceRecord | undefined): Expected {
  const hdlc = record.layers.find((l) => l.layer === 'hdlc');
  const wrapper = record.layers.find((l) => l.layer === 'wrapper');
  let apdu: DecodedLayer | undefined = record.layers.find((l) => l.layer === 'apdu' && l.error === undefined);
  // The frame that completes a segmented APDU (tshark reassembles there): the client logs the
  // reassembled APDU as the event after it.
  const isLastSegment = record.layers.some((l) => l.layer === 'segment' && l.summary.startsWith('last segment'));
  if (hdlc && !apdu && isLastSegment && next?.dir === 'event') apdu = next.layers.find((l) => l.layer === 'apdu');
  const summary = apdu?.summary ?? '';
  const apdus = apdu ? summary.split(' | ').map((part) => part.split(' ')[0]!) : [];
  const words = summary.split(' ');
  const hdlcWords = hdlc?.summary.split(' ') ?? [];
  const seq = (name: string): string | undefined => hdlcWords.find((w) => w.startsWith(`${name}=`))?.slice(name.length + 1);
  const ports = wrapper?.summary.match(/source wPort (\d+) → destination wPort (\d+)/);
  const dars = [...summary.matchAll(/data-access-result ([a-z-]+)/g)].map((m) => m[1]!);
  if (apdus[0] === 'set-response') dars.push(...[...summary.matchAll(/→ ([a-z-]+)/g)].map((m) => m[1]!));
  return {
    ...(hdlc && { frameType: hdlcWords[0]! }),
    ...(seq('N(S)') !== undefined && { ns: seq('N(S)')! }),
    ...(seq('N(R)') !== undefined && { nr: seq('N(R)')! }),
    ...(ports && { wrapperPorts: [ports[1]!, ports[2]!] as const }),
    apdus,
    ...(SERVICES.has(apdus[0] ?? '') && { variant: words[1]! }),
    obis: summary.match(OBIS) ?? [],
    dataAccessResults: dars.map((n) => String(DATA_ACCESS_RESULT.value(n as never))),
  };
}

/** The same facts as tshark decoded them from one packet. */
function decodedOf(p: PdmlPacket): Expected {
  const first = (name: string): string | undefined => values(p, name)[0];
  const src = first('dlms_wrapper.src');
  const dst = first('dlms_wrapper.dst');
  return {
    ...(first('dlms_hdlc.type') !== undefined && { frameType: first('dlms_hdlc.type')! }),
    ...(first('dlms_hdlc.ns') !== undefined && { ns: first('dlms_hdlc.ns')! }),
    ...(first('dlms_hdlc.nr') !== undefined && { nr: first('dlms_hdlc.nr')! }),
    ...(src !== undefined && dst !== undefined && { wrapperPorts: [src, dst] as const }),
    apdus: values(p, 'dlms.apdu'),
    ...(first('dlms.variant') !== undefined && { variant: first('dlms.variant')! }),
    obis: values(p, 'dlms.obis'),
    dataAccessResults: values(p, 'dlms.data_access_result'),
  };
}

const PROBLEMS = [
  '_ws.lua.error',
  '_ws.malformed',
  'dlms.truncated',
  'dlms.trailing',
  'dlms_hdlc.bad_fcs',
  'dlms_hdlc.bad_hcs',
  'dlms_hdlc.malformed',
  'dlms_wrapper.bad_version',
];
const problemsIn = (p: PdmlPacket): string[] => p.filter((f) => PROBLEMS.includes(f.name)).map((f) => `${f.name}: ${f.showname || f.show}`);

describe('traces open in tshark with tools/wireshark/dlms.lua', function () {
  this.timeout(20_000);
  let dir: string;

  before(function () {
    skipWithoutTshark(this);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-wireshark-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** One session per framing, written and dissected once for the tests that read it. */
  const runs = new Map<string, Promise<{ trace: readonly TraceRecord[]; packets: PdmlPacket[] }>>();
  function run(framing: 'hdlc' | 'wrapper'): Promise<{ trace: readonly TraceRecord[]; packets: PdmlPacket[] }> {
    let r = runs.get(framing);
    if (!r) {
      r = session(framing).then((trace) => ({ trace, packets: dissect(write(`${framing}.pcapng`, trace)) }));
      runs.set(framing, r);
    }
    return r;
  }

  function write(name: string, trace: readonly TraceRecord[], framing?: 'hdlc' | 'wrapper'): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, traceToPcapng(trace, { startedAtMs: Date.UTC(2024, 5, 1, 12), comment: name, ...(framing && { framing }) }));
    return file;
  }

  for (const framing of ['hdlc', 'wrapper'] as const) {
    it(`decodes every packet of a ${framing} session exactly as the trace's own decode`, async () => {
      const { trace, packets } = await run(framing);
      const frames = trace.map((r, i) => ({ r, next: trace[i + 1] })).filter(({ r }) => r.dir !== 'event' && r.bytes !== undefined);
      expect(packets).to.have.length(frames.length);
      frames.forEach(({ r, next }, i) => {
        const p = packets[i]!;
        expect(problemsIn(p), `packet ${i + 1}`).to.deep.equal([]);
        expect(decodedOf(p), `packet ${i + 1} (${r.layers.map((l) => l.summary).join(' / ')})`).to.deep.equal(expectedOf(r, next));
      });
      // The session covered what it set out to: association, blocks, refusals, release.
      const names = packets.flatMap((p) => values(p, 'dlms.apdu'));
      for (const n of [
        'AARQ',
        'AARE',
        'initiate-request',
        'initiate-response',
        'get-request',
        'get-response',
        'set-response',
        'exception-response',
        'RLRQ',
        'RLRE',
      ]) {
        expect(names, n).to.include(n);
      }
      expect(packets.flatMap((p) => values(p, 'dlms.variant'))).to.include.members(['with-datablock', 'next', 'with-list']);
    });
  }

  it('names results, diagnostics and frames in the packet details, and keeps trace events as packet comments', async () => {
    const { packets } = await run('hdlc');
    const all = (name: string): string[] => packets.flatMap((p) => shownames(p, name));
    expect(all('dlms.data_access_result')).to.include.members(['Data-Access-Result: object-undefined (4)', 'Data-Access-Result: read-write-denied (3)']);
    expect(all('dlms.acse.result')).to.deep.equal(['Result: accepted (0)']);
    expect(all('dlms.acse.diagnostic')).to.deep.equal(['Result-source-diagnostic: acse-service-user null']);
    expect(all('dlms.acse.context')).to.deep.equal(['Application-context-name: logical-name', 'Application-context-name: logical-name']);
    expect(all('dlms.state_error')).to.deep.equal(['State-error: service-not-allowed (1)']);
    expect(all('dlms_hdlc.type')).to.include.members(['Frame type: SNRM', 'Frame type: UA', 'Frame type: I', 'Frame type: RR', 'Frame type: DISC']);
    expect(values(packets[0]!, 'frame.comment').join('\n')).to.match(/event at [\d.]+ ms: connected/);
  });

  it('reports a wrong FCS and truncated APDUs as expert items, not as Lua errors', () => {
    const client = clientAddress(16);
    const server = serverAddress(1);
    // get-response normal invoke 1, data octet-string of 13 bytes, cut after 2 of them.
    const truncated = fromHex('E6E700C401C100090D444C');
    const goodFrame = (info: Uint8Array): Uint8Array =>
      encodeFrame({ type: 'I', destination: client, source: server, pf: true, ns: 0, nr: 1, segmented: false, info });
    const badFcs = craftFrame(
      { type: 'I', destination: client, source: server, pf: true, ns: 0, nr: 1, segmented: false, info: fromHex('E6E700C401C1000100') },
      'bad-fcs',
    );
    const rec = (at: number, bytes: Uint8Array, layers: DecodedLayer[]): TraceRecord => ({ at, dir: 'rx', bytes, layers });
    const hdlcTrace = [rec(1, badFcs, describeHdlcBytes(badFcs)), rec(2, goodFrame(truncated), describeHdlcBytes(goodFrame(truncated)))];
    const wrapperPdu = fromHex('000100010010000AC401C100090D444C4D30');
    const wrapperTrace = [rec(1, wrapperPdu, describeWrapperBytes(wrapperPdu))];

    // The trace's own decode finds the same faults the dissector must flag.
    expect(hdlcTrace[0]!.layers.some((l) => l.error?.code.includes('FCS'))).to.equal(true);
    expect(hdlcTrace[1]!.layers.some((l) => l.layer === 'apdu' && l.error !== undefined)).to.equal(true);
    expect(wrapperTrace[0]!.layers.some((l) => l.layer === 'apdu' && l.error !== undefined)).to.equal(true);

    const [fcs, cut] = dissect(write('bad-hdlc.pcapng', hdlcTrace));
    expect(values(fcs!, 'dlms_hdlc.fcs.ok')).to.deep.equal(['0']);
    expect(values(fcs!, 'dlms_hdlc.bad_fcs')).to.have.length(1);
    expect(values(cut!, 'dlms.truncated')).to.have.length(1);
    expect(values(cut!, 'dlms.apdu')).to.deep.equal(['get-response']);
    const [wrapped] = dissect(write('bad-wrapper.pcapng', wrapperTrace, 'wrapper'));
    expect(values(wrapped!, 'dlms.truncated')).to.have.length(1);
    for (const p of [fcs!, cut!, wrapped!]) expect(values(p, '_ws.lua.error')).to.deep.equal([]);
  });
});
