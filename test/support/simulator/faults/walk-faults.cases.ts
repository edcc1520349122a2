/**
 * The behaviour cases of the object-walk faults, for faults.test.ts: what the clean meter
 * answers, then what the faulty one answers instead, over an associated in-memory HDLC client.
 */
import { expect } from 'chai';
import type { Pdu } from '../../../../dlms/pdu/pdu';
import { encodePduBytes } from '../../../../dlms/pdu/pdu';
import type { Data } from '../../../../dlms/axdr/data';
import { parseObis } from '../../../../dlms/cosem/obis';
import type { Apdu } from '../../../../dlms/xdlms/apdu';
import { createServerConnection } from '../../../../simulator/server/connection';
import { BUILTIN_SECRETS } from '../../../../simulator/secrets';
import { aarqBytes, contextFor, DEFAULT, HdlcTestClient, pdu, T0 } from '../testing';
import { invokeMethod } from '../../../../simulator/objects/store';
import { activeHooks } from '../../../../simulator/faults/types';
import { faultsNamed } from '../../../../simulator/faults';

const INVOKE = { invokeId: 5, serviceClass: 'confirmed', priority: 'high' } as const;
/** Register 1-0:1.8.0.255 reset (method 1), the ACTION the method-access faults answer. */
const REGISTER_RESET: Apdu = {
  type: 'action-request',
  variant: 'normal',
  invokeIdAndPriority: INVOKE,
  method: { classId: 3, instanceId: parseObis('1-0:1.8.0.255'), methodId: 1 },
  methodInvocationParameters: { type: 'integer', value: 0 },
};
const SETTING = { classId: 1, instanceId: parseObis('0-0:96.50.0.255'), attributeId: 2 };
/** The Association LN secret: no read access in any association (Blue Book 4.4.3). */
const SECRET = { classId: 15, instanceId: parseObis('0-0:40.0.0.255'), attributeId: 7 };

/** Public (SAP 16) or management (SAP 1, LLS, read-write). */
function session(faults: readonly string[], management: boolean): HdlcTestClient {
  const conn = createServerConnection({ meter: DEFAULT, framing: 'hdlc', hooks: activeHooks(faultsNamed(faults)), startedAt: T0 });
  const c = new HdlcTestClient(conn, () => T0, { size: 1, upper: management ? 1 : 16 });
  c.connect();
  const aare = pdu(
    c.request(aarqBytes({ conformance: ['get', 'set', 'action'], maxPdu: 0xffff, ...(management ? { password: BUILTIN_SECRETS['sim-lls']! } : {}) })),
  );
  if (aare.type !== 'aare' || aare.result !== 'accepted') throw new Error('association refused');
  return c;
}

const ask = (c: HdlcTestClient, apdu: Apdu): Pdu => pdu(c.request(encodePduBytes(apdu)));
const get = (c: HdlcTestClient, attribute = SETTING): Pdu => ask(c, { type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute });
const set = (c: HdlcTestClient, value: Data): Pdu => ask(c, { type: 'set-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: SETTING, value });

export const WALK_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'unreadable-attribute-served': () => {
    expect(get(session([], false), SECRET)).to.deep.include({ result: { kind: 'data-access-result', result: 'read-write-denied' } });
    expect(get(session(['unreadable-attribute-served'], false), SECRET)).to.deep.include({
      result: { kind: 'data', data: { type: 'octet-string', value: new Uint8Array(0) } },
    });
  },

  'wrong-type-write-accepted': () => {
    expect(set(session([], true), { type: 'boolean', value: true })).to.deep.include({ result: 'type-unmatched' });
    const faulty = session(['wrong-type-write-accepted'], true);
    expect(set(faulty, { type: 'boolean', value: true })).to.deep.include({ result: 'success' });
    expect(get(faulty)).to.deep.include({
      result: { kind: 'data', data: { type: 'long-unsigned', value: (get(faulty) as { result: { data: { value: number } } }).result.data.value } },
    });
  },

  'write-access-not-applied': () => {
    const clean = session([], true);
    const value = get(clean) as unknown as { result: { data: Data } };
    expect(set(clean, value.result.data)).to.deep.include({ result: 'success' });
    expect(set(session(['write-access-not-applied'], true), value.result.data)).to.deep.include({ result: 'read-write-denied' });
  },

  'written-value-read-back-altered': () => {
    const c = session(['written-value-read-back-altered'], true);
    const before = (get(c) as unknown as { result: { data: { type: 'long-unsigned'; value: number } } }).result.data;
    expect(get(c)).to.deep.include({ result: { kind: 'data', data: before } });
    expect(set(c, before)).to.deep.include({ result: 'success' });
    expect(get(c)).to.deep.include({ result: { kind: 'data', data: { type: 'long-unsigned', value: (before.value + 1) & 0xffff } } });
    // Only the first read after the write is altered.
    expect(get(c)).to.deep.include({ result: { kind: 'data', data: before } });
  },

  'method-without-access-executed': () => {
    // hls-md5 negotiates ACTION but has no method access (simulator/objects/store.ts methodsGranted).
    const refused = invokeMethod({ classId: 3, logicalName: parseObis('1-0:1.8.0.255'), method: 1 }, { type: 'integer', value: 0 }, contextFor('hls-md5'));
    expect(refused).to.deep.equal({ kind: 'error', result: 'read-write-denied' });
    const response: Apdu = { type: 'action-response', variant: 'normal', invokeIdAndPriority: INVOKE, singleResponse: { result: 'read-write-denied' } };
    expect(activeHooks([]).transformResponse(REGISTER_RESET, response)).to.deep.equal(response);
    expect(activeHooks(faultsNamed(['method-without-access-executed'])).transformResponse(REGISTER_RESET, response)).to.deep.include({
      singleResponse: { result: 'success' },
    });
  },

  'method-refusal-truncated': () => {
    const refusal = encodePduBytes({
      type: 'action-response',
      variant: 'normal',
      invokeIdAndPriority: INVOKE,
      singleResponse: { result: 'read-write-denied' },
    } as Pdu);
    const success = encodePduBytes({ type: 'action-response', variant: 'normal', invokeIdAndPriority: INVOKE, singleResponse: { result: 'success' } } as Pdu);
    expect(Array.from(refusal)).to.deep.equal([0xc7, 0x01, 0xc5, 0x03, 0x00]);
    expect(activeHooks([]).transformResponseBytes(REGISTER_RESET, refusal)).to.deep.equal(refusal);
    const faulty = activeHooks(faultsNamed(['method-refusal-truncated']));
    // The refusal loses its return-parameters flag, as the independent meter sent it; a success is untouched.
    expect(Array.from(faulty.transformResponseBytes(REGISTER_RESET, refusal))).to.deep.equal([0xc7, 0x01, 0xc5, 0x03]);
    expect(faulty.transformResponseBytes(REGISTER_RESET, success)).to.deep.equal(success);
  },

  'object-list-attribute-missing': () => {
    const hooks = (faults: string[]) => activeHooks(faultsNamed(faults));
    const registerAttributes = (faults: string[]) =>
      hooks(faults)
        .transformObjectList([
          {
            classId: 3,
            version: 0,
            logicalName: parseObis('1-0:1.8.0.255'),
            attributeAccess: [
              { id: 1, mode: 'read-only' },
              { id: 2, mode: 'read-only' },
              { id: 3, mode: 'read-only' },
            ],
            methodCount: 1,
          },
        ])
        .map((e) => e.attributeAccess.length);
    expect(registerAttributes([])).to.deep.equal([3]);
    expect(registerAttributes(['object-list-attribute-missing'])).to.deep.equal([2]);
  },
};
