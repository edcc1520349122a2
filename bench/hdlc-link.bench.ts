/**
 * The HDLC link state machine (dlms/hdlc/link.ts) alone: a client machine and a server machine
 * pass frames to each other through `step`, no codec in between. One exchange is a short request
 * and a response that needs segmentation under the default 128-byte information field, so the
 * count includes the RR polls between segments (Green Book 8.4.4).
 */
import { clientAddress, serverAddress } from '../dlms/hdlc/address';
import type { HdlcFrame } from '../dlms/hdlc/frame';
import { initialLinkState, step, type LinkAction, type LinkConfig, type LinkState } from '../dlms/hdlc/link';
import { DEFAULT_SETTINGS } from '../dlms/hdlc/parameters';
import { measureSync, result, type BenchGroup } from './runner';

const REQUEST_BYTES = 16;
/** About the size of a block of the object list: three segments at 128 bytes. */
const RESPONSE_BYTES = 300;

const base = { settings: DEFAULT_SETTINGS, responseTimeoutMs: 1000, maxRetries: 2 } as const;
const clientConfig: LinkConfig = { ...base, role: 'client', local: clientAddress(16), remote: serverAddress(1) };
const serverConfig: LinkConfig = { ...base, role: 'server', local: serverAddress(1) };

const transmitted = (actions: readonly LinkAction[]): HdlcFrame[] => actions.flatMap((a) => (a.type === 'transmit' ? [a.frame] : []));

/** Two machines wired back to back; `exchange` returns the number of frames that went through `step`. */
class LinkPair {
  client: LinkState = initialLinkState(clientConfig);
  server: LinkState = initialLinkState(serverConfig);
  private readonly request = new Uint8Array(REQUEST_BYTES).fill(0xc0);
  private readonly response = new Uint8Array(RESPONSE_BYTES).fill(0xc4);

  constructor() {
    const r = step(this.client, { type: 'connect' }, 0);
    this.client = r.state;
    this.pump(transmitted(r.actions));
    if (this.client.mode !== 'NRM') throw new Error(`link pair did not connect: ${this.client.mode}`);
  }

  exchange(): number {
    const r = step(this.client, { type: 'send', payload: this.request }, 0);
    this.client = r.state;
    return this.pump(transmitted(r.actions));
  }

  /** Delivers frames until both sides are quiet; the server answers each message it receives. */
  private pump(toServer: HdlcFrame[]): number {
    const toClient: HdlcFrame[] = [];
    let frames = 0;
    while (toServer.length > 0 || toClient.length > 0) {
      const f = toServer.shift();
      if (f !== undefined) {
        frames++;
        const r = step(this.server, { type: 'receive', frame: f }, 0);
        this.server = r.state;
        toClient.push(...transmitted(r.actions));
        if (r.actions.some((a) => a.type === 'deliver')) {
          const s = step(this.server, { type: 'send', payload: this.response }, 0);
          this.server = s.state;
          toClient.push(...transmitted(s.actions));
        }
      }
      const g = toClient.shift();
      if (g !== undefined) {
        frames++;
        const r = step(this.client, { type: 'receive', frame: g }, 0);
        this.client = r.state;
        toServer.push(...transmitted(r.actions));
      }
    }
    return frames;
  }
}

export const hdlcLinkBenches: BenchGroup = async (plan) => {
  const pair = new LinkPair();
  const m = measureSync(plan, () => pair.exchange());
  const framesPerExchange = m.units / m.calls;
  return [
    result(
      {
        group: 'hdlc-link',
        name: 'link machine step, client + server',
        unit: 'frame',
        extra: { framesPerExchange, exchangesPerSecond: m.calls / (Number(m.wallNs) / 1e9) },
        note: `${REQUEST_BYTES}-byte request, ${RESPONSE_BYTES}-byte response, max info 128, window 1`,
      },
      m,
    ),
  ];
};
