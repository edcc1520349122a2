/**
 * `npm run bench -- --profile FILE [--runs N] [--association NAME]...`: reads the meter a profile
 * describes — per association the profile names: associate, the object list, every attribute it
 * says is readable, release — N times, and prints JSON: wall and CPU time per read-all and per
 * exchange, bytes each way, exchanges, and the errors met (answers other than data, counted by
 * kind; an association that is not accepted is an error of its own, not a crash).
 *
 * An exchange is one frame sent and its answer (for HDLC that includes SNRM/UA, DISC/UA and the
 * RR of segmented answers); bytes are counted from the client's trace. CPU is this process's:
 * with a builtin profile the simulator runs in this process and its work is included (the report
 * says so).
 */
import type { AttributeRef, DlmsClient, GetOutcome, ReadOutcome } from '../client/api';
import type { Data } from '../dlms/axdr/data';
import { classById } from '../dlms/cosem/catalogue/catalogue';
import { builtinSecret } from '../harness/builtin-secrets';
import { objectsOf, readAccess } from '../harness/classes/object-list';
import { startDut, type Dut } from '../harness/dut';
import { loadProfile } from '../harness/profile/load';
import type { AssociationProfile, Profile } from '../harness/profile/types';
import { baseParams, securedParams } from '../harness/steps/security-params';
import { ATTRIBUTE_STEP, CURRENT_ASSOCIATION_SN, snEntries } from '../harness/steps/sn-names';

/** Blue Book 4.4.3: the current Association LN's object_list. */
const OBJECT_LIST_LN: AttributeRef = { classId: 15, obis: '0-0:40.0.0.255', attribute: 2 };
/** Blue Book 4.4.2: the current Association SN's object_list, attribute 2 of base name 0xFA00. */
const OBJECT_LIST_SN = CURRENT_ASSOCIATION_SN + ATTRIBUTE_STEP;

export interface MeterReadOptions {
  readonly profile: string;
  readonly runs: number;
  /** Association names to read through; default every association of the profile. */
  readonly associations?: readonly string[];
  /**
   * Leave out Profile generic buffers (class 7 attribute 2): the work of a client that reads a
   * meter's configuration and current values but not its load profile, as the Gurux example
   * client does (its buffers are read a row or a range at a time, not whole).
   */
  readonly skipBuffers?: boolean;
}

/** Blue Book 4.3.6: Profile generic, attribute 2 (buffer). */
const PROFILE_GENERIC = 7;
const BUFFER = 2;

export interface AssociationFigures {
  readonly association: string;
  readonly referencing: 'ln' | 'sn';
  /** Runs that associated and read everything (the figures are means over these). */
  readonly runs: number;
  readonly attributes: number;
  readonly exchangesPerReadAll: number;
  readonly readAll: { readonly wallMs: number; readonly cpuMs: number };
  readonly perExchange: { readonly wallUs: number; readonly cpuUs: number };
  readonly bytesPerReadAll: { readonly sent: number; readonly received: number };
  /** Answers other than data and failures, by kind, over all runs. */
  readonly errors: Readonly<Record<string, number>>;
}

export interface MeterReadReport {
  readonly profile: string;
  readonly device: string;
  readonly transport: string;
  readonly cpuCovers: string;
  readonly runs: number;
  readonly associations: readonly AssociationFigures[];
  readonly total: { readonly exchanges: number; readonly wallMs: number; readonly cpuMs: number; readonly errors: number };
}

