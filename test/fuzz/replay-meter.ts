/**
 * A fake meter behind a fake in-memory transport, for fuzzing the tracing client: it answers
 * each request with the answer the independent meter gave to the same request in
 * c_hdlc_none.trace (the invoke-id echoed, framed for the client's own addresses and sequence
 * numbers), and corrupts exactly one of its answers in one of several ways. `runClientCase`
 * plays one association against it and reports how every call ended.
 */
import type { AttributeRef, DlmsClient, Framing } from '../../client/api';
import { createClient } from '../../client';
import { concatBytes, toHex } from '../../dlms/bytes/hex';
import { formatObis } from '../../dlms/cosem/obis';
import { decodeFrame, encodeFrame, type HdlcFrame } from '../../dlms/hdlc/frame';
import { addLlc, stripLlc } from '../../dlms/hdlc/llc';
import { splitSegments, type Segment } from '../../dlms/hdlc/segments';
import { decodeWrapper, encodeWrapper } from '../../dlms/wrapper/header';
import type { Transport } from '../../drivers/transport';
import { int, mendHdlc, mendWrapper, mutate, pick, type Rand } from './mutate';
import type { Seeds } from './seeds';
import { readRecording } from '../vectors/recording';
import { HDLC_TRACE } from './seeds';

/** How the chosen answer goes wrong. */
export const CORRUPTIONS = ['frame', 'frame-mended', 'apdu', 'drop', 'foreign', 'split', 'extra'] as const;
export type Corruption = (typeof CORRUPTIONS)[number] | 'none';

export const RESPONSE_TIMEOUT_MS = 50;
/** Longest a call may take: a response timeout or two, and the event loop shared by 50 cases. */
export const CLIENT_CASE_BOUND_MS = 1000;
/** A call still pending after this is reported as hung (the test fails; mocha does not hang). */
const WATCHDOG_MS = 5000;

/** Green Book 8.4.5.3.2: the recorded meter's UA parameters (max info 128 each way, window 1). */
let recordedUaInfo: Uint8Array | undefined;

interface Script {
  readonly answers: ReadonlyMap<string, Uint8Array>;
  readonly attributes: readonly AttributeRef[];
  readonly uaInfo: Uint8Array;
}

let script: Script | undefined;

/**
 * The recorded answer to each recorded request, keyed by what identifies the request: the
 * ACSE tag, or the get-request's attribute descriptor (class, OBIS, attribute, access
 * selection), or get-request-next's block number. The first answer of each wins.
 */
function loadScript(): Script {
  if (script) return script;
  const answers = new Map<string, Uint8Array>();
  const attributes: AttributeRef[] = [];
  const open: Record<'C2S' | 'S2C', Uint8Array[]> = { C2S: [], S2C: [] };
  let request: Uint8Array | undefined;
  for (const r of readRecording(HDLC_TRACE)) {
    const f = decodeFrame(r.bytes);
    if (f.type === 'UA' && f.info.length > 0) recordedUaInfo ??= f.info;
    if (f.type !== 'I') continue;
    open[r.dir].push(f.info);
    if (f.segmented) continue;
    const apdu = stripLlc(concatBytes(...open[r.dir])).apdu;
    open[r.dir] = [];
    if (r.dir === 'C2S') {
      request = apdu;
      continue;
    }
    if (request === undefined) continue;
    const key = requestKey(request);
    if (key !== undefined && !answers.has(key)) {
      answers.set(key, apdu);
      // get-request-normal without selective access: one the client can make again.
      if (request[1] === 0x01 && request[12] === 0x00) {
        attributes.push({ classId: (request[3]! << 8) | request[4]!, obis: formatObis(request.subarray(5, 11)), attribute: request[11]! });
      }
    }
    request = undefined;
  }
  script = { answers, attributes, uaInfo: recordedUaInfo ?? new Uint8Array(0) };
  return script;
}

function requestKey(apdu: Uint8Array): string | undefined {
  const tag = apdu[0];
  if (tag === 0x60 || tag === 0x62) return `acse ${tag}`;
  if (tag === 0xc0 && apdu[1] === 0x01) return `get ${toHex(apdu.subarray(3))}`;
  if (tag === 0xc0 && apdu[1] === 0x02) return `next ${toHex(apdu.subarray(3))}`;
  return undefined;
}

