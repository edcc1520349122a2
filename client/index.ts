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
  AccessItem,
  AccessOutcome,
  AssociateOutcome,
  AssociationParams,
  AttributeRef,
  ConnectOutcome,
  ActionOutcome,
  DlmsClient,
  GetListOutcome,
  GetOutcome,
  MethodRef,
  NotificationOutcome,
  SetListOutcome,
  SetOutcome,
  LinkProposal,
  LinkSettings,
  RawFrameAccess,
  ReadOutcome,
  ReleaseOptions,
  ReleaseOutcome,
  SnVariable,
  SnWriteItem,
  WriteOutcome,
} from './api';
import { associate, initiateRequestFor, release } from './association';
import { readVariables, writeVariables } from './sn-service';
import type { InitiateRequest } from '../dlms/xdlms/initiate';
import { deferredDescriberFor } from './describe';
import { FrameRecorder } from './frame-recorder';
import { getAttribute, getWithList } from './get-service';
import { setAttribute, setWithList } from './set-service';
import { invokeAction } from './action-service';
import { invokeAccess } from './access-service';
import { NotificationBox } from './notification';
import { UNNEGOTIATED, type Negotiated, type ServiceContext } from './exchange';
import { DEFAULT_MAX_RECEIVE_PDU } from './association';
import type { Data } from '../dlms/axdr/data';
import { ClientError } from './api';
import { HdlcClientLink } from './hdlc-link';
import type { Link } from './link';
import { closedOutcome, malformed } from './outcomes';
import { openTransport, type TransportSpec } from './open-transport';
import { TraceRecorder, type Clock } from './recorder';
import { WrapperClientLink } from './wrapper-link';
import { DecodeError } from '../dlms/bytes/decode-error';
import { CipheringLink, decipheredLayer, decipheringDescriber } from './ciphering';
import { LLC_HEADER_LENGTH } from '../dlms/hdlc/llc';
import { memoryCounterStore, type CounterStore } from './counters';
import { associateSecured, needsSecurity, releaseSecured } from './hls';
import type { SecureChannel, SecureSession } from './security-context';

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
  /** The invoke-id of every request, for DUTs or replays that expect one (Gurux clients always send 1); default: cycle 1..15, 0. */
  readonly fixedInvokeId?: number;
  /** Invocation counters used so far, per device (client/counters.ts); default: in memory, for this client only. */
  readonly counters?: CounterStore;
  /** Names the device in the counter store; default: the transport's label. */
  readonly deviceKey?: string;
}

/** Green Book 8.4.2.3 / 7.3.3: the public client's SAP, used when no association says otherwise. */
export const PUBLIC_CLIENT_SAP = 16;
const INVOKE_ID_MODULUS = 16;
/** Green Book 8.4.5.3.2: the default maximum information field length, when the profile names none. */
const HDLC_DEFAULT_INFO = 128;

class TracingClient implements DlmsClient {
  private readonly rec: FrameRecorder;
  private transport: Transport | undefined;
  private link: Link | undefined;
  private sap: number | undefined;
  private invokeId = 0;
  /** What the open association negotiated; GET, SET and ACTION keep to it. */
  private negotiated: Negotiated = UNNEGOTIATED;
  private readonly notifications = new NotificationBox();
  /** The InitiateRequest of the last AARQ, for an RLRQ that carries it (Green Book 9.3.3). */
  private initiate: InitiateRequest | undefined;
  /** The security session of the open association (client/security-context.ts), when it has one. */
  private channel: SecureChannel | undefined;
  private associated: AssociationParams | undefined;
  private readonly counters: CounterStore;
  /** Raw frames went out on this link: its state is the case's business, not the link machine's. */
  private rawUsed = false;

  constructor(private readonly opts: ClientOptions) {
    // Protected APDUs are recorded as sent and, in an extra layer, deciphered (client/ciphering.ts).
    this.rec = new FrameRecorder(
      new TraceRecorder(opts.clock),
      decipheringDescriber(opts.link.framing, deferredDescriberFor(opts.link.framing), () => this.channel),
    );
    this.counters = opts.counters ?? memoryCounterStore();
    for (const s of opts.secrets ?? []) this.rec.protect(s);
  }

  get trace(): readonly TraceRecord[] {
    return this.rec.recorder.records;
  }

  /** Remarks on how the link was opened (a mode E meter acknowledged without `\2`), once each. */
  private readonly linkRemarks: { readonly text: string; readonly clause: string }[] = [];