interface RunFigures {
  wallNs: bigint;
  cpuUs: number;
  exchanges: number;
  sent: number;
  received: number;
  attributes: number;
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

function count(errors: Map<string, number>, kind: string): void {
  errors.set(kind, (errors.get(kind) ?? 0) + 1);
}

function outcomeKind(o: GetOutcome | ReadOutcome): string | undefined {
  if (o.kind === 'data') return undefined;
  if (o.kind === 'read') {
    const r = o.results[0];
    return r?.kind === 'data-access-result' ? `data-access-result ${r.result}` : undefined;
  }
  if (o.kind === 'data-access-result') return `data-access-result ${o.result}`;
  return o.kind;
}

/** Every attribute an LN object list says this association may read (Blue Book 4.4.3 access_mode). */
function readableLn(list: Data): AttributeRef[] {
  const objects = objectsOf(list);
  const self = objects.find((o) => o.classId === 15 && o.obis === OBJECT_LIST_LN.obis);
  const version = self?.version ?? 0;
  return objects.flatMap((o) =>
    o.attributes.filter((a) => readAccess(version, a.mode) !== 'none').map((a) => ({ classId: o.classId, obis: o.obis, attribute: a.id })),
  );
}

/** SN object lists carry no rights: every attribute of each listed object's class (Green Book 9.3, base name + 8 per attribute). */
function readableSn(list: Data): number[] {
  return snEntries(list).flatMap((e) => {
    const c = classById(e.classId, e.version);
    return (c?.attributes ?? []).map((a) => e.baseName + (a.index - 1) * ATTRIBUTE_STEP);
  });
}

async function readAllLn(client: DlmsClient, errors: Map<string, number>, skipBuffers: boolean): Promise<number> {
  const list = await client.get(OBJECT_LIST_LN);
  if (list.kind !== 'data') {
    count(errors, `object list: ${outcomeKind(list)}`);
    return 0;
  }
  const refs = readableLn(list.data).filter((r) => !(skipBuffers && r.classId === PROFILE_GENERIC && r.attribute === BUFFER));
  for (const ref of refs) {
    const kind = outcomeKind(await client.get(ref));
    if (kind !== undefined) count(errors, kind);
  }
  return refs.length;
}

async function readAllSn(client: DlmsClient, errors: Map<string, number>): Promise<number> {
  const list = await client.read([{ variableName: OBJECT_LIST_SN }]);
  const first = list.kind === 'read' ? list.results[0] : undefined;
  if (first?.kind !== 'data') {
    count(errors, `object list: ${outcomeKind(list) ?? 'no data'}`);
    return 0;
  }
  const names = readableSn(first.data);
  for (const variableName of names) {
    const kind = outcomeKind(await client.read([{ variableName }]));
    if (kind !== undefined) count(errors, kind);
  }
  return names.length;
}

async function readOnce(dut: Dut, profile: Profile, a: AssociationProfile, errors: Map<string, number>, skipBuffers: boolean): Promise<RunFigures | undefined> {
  const client = dut.newClient();
  try {
    // The invocation counter read (if any) is part of getting in, not of the timed read.
    const params = { ...baseParams(a), ...(await securedParams(client, profile, a)) };
    const skip = client.trace.length;
    const cpu0 = cpuNow();
    const t0 = process.hrtime.bigint();
    const opened = await client.associate(params);
    if (opened.kind !== 'accepted') {
      count(errors, `association ${opened.kind}`);
      return undefined;
    }
    const attributes = a.referencing === 'sn' ? await readAllSn(client, errors) : await readAllLn(client, errors, skipBuffers);
    await client.release();
    await client.disconnect();
    const wallNs = process.hrtime.bigint() - t0;
    const cpuUs = cpuNow() - cpu0;
    let exchanges = 0;
    let sent = 0;
    let received = 0;
    for (const r of client.trace.slice(skip)) {
      if (r.dir === 'tx') {
        exchanges++;
        sent += r.bytes?.length ?? 0;
      } else if (r.dir === 'rx') received += r.bytes?.length ?? 0;
    }
    return { wallNs, cpuUs, exchanges, sent, received, attributes };
  } catch (e) {
    count(errors, `failed: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  } finally {
    await client.disconnect();
  }
}

function mean(runs: readonly RunFigures[], pick: (r: RunFigures) => number): number {
  return runs.length === 0 ? 0 : runs.reduce((s, r) => s + pick(r), 0) / runs.length;
}

function transportLabel(p: Profile): string {
  const t = p.transport;
  return t.kind === 'builtin'
    ? `built-in simulator (${t.framing})`
    : t.kind === 'tcp'
      ? `tcp ${t.host}:${t.port} (${t.framing})`
      : `serial ${t.path} ${t.baudRate} Bd`;
}

export async function readMeter(opts: MeterReadOptions, loaded?: Profile): Promise<MeterReadReport> {
  const profile = loaded ?? loadProfile(opts.profile, { builtinSecrets: builtinSecret });
  const chosen = opts.associations ?? profile.associations.map((a) => a.name);
  const unknown = chosen.filter((n) => !profile.associations.some((a) => a.name === n));
  if (unknown.length > 0) throw new Error(`${opts.profile}: no association named ${unknown.join(', ')}`);
  const dut = await startDut(profile);
  const figures: AssociationFigures[] = [];
  try {
    for (const a of profile.associations.filter((x) => chosen.includes(x.name))) {
      const errors = new Map<string, number>();
      const runs: RunFigures[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const r = await readOnce(dut, profile, a, errors, opts.skipBuffers === true);
        if (r) runs.push(r);
      }
      const exchanges = mean(runs, (r) => r.exchanges);
      const wallMs = mean(runs, (r) => Number(r.wallNs) / 1e6);
      const cpuMs = mean(runs, (r) => r.cpuUs / 1000);
      figures.push({
        association: a.name,
        referencing: a.referencing,
        runs: runs.length,
        attributes: runs[0]?.attributes ?? 0,
        exchangesPerReadAll: exchanges,
        readAll: { wallMs, cpuMs },
        perExchange: { wallUs: exchanges === 0 ? 0 : (wallMs * 1000) / exchanges, cpuUs: exchanges === 0 ? 0 : (cpuMs * 1000) / exchanges },
        bytesPerReadAll: { sent: mean(runs, (r) => r.sent), received: mean(runs, (r) => r.received) },
        errors: Object.fromEntries(errors),
      });
    }
  } finally {
    await dut.stop();
  }
  const sum = (pick: (f: AssociationFigures) => number): number => figures.reduce((s, f) => s + pick(f), 0);
  return {
    profile: opts.profile,
    device: profile.device.name,
    transport: transportLabel(profile),
    cpuCovers: profile.transport.kind === 'builtin' ? 'this process: the client and the built-in simulator' : 'this process: the client only',
    runs: opts.runs,
    associations: figures,
    total: {
      exchanges: sum((f) => f.exchangesPerReadAll * f.runs),
      wallMs: sum((f) => f.readAll.wallMs * f.runs),
      cpuMs: sum((f) => f.readAll.cpuMs * f.runs),
      errors: sum((f) => Object.values(f.errors).reduce((s, n) => s + n, 0)),
    },
  };
}