/** The recorded answer, its invoke-id byte set to the request's (Green Book 9.3: the server echoes it). */
function answerFor(request: Uint8Array): Uint8Array | undefined {
  const key = requestKey(request);
  const answer = key === undefined ? undefined : loadScript().answers.get(key);
  if (answer === undefined) return undefined;
  if (request[0] !== 0xc0) return answer;
  const echoed = answer.slice();
  echoed[2] = request[2]!;
  return echoed;
}

/** The meter's side of one connection: client bytes in, answer chunks out. */
interface MeterLogic {
  handle(bytes: Uint8Array): Uint8Array[];
}

/** Corrupts the `at`-th answer (counting frames or wrapper PDUs) or the APDU that goes into it. */
class Corrupter {
  private frames = 0;
  private apdus = 0;
  constructor(
    private readonly rand: Rand,
    private readonly kind: Corruption,
    private readonly at: number,
    private readonly seeds: Seeds,
    private readonly framing: Framing,
  ) {}

  apdu(apdu: Uint8Array): Uint8Array {
    return this.kind === 'apdu' && this.apdus++ === this.at ? mutate(this.rand, apdu, this.seeds.apdus) : apdu;
  }

  /** What goes on the wire for one answer: nothing, one or several chunks. */
  frame(bytes: Uint8Array): Uint8Array[] {
    if (this.frames++ !== this.at) return [bytes];
    const others = this.framing === 'hdlc' ? this.seeds.hdlcFrames : this.seeds.wrapperPdus;
    const mend = this.framing === 'hdlc' ? mendHdlc : mendWrapper;
    switch (this.kind) {
      case 'none':
      case 'apdu':
        return [bytes];
      case 'frame':
        return [mutate(this.rand, bytes, others)];
      case 'frame-mended':
        return [mend(mutate(this.rand, bytes, others))];
      case 'drop':
        return [];
      case 'foreign': {
        const other = pick(this.rand, others);
        return [this.rand() < 0.5 ? other : mutate(this.rand, other, others)];
      }
      case 'split': {
        const cut = int(this.rand, bytes.length + 1);
        return [bytes.subarray(0, cut), bytes.subarray(cut)];
      }
      case 'extra':
        return [bytes, pick(this.rand, others)];
      default: {
        const never: never = this.kind;
        throw new Error(`unknown corruption ${String(never)}`);
      }
    }
  }
}

/** HDLC (Green Book 8.4): SNRM/UA, I-frames with the client's sequence numbers, RR polls, DISC. */
function hdlcMeter(c: Corrupter): MeterLogic {
  let vs = 0;
  let vr = 0;
  let outbox: Segment[] = [];
  let incoming: Uint8Array[] = [];
  return {
    handle(bytes) {
      const f = decodeFrame(bytes); // the client's own frames: always well formed
      const reply = (frame: Record<string, unknown> & { type: HdlcFrame['type'] }): Uint8Array[] =>
        c.frame(encodeFrame({ destination: f.source, source: f.destination, pf: true, ...frame } as HdlcFrame));
      const nextSegment = (): Uint8Array[] => {
        const seg = outbox.shift();
        if (seg === undefined) return [];
        const out = reply({ type: 'I', ns: vs, nr: vr, segmented: seg.segmented, info: seg.info });
        vs = (vs + 1) % 8;
        return out;
      };
      switch (f.type) {
        case 'SNRM':
          vs = 0;
          vr = 0;
          outbox = [];
          return reply({ type: 'UA', info: loadScript().uaInfo });
        case 'DISC':
          return reply({ type: 'UA', info: new Uint8Array(0) });
        case 'RR':
          return nextSegment();
        case 'I': {
          vr = (f.ns + 1) % 8;
          incoming.push(f.info);
          if (f.segmented) return reply({ type: 'RR', nr: vr });
          const request = stripLlc(concatBytes(...incoming)).apdu;
          incoming = [];
          const answer = answerFor(request);
          if (answer === undefined) return [];
          outbox = [...splitSegments(addLlc('response', c.apdu(answer)), 128)];
          return nextSegment();
        }
        default:
          return [];
      }
    },
  };
}

