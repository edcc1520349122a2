/**
 * The xDLMS services beyond a single GET, over real TCP (HDLC) against the simulator in a child
 * process: GET with-list of ten attributes against the same ten read one by one, SET then GET in
 * the read-write association, and a long GET cut into blocks by a 128-byte client max receive
 * PDU size. The object-list walk and plain GETs are in client-tcp.bench.ts. The unit is one
 * request/response exchange (a block is one), so the rates compare with client-tcp's.
 */
import { createClient } from '../client';
import type { AssociationParams, AttributeRef, DlmsClient } from '../client/api';
import { Secret } from '../dlms/secret';
import { BUILTIN_SECRETS } from '../simulator';
import { closeClient } from './client-session';
import { measureAsync, result, type BenchGroup, type BenchResult, type Plan } from './runner';
import { startSimulatorChild, type SimulatorChild } from './simulator-child';

const GROUP = 'services-tcp';
const CPU_LABEL = 'client process only';

/** Ten attributes of the reference meter, short ones and the 600- and 800-byte octet-strings. */
const TEN: readonly AttributeRef[] = [
  { classId: 1, obis: '0-0:128.0.0.255', attribute: 2 },
  { classId: 1, obis: '0-0:42.0.0.255', attribute: 2 },
  { classId: 3, obis: '1-0:32.7.0.255', attribute: 2 },
  { classId: 3, obis: '1-0:32.7.0.255', attribute: 3 },
  { classId: 1, obis: '0-0:128.0.1.255', attribute: 2 },
  { classId: 1, obis: '0-0:96.1.0.255', attribute: 2 },
  { classId: 1, obis: '0-0:96.50.0.255', attribute: 2 },
  { classId: 70, obis: '0-0:96.3.10.255', attribute: 4 },
  { classId: 40, obis: '0-0:25.9.0.255', attribute: 3 },
  { classId: 15, obis: '0-0:40.0.0.255', attribute: 1 },
];
const SETTING: AttributeRef = { classId: 1, obis: '0-0:96.50.0.255', attribute: 2 };
const LONG: AttributeRef = TEN[0]!;

async function client(sim: SimulatorChild, params: AssociationParams): Promise<DlmsClient> {
  const c = createClient({
    transport: { kind: 'tcp', host: '127.0.0.1', port: sim.ports.hdlc },
    link: { framing: 'hdlc', serverLogical: 1, serverPhysical: 16, addressSize: 2, responseTimeoutMs: 2000, interFrameTimeoutMs: 200 },
    connectTimeoutMs: 1000,
  });
  const a = await c.associate(params);
  if (a.kind !== 'accepted') throw new Error(`bench: association ${params.name} not accepted: ${JSON.stringify(a)}`);
  return c;
}

const PUBLIC: AssociationParams = { name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none', maxReceivePduSize: 1024 };

function management(): AssociationParams {
  const password = BUILTIN_SECRETS['sim-lls'];
  if (password === undefined) throw new Error('bench: no builtin sim-lls password');
  return { name: 'management', clientSap: 1, referencing: 'ln', authentication: 'low', password: Secret.fromText(password, 'builtin:sim-lls') };
}

async function withList(sim: SimulatorChild, plan: Plan): Promise<BenchResult[]> {
  const c = await client(sim, PUBLIC);
  try {
    let blocks = 0;
    const list = await measureAsync(
      plan,
      async () => {
        const o = await c.getWithList(TEN);
        if (o.kind !== 'results') throw new Error(`bench: GET with-list gave ${o.kind}`);
        blocks = o.blocks;
        return Math.max(1, o.blocks);
      },
      () => sim.cpuUs(),
    );
    const single = await measureAsync(
      plan,
      async () => {
        let exchanges = 0;
        for (const ref of TEN) {
          const o = await c.get(ref);
          if (o.kind !== 'data') throw new Error(`bench: GET ${ref.obis}/${ref.attribute} gave ${o.kind}`);
          exchanges += Math.max(1, o.blocks);
        }
        return exchanges;
      },
      () => sim.cpuUs(),
    );
    return [
      result(
        {
          group: GROUP,
          name: 'GET with-list of 10 attributes (2 long), 1024-byte client PDU, hdlc',
          unit: 'exchange',
          cpuLabel: CPU_LABEL,
          extra: {
            attributesPerSecond: (10 * list.calls) / (Number(list.wallNs) / 1e9),
            blocksPerList: blocks,
            simulatorProcessCpuUsPerExchange: (list.probeDelta ?? 0) / list.units,
          },
        },
        list,
      ),
      result(
        {
          group: GROUP,
          name: 'the same 10 attributes one GET each, hdlc',
          unit: 'exchange',
          cpuLabel: CPU_LABEL,
          extra: {
            attributesPerSecond: (10 * single.calls) / (Number(single.wallNs) / 1e9),
            simulatorProcessCpuUsPerExchange: (single.probeDelta ?? 0) / single.units,
          },
        },
        single,
      ),
    ];
  } finally {
    await closeClient(c);
  }
}

async function setThenGet(sim: SimulatorChild, plan: Plan): Promise<BenchResult> {
  const c = await client(sim, management());
  try {
    let n = 0;
    const m = await measureAsync(
      plan,
      async () => {
        const value = { type: 'long-unsigned', value: n++ & 0xffff } as const;
        const s = await c.set(SETTING, value);
        if (s.kind !== 'set-result' || s.result !== 'success') throw new Error(`bench: SET gave ${JSON.stringify(s)}`);
        const g = await c.get(SETTING);
        if (g.kind !== 'data') throw new Error(`bench: GET after SET gave ${g.kind}`);
        return 2;
      },
      () => sim.cpuUs(),
    );
    return result(
      {
        group: GROUP,
        name: `SET then GET ${SETTING.obis}/2 (management, LLS), hdlc`,
        unit: 'exchange',
        cpuLabel: CPU_LABEL,
        extra: { simulatorProcessCpuUsPerExchange: (m.probeDelta ?? 0) / m.units },
      },
      m,
    );
  } finally {
    await closeClient(c);
  }
}

async function longGetInBlocks(sim: SimulatorChild, plan: Plan): Promise<BenchResult> {
  const c = await client(sim, { ...PUBLIC, maxReceivePduSize: 128 });
  try {
    let blocks = 0;
    const m = await measureAsync(
      plan,
      async () => {
        const o = await c.get(LONG);
        if (o.kind !== 'data') throw new Error(`bench: GET ${LONG.obis}/2 gave ${o.kind}`);
        blocks = o.blocks;
        return o.blocks;
      },
      () => sim.cpuUs(),
    );
    return result(
      {
        group: GROUP,
        name: `GET ${LONG.obis}/2 (600 bytes) in blocks, 128-byte client PDU, hdlc`,
        unit: 'exchange',
        cpuLabel: CPU_LABEL,
        extra: { blocksPerGet: blocks, simulatorProcessCpuUsPerExchange: (m.probeDelta ?? 0) / m.units },
      },
      m,
    );
  } finally {
    await closeClient(c);
  }
}

export const servicesTcpBenches: BenchGroup = async (plan) => {
  const sim = await startSimulatorChild();
  try {
    return [...(await withList(sim, plan)), await setThenGet(sim, plan), await longGetInBlocks(sim, plan)];
  } finally {
    await sim.stop();
  }
};
