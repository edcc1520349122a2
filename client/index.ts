/**
 * The tracing DLMS client: drives the dlms/ codecs over a Transport, one link and at most one
 * association at a time, and records every frame both ways (client/frame-recorder.ts). What the
 * DUT answers is returned as an outcome, never thrown: only faults of the rig, the profile or
 * the harness throw (UnreachableError, ClientError).
 */
import type { Transport } from '../drivers/transport';
import type { Secret } from '../dlms/secret';
import type { TraceRecord } from '../dlms/trace';
import type { InvokeIdAndPriority } from '../dlms/xdlms/invoke-id';
import type {
  AssociateOutcome,
  AssociationParams,
  AttributeRef,
  ConnectOutcome,
  DlmsClient,
  GetOutcome,
  LinkSettings,
  ReleaseOutcome,
} from './api';
import { associate, release } from './association';
import { describerFor } from './describe';
import { FrameRecorder } from './frame-recorder';
import { getAttribute } from './get-service';
import { HdlcClientLink } from './hdlc-link';
import type { Link } from './link';
import { malformed } from './outcomes';
import { openTransport, type TransportSpec } from './open-transport';
import { TraceRecorder, type Clock } from './recorder';
import { WrapperClientLink } from './wrapper-link';
import { DecodeError } from '../dlms/bytes/decode-error';

export type { DlmsClient } from './api';
export type { TransportSpec } from './open-transport';

export interface ClientOptions {
  readonly transport: TransportSpec;
  readonly link: LinkSettings;
  /** Bound for one connection attempt. */
  readonly connectTimeoutMs: number;
  /** Further connection attempts (p-retry, back-off); default 2. */
  readonly connectRetries?: number;
  /** Every secret the profile holds: masked in every trace record. */
  readonly secrets?: readonly Secret[];
  readonly clock?: Clock;
}

/** Green Book 8.4.2.3 / 7.3.3: the public client's SAP, used when no association says otherwise. */
export const PUBLIC_CLIENT_SAP = 16;
const INVOKE_ID_MODULUS = 16;

class TracingClient implements DlmsClient {
  private readonly rec: FrameRecorder;
  private transport: Transport | undefined;
  private link: Link | undefined;
  private sap: number | undefined;
  private invokeId = 0;

  constructor(private readonly opts: ClientOptions) {
    this.rec = new FrameRecorder(new TraceRecorder(opts.clock), describerFor(opts.link.framing));
    for (const s of opts.secrets ?? []) this.rec.protect(s);
  }

  get trace(): readonly TraceRecord[] {
    return this.rec.recorder.records;
  }

  async connect(clientSap = PUBLIC_CLIENT_SAP): Promise<ConnectOutcome> {
    if (this.link) await this.disconnect();
    const transport = await openTransport(this.opts.transport, {
      attemptTimeoutMs: this.opts.connectTimeoutMs,
      retries: this.opts.connectRetries ?? 2,
      onRetry: (note) => this.rec.event(note),
    });
    this.rec.event(`connected: ${transport.label}`);
    this.transport = transport;
    this.sap = clientSap;
    this.link =
      this.opts.link.framing === 'hdlc'
        ? new HdlcClientLink(transport, this.opts.link, clientSap, this.rec)
        : new WrapperClientLink(transport, this.opts.link, clientSap, this.rec);
    const opened = await this.link.open();
    switch (opened.kind) {
      case 'open':
        this.rec.event(opened.note);
        return { kind: 'connected', note: opened.note };
      case 'refused':
        return opened;
      case 'silence':
        return opened;
      case 'malformed':
        return malformed(opened.error);
      case 'closed':
        return malformed(new DecodeError('LINK_CLOSED', 0, 'an answer to the link request', 'the connection closed'));
    }
  }

  async associate(params: AssociationParams): Promise<AssociateOutcome> {
    if (params.password) this.rec.protect(params.password);
    if (!this.link || this.sap !== params.clientSap) {
      const c = await this.connect(params.clientSap);
      if (c.kind === 'refused') return malformed(new DecodeError('LINK_REFUSED', 0, 'a link for the association', c.note));
      if (c.kind !== 'connected') return c;
    }
    this.rec.event(`associate ${params.name} (client SAP ${params.clientSap}, ${params.authentication})`);
    return associate(this.link!, params);
  }

  async get(ref: AttributeRef): Promise<GetOutcome> {
    const link = await this.ensureLink();
    if ('kind' in link) return link;
    return getAttribute(link.link, ref, this.nextInvoke());
  }

  async release(): Promise<ReleaseOutcome> {
    const link = await this.ensureLink();
    if ('kind' in link) return link;
    return release(link.link);
  }

  async disconnect(): Promise<void> {
    const link = this.link;
    const transport = this.transport;
    this.link = undefined;
    this.transport = undefined;
    this.sap = undefined;
    try {
      await link?.close();
    } finally {
      await transport?.close();
      if (transport) this.rec.event('disconnected');
    }
  }

  private async ensureLink(): Promise<{ link: Link } | Exclude<ConnectOutcome, { kind: 'connected' | 'refused' }> | ReturnType<typeof malformed>> {
    if (this.link) return { link: this.link };
    const c = await this.connect();
    if (c.kind === 'refused') return malformed(new DecodeError('LINK_REFUSED', 0, 'a link', c.note));
    if (c.kind !== 'connected') return c;
    return { link: this.link! };
  }

  /** Invoke-ids cycle 1..15, 0 (Green Book 9.3: the client chooses; the server echoes). */
  private nextInvoke(): InvokeIdAndPriority {
    this.invokeId = (this.invokeId + 1) % INVOKE_ID_MODULUS;
    return { invokeId: this.invokeId, serviceClass: 'confirmed', priority: 'high' };
  }
}

export function createClient(options: ClientOptions): DlmsClient {
  return new TracingClient(options);
}