/** IEC 62056-47: one wrapper PDU per APDU, wPorts swapped. */
function wrapperMeter(c: Corrupter): MeterLogic {
  return {
    handle(bytes) {
      const pdu = decodeWrapper(bytes);
      const answer = answerFor(pdu.apdu);
      if (answer === undefined) return [];
      return c.frame(encodeWrapper({ source: pdu.destination, destination: pdu.source, apdu: c.apdu(answer) }));
    },
  };
}

/** The transport the client gets: what it writes goes to the meter, the answers come back a microtask later. */
function meterTransport(meter: MeterLogic, label: string): Transport {
  let onData: ((chunk: Uint8Array) => void) | undefined;
  let onClose: ((error?: Error) => void) | undefined;
  let closed = false;
  return {
    label,
    async write(bytes) {
      if (closed) throw new Error(`${label}: write after close`);
      for (const chunk of meter.handle(bytes)) queueMicrotask(() => (closed ? undefined : onData?.(chunk)));
    },
    onData: (l) => (onData = l),
    onClose: (l) => (onClose = l),
    async close() {
      if (closed) return;
      closed = true;
      onClose?.();
    },
  };
}

export interface CallReport {
  readonly caseLabel: string;
  readonly call: string;
  /** The outcome's kind, or 'threw' / 'hung'. */
  readonly outcome: string;
  readonly ms: number;
  readonly error?: string;
}

export interface ClientCaseReport {
  readonly framing: Framing;
  readonly corruption: Corruption;
  readonly calls: readonly CallReport[];
}

async function timed(caseLabel: string, call: string, run: () => Promise<{ kind: string } | void>): Promise<CallReport> {
  const t0 = performance.now();
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<'hung'>((resolve) => (watchdog = setTimeout(() => resolve('hung'), WATCHDOG_MS)));
  try {
    const r = await Promise.race([run(), hung]);
    const ms = performance.now() - t0;
    if (r === 'hung') return { caseLabel, call, outcome: 'hung', ms, error: `no result within ${WATCHDOG_MS} ms` };
    return { caseLabel, call, outcome: r === undefined ? 'done' : r.kind, ms };
  } catch (e) {
    return { caseLabel, call, outcome: 'threw', ms: performance.now() - t0, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  } finally {
    clearTimeout(watchdog);
  }
}

/** One association against the fake meter: associate, the object list, one or two more GETs, release, disconnect. */
export async function runClientCase(index: number, rand: Rand, seeds: Seeds, corruption?: Corruption): Promise<ClientCaseReport> {
  const { attributes } = loadScript();
  const framing: Framing = index % 2 === 0 ? 'hdlc' : 'wrapper';
  const kind = corruption ?? pick(rand, CORRUPTIONS);
  // Roughly the number of answers one case gets: the object list alone is ~35 HDLC frames.
  const at = int(rand, framing === 'hdlc' ? 45 : 14);
  const corrupter = new Corrupter(rand, kind, at, seeds, framing);
  const caseLabel = `case ${index} (${framing}, ${kind} at answer ${at})`;
  const client: DlmsClient = createClient({
    transport: {
      kind: 'factory',
      label: 'fuzz meter',
      open: async () => meterTransport(framing === 'hdlc' ? hdlcMeter(corrupter) : wrapperMeter(corrupter), 'fuzz meter'),
    },
    link: { framing, serverLogical: 1, serverPhysical: 16, addressSize: 2, responseTimeoutMs: RESPONSE_TIMEOUT_MS, interFrameTimeoutMs: 20 },
    connectTimeoutMs: 1000,
    connectRetries: 0,
  });
  const calls: CallReport[] = [];
  calls.push(await timed(caseLabel, 'associate', () => client.associate({ name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' })));
  calls.push(await timed(caseLabel, 'get object list', () => client.get(attributes[0]!)));
  for (let n = 1 + int(rand, 2); n > 0; n--) {
    const ref = pick(rand, attributes);
    calls.push(await timed(caseLabel, `get ${ref.obis}/${ref.attribute}`, () => client.get(ref)));
  }
  calls.push(await timed(caseLabel, 'release', () => client.release()));
  calls.push(await timed(caseLabel, 'disconnect', () => client.disconnect()));
  return { framing, corruption: kind, calls };
}

/** The attributes the fake meter can answer, the object list first. */
export function scriptedAttributes(): readonly AttributeRef[] {
  return loadScript().attributes;
}