  get remarks(): readonly { readonly text: string; readonly clause: string }[] {
    return this.linkRemarks;
  }

  async connect(clientSap = PUBLIC_CLIENT_SAP, proposal?: LinkProposal): Promise<ConnectOutcome> {
    const link = await this.openLink(clientSap, proposal);
    const opened = await link.open();
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
        return closedOutcome('an answer to the link request');
    }
  }

  async associate(params: AssociationParams): Promise<AssociateOutcome> {
    if (params.password) this.rec.protect(params.password);
    // After the meter hung up (e.g. after RLRE or DISC), a new association needs a fresh connection.
    if (!this.link || this.link.dead || this.sap !== params.clientSap) {
      const c = await this.connect(params.clientSap);
      if (c.kind === 'refused') return malformed(new DecodeError('LINK_REFUSED', 0, 'a link for the association', c.note));
      if (c.kind !== 'connected') return c;
    }
    this.rec.event(`associate ${params.name} (client SAP ${params.clientSap}, ${params.authentication})`);
    this.initiate = initiateRequestFor(params);
    this.dropChannel();
    const outcome = needsSecurity(params) ? await this.associateSecured(params) : await associate(this.link!, params);
    this.negotiated =
      outcome.kind === 'accepted'
        ? {
            clientMaxReceivePduSize: params.maxReceivePduSize ?? DEFAULT_MAX_RECEIVE_PDU,
            serverMaxReceivePduSize: outcome.serverMaxReceivePduSize,
            conformance: outcome.negotiatedConformance,
          }
        : UNNEGOTIATED;
    return outcome;
  }

  /** HLS and ciphered associations (client/hls.ts); every key they use is masked from here on. */
  private async associateSecured(params: AssociationParams): Promise<AssociateOutcome> {
    const s = params.security;
    for (const k of [
      s?.blockCipherKey,
      s?.authenticationKey,
      s?.masterKey,
      s?.broadcastKey,
      s?.signingKey,
      params.hls?.secret,
      s?.dedicatedKey === true ? undefined : s?.dedicatedKey,
    ]) {
      if (k) this.rec.protect(k);
    }
    const r = await associateSecured(this.link!, params, {
      counters: this.counters,
      deviceKey: this.opts.deviceKey ?? deviceKeyOf(this.opts.transport),
      invoke: () => this.nextInvoke(),
      onChannel: (channel) => {
        if (channel.dedicatedKey) this.rec.protect(channel.dedicatedKey);
        this.channel = channel;
      },
    });
    if (r.outcome.kind === 'accepted' && r.channel) this.associated = params;
    else this.dropChannel();
    const remark = r.outcome.kind === 'hls-failed' ? r.outcome.remark : undefined;
    if (remark && !this.linkRemarks.some((x) => x.text === remark.text)) this.linkRemarks.push(remark);
    return r.outcome;
  }

  /**
   * A protected APDU longer than one HDLC frame crossed in segments, whose frames the describer
   * cannot decipher one by one: the whole APDU's deciphered layer gets a record of its own.
   */
  private recordSegmented(apdu: Uint8Array, dir: 'tx' | 'rx'): void {
    const l = this.opts.link;
    const max = dir === 'tx' ? (l.maxInfoTx ?? HDLC_DEFAULT_INFO) : (l.maxInfoRx ?? HDLC_DEFAULT_INFO);
    if (l.framing !== 'hdlc' || !this.channel || apdu.length + LLC_HEADER_LENGTH <= max) return;
    const layer = decipheredLayer(this.channel, apdu, dir);
    if (layer) this.rec.event(`${dir === 'tx' ? 'request' : 'response'} APDU sent in segments, deciphered`, [layer]);
  }

  security(): SecureSession | undefined {
    return this.channel;
  }

  private dropChannel(): void {
    this.channel?.flush();
    this.channel = undefined;
    this.associated = undefined;
  }

  async read(variables: readonly SnVariable[]): Promise<ReadOutcome> {
    const link = await this.ensureLink();
    if ('kind' in link) return link;
    return readVariables(link.link, variables, (remark) => {
      if (!this.linkRemarks.some((x) => x.text === remark.text)) this.linkRemarks.push(remark);
    });
  }

  async write(items: readonly SnWriteItem[]): Promise<WriteOutcome> {
    const link = await this.ensureLink();
    if ('kind' in link) return link;
    return writeVariables(link.link, items);
  }

  get(ref: AttributeRef): Promise<GetOutcome> {
    return this.onLink((sc) => getAttribute(sc, ref, this.nextInvoke()));
  }

  getWithList(refs: readonly AttributeRef[]): Promise<GetListOutcome> {
    return this.onLink((sc) => getWithList(sc, refs, this.nextInvoke()));
  }

  set(ref: AttributeRef, value: Data): Promise<SetOutcome> {
    return this.onLink((sc) => setAttribute(sc, ref, value, this.nextInvoke()));
  }

  setWithList(refs: readonly AttributeRef[], values: readonly Data[]): Promise<SetListOutcome> {
    return this.onLink((sc) => setWithList(sc, refs, values, this.nextInvoke()));
  }

  action(ref: MethodRef, parameters?: Data): Promise<ActionOutcome> {
    return this.onLink((sc) => invokeAction(sc, ref, parameters, this.nextInvoke()));
  }

  access(items: readonly AccessItem[], options?: { readonly breakOnError?: boolean }): Promise<AccessOutcome> {
    return this.onLink((sc) => invokeAccess(sc, items, this.nextInvoke().invokeId, options?.breakOnError ?? false));
  }

  async receiveNotification(timeoutMs = this.opts.link.responseTimeoutMs): Promise<NotificationOutcome> {
    const link = await this.ensureLink();
    if ('kind' in link) return link;
    return this.notifications.receive(link.link, this.negotiated, timeoutMs);
  }

  onNotification(listener: (n: NotificationOutcome) => void): void {
    this.notifications.listen(listener);
  }

  /** One context per link and negotiation, reused by every request on them (not an object and a closure per request). */
  private services(link: Link): ServiceContext {
    const held = this.serviceContext;
    if (held !== undefined && held.link === link && held.negotiated === this.negotiated) return held;
    this.serviceContext = this.newServices(link);
    return this.serviceContext;
  }

  private serviceContext: ServiceContext | undefined;

  private newServices(link: Link): ServiceContext {
    return {
      link,
      negotiated: this.negotiated,
      responseTimeoutMs: this.opts.link.responseTimeoutMs,
      notified: (apdu) => {
        this.rec.event(`${apdu.type} received while awaiting an answer: kept for receiveNotification`);
        this.notifications.keep(apdu);
      },
    };
  }

  async release(options?: ReleaseOptions): Promise<ReleaseOutcome> {
    const link = await this.ensureLink();
    if ('kind' in link) return link;
    const channel = this.channel;
    // In a ciphered context the RLRQ carries the protected InitiateRequest unless told otherwise:
    // a meter whose policy requires protection refuses a bare RLRQ (real-meter.md section 2).
    const opts = { ...options, userInformation: options?.userInformation ?? true };
    const outcome = channel?.ciphered ? await releaseSecured(link.link, opts, channel, this.associated) : await release(link.link, options, this.initiate);
    // RLRE not-finished: the server keeps the association (Green Book 9.3.3).
    if (outcome.kind === 'released' && outcome.reason !== 'not-finished') {
      this.negotiated = UNNEGOTIATED;
      this.dropChannel();
    }
    return outcome;
  }

  /** Frame-level access for frame-crafting steps (client/api.ts RawFrameAccess); HDLC only. */
  readonly raw: RawFrameAccess = {
    open: async (clientSap = PUBLIC_CLIENT_SAP) => {
      // A probe after the meter hung up goes on a fresh connection: the dead one answers nothing.
      if (!this.link || this.link.dead) await this.openLink(clientSap);
    },
    sendRawFrame: async (bytes, note) => {
      // A probe after the meter hung up (after DISC, say) goes on a fresh connection, which is in NDM.
      if (this.link?.dead) {
        this.rec.event('the meter had closed the connection: the frame goes on a fresh connection');
        await this.openLink(this.sap ?? PUBLIC_CLIENT_SAP);
      }
      this.rawUsed = true;
      return this.hdlcLink('send a raw frame').sendRaw(bytes, note);
    },
    nextFrame: async (timeoutMs) => this.hdlcLink('wait for a raw frame').nextRaw(timeoutMs),
    link: () => (this.link instanceof HdlcClientLink ? this.link.view() : undefined),
  };

  /** The transport and the link object, not yet opened (no SNRM): `connect` opens it, raw access need not. */
  private async openLink(clientSap: number, proposal?: LinkProposal): Promise<Link> {
    if (this.link) await this.disconnect();
    const transport = await openTransport(this.opts.transport, {
      attemptTimeoutMs: this.opts.connectTimeoutMs,
      retries: this.opts.connectRetries ?? 2,
      onRetry: (note) => this.rec.event(note),
      // The sign-on's bytes go into the trace as sent and received: a failed opening is judged on them.
      onOpening: (x) =>
        x.bytes && x.dir !== 'event'
          ? this.rec.recorder.frame(x.dir, x.bytes.slice(), [{ layer: 'iec62056-21', summary: JSON.stringify(String.fromCharCode(...x.bytes)) }], x.note)
          : this.rec.event(x.note),
      onRemark: (text, clause) => {
        if (!this.linkRemarks.some((r) => r.text === text)) this.linkRemarks.push({ text, clause });
      },
    });
    this.rec.event(`connected: ${transport.label}`);
    this.transport = transport;
    this.sap = clientSap;
    this.rawUsed = false;
    this.link =
      this.opts.link.framing === 'hdlc'
        ? new HdlcClientLink(transport, this.opts.link, clientSap, this.rec, proposal)
        : new WrapperClientLink(transport, this.opts.link, clientSap, this.rec);
    return this.link;
  }

  private hdlcLink(what: string): HdlcClientLink {
    if (this.link instanceof HdlcClientLink) return this.link;
    const why = this.link ? 'the link is not HDLC' : 'no link is open';
    throw new ClientError(`cannot ${what}: ${why}`, this.link ? 'profile' : 'harness', 'CLIENT_NO_HDLC_LINK');
  }

  isAssociated(): boolean {
    // After raw frames the link machine no longer knows the DUT's state (an SNRM resets it): not ours to release.
    return this.negotiated !== UNNEGOTIATED && this.link !== undefined && this.link.dead !== true && !this.rawUsed;
  }

  async disconnect(): Promise<void> {
    const link = this.link;
    const transport = this.transport;
    this.link = undefined;
    this.transport = undefined;
    this.sap = undefined;
    this.negotiated = UNNEGOTIATED;
    this.dropChannel();
    try {
      await link?.close();
    } finally {
      await transport?.close();
      if (transport) this.rec.event('disconnected');
    }
  }

  private async ensureLink(): Promise<{ link: Link } | LinkFailure> {
    const up = this.linkNow();
    if (up) return up;
    const c = await this.connect();
    if (c.kind === 'refused') return malformed(new DecodeError('LINK_REFUSED', 0, 'a link', c.note));
    if (c.kind !== 'connected') return c;
    return { link: this.link! };
  }

  /**
   * Runs a service on the link: at once when the link is up (no async frame and wait of its own
   * per request), after connecting otherwise; a link that cannot be had is the outcome. The
   * service is an async function, so whatever it throws comes out as a rejection, as before.
   */
  private onLink<T>(service: (sc: ServiceContext) => Promise<T>): Promise<T | LinkFailure> {
    const up = this.linkNow();
    if (up !== undefined) return service(this.services(up.link));
    return this.ensureLink().then((l): T | LinkFailure | Promise<T> => ('kind' in l ? l : service(this.services(l.link))));
  }

  /**
   * The link when it is up, at once: the services (GET, SET, ACTION, ACCESS) take it without a
   * promise and a wait per request; `ensureLink` connects first when it is not.
   */
  private linkNow(): { link: Link } | undefined {
    if (!this.link) return undefined;
    return { link: this.channel?.ciphered ? new CipheringLink(this.link, this.channel, (apdu, dir) => this.recordSegmented(apdu, dir)) : this.link };
  }

  /** Invoke-ids cycle 1..15, 0 (Green Book 9.3: the client chooses; the server echoes). */
  private nextInvoke(): InvokeIdAndPriority {
    this.invokeId = this.opts.fixedInvokeId ?? (this.invokeId + 1) % INVOKE_ID_MODULUS;
    return { invokeId: this.invokeId, serviceClass: 'confirmed', priority: 'high' };
  }
}

/** Why a request found no link to go on. */
type LinkFailure = Exclude<ConnectOutcome, { kind: 'connected' | 'refused' }> | ReturnType<typeof malformed>;

/** Where the device is, as a name for its counters: stable across connections (unlike a transport's label). */
function deviceKeyOf(t: TransportSpec): string {
  switch (t.kind) {
    case 'tcp':
      return `tcp ${t.host}:${t.port}`;
    case 'serial':
      return `serial ${t.path}`;
    default:
      return t.label;
  }
}

export function createClient(options: ClientOptions): DlmsClient {
  return new TracingClient(options);
}
