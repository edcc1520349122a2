/**
 * A scripted DlmsClient for the harness's own tests: answers from a script, records a small
 * trace (one tx and one rx per exchange) and can be told to throw or hang, so the engine's
 * verdict mapping is tested without a device.
 */
import type { AssociateOutcome, AssociationParams, AttributeRef, ConnectOutcome, DlmsClient, GetOutcome, ReleaseOutcome } from '../../../client/api';
import type { TraceRecord } from '../../../dlms/trace';

export interface FakeScript {
  connect?: (clientSap: number | undefined) => ConnectOutcome | Promise<ConnectOutcome>;
  associate?: (p: AssociationParams) => AssociateOutcome | Promise<AssociateOutcome>;
  get?: (ref: AttributeRef, associated: boolean) => GetOutcome | Promise<GetOutcome>;
  release?: () => ReleaseOutcome | Promise<ReleaseOutcome>;
}

export interface FakeClient extends DlmsClient {
  readonly calls: string[];
  disconnected: boolean;
}

export const ACCEPTED: AssociateOutcome = { kind: 'accepted', negotiatedConformance: ['get'], serverMaxReceivePduSize: 1024, dlmsVersion: 6 };

export function fakeClient(script: FakeScript = {}): FakeClient {
  const trace: TraceRecord[] = [];
  const calls: string[] = [];
  let associated = false;
  let t = 0;
  const exchange = (sent: string, got: string): void => {
    trace.push({ at: (t += 1), dir: 'tx', bytes: Uint8Array.of(0x7e, 0x01, 0x7e), layers: [{ layer: 'apdu', summary: sent }] });
    trace.push({ at: (t += 1), dir: 'rx', bytes: Uint8Array.of(0x7e, 0x02, 0x7e), layers: [{ layer: 'apdu', summary: got }] });
  };
  const client: FakeClient = {
    trace,
    calls,
    disconnected: false,
    async connect(clientSap) {
      calls.push(`connect ${clientSap ?? '-'}`);
      const o = script.connect ? await script.connect(clientSap) : ({ kind: 'connected', note: 'UA' } as const);
      exchange('SNRM', o.kind);
      return o;
    },
    async associate(p) {
      calls.push(`associate ${p.name}`);
      const o = script.associate ? await script.associate(p) : ACCEPTED;
      associated = o.kind === 'accepted';
      exchange(`AARQ ${p.name}`, `AARE ${o.kind}`);
      return o;
    },
    async get(ref) {
      calls.push(`get ${ref.obis}/${ref.attribute}`);
      const o = script.get
        ? await script.get(ref, associated)
        : ({ kind: 'data', data: { type: 'octet-string', value: Uint8Array.of(0, 0, 40, 0, 0, 255) }, blocks: 1 } as const);
      exchange(`GET ${ref.obis}/${ref.attribute}`, o.kind);
      return o;
    },
    async release() {
      calls.push('release');
      const o = script.release ? await script.release() : ({ kind: 'released' } as const);
      if (o.kind === 'released') associated = false;
      exchange('RLRQ', o.kind);
      return o;
    },
    async read(variables) {
      calls.push(`read ${variables.map((v) => v.variableName).join(',')}`);
      exchange('ReadRequest', 'ReadResponse');
      return { kind: 'read', results: variables.map(() => ({ kind: 'data-access-result', result: 'object-undefined' })), blocks: 0 };
    },
    async write(items) {
      calls.push(`write ${items.map((v) => v.variableName).join(',')}`);
      exchange('WriteRequest', 'WriteResponse');
      return { kind: 'written', results: items.map(() => ({ kind: 'success' })) };
    },
    // xDLMS services beyond GET: a plain success each, recorded like the others.
    async getWithList(refs) {
      calls.push(`get-with-list ${refs.length}`);
      exchange('GET with-list', 'results');
      return { kind: 'results', results: refs.map(() => ({ kind: 'data-access-result', result: 'object-undefined' })), blocks: 0 };
    },
    async set(ref) {
      calls.push(`set ${ref.obis}/${ref.attribute}`);
      exchange(`SET ${ref.obis}/${ref.attribute}`, 'success');
      return { kind: 'set-result', result: 'success', blocks: 0 };
    },
    async setWithList(refs) {
      calls.push(`set-with-list ${refs.length}`);
      exchange('SET with-list', 'success');
      return { kind: 'set-results', results: refs.map(() => 'success'), blocks: 0 };
    },
    async action(ref) {
      calls.push(`action ${ref.obis}/${ref.method}`);
      exchange(`ACTION ${ref.obis}/${ref.method}`, 'success');
      return { kind: 'action-result', result: 'success', blocks: 0 };
    },
    async access(items) {
      calls.push(`access ${items.length}`);
      exchange('ACCESS', 'success');
      return { kind: 'access-results', results: items.map((i) => ({ kind: i.kind, result: 'success', data: { type: 'null-data' } })) };
    },
    async receiveNotification(timeoutMs) {
      calls.push('receive-notification');
      return { kind: 'silence', waitedMs: timeoutMs ?? 0 };
    },
    onNotification() {
      calls.push('on-notification');
    },
    isAssociated() {
      return associated && !client.disconnected;
    },
    async disconnect() {
      associated = false;
      calls.push('disconnect');
      client.disconnected = true;
    },
  };
  return client;
}
