/**
 * The behaviour cases of the xDLMS service faults (GET, SET, ACTION, push), for
 * faults.test.ts: what the clean meter answers, then what the faulty one answers instead. Kept
 * apart so that the catalogue's test stays one table per area.
 */
import { expect } from 'chai';
import type { Pdu } from '../../../../dlms/pdu/pdu';
import type { Data } from '../../../../dlms/axdr/data';
import { encodeDataBytes } from '../../../../dlms/axdr/data-codec';
import { parseObis } from '../../../../dlms/cosem/obis';
import { encodePduBytes } from '../../../../dlms/pdu/pdu';
import type { Apdu } from '../../../../dlms/xdlms/apdu';
import type { ConformanceBit } from '../../../../dlms/xdlms/conformance';
import { createServerConnection } from '../../../../simulator/server/connection';
import { BUILTIN_SECRETS } from '../../../../simulator/secrets';
import { aarqBytes, DEFAULT, HdlcTestClient, pdu, T0 } from '../testing';
import { activeHooks } from '../../../../simulator/faults/types';
import { faultsNamed } from '../../../../simulator/faults';

const INVOKE = { invokeId: 3, serviceClass: 'confirmed', priority: 'high' } as const;
const ALL: ConformanceBit[] = [
  'get',
  'set',
  'action',
  'multiple-references',
  'block-transfer-with-get-or-read',
  'block-transfer-with-set-or-write',
  'selective-access',
];
const SETTING = { classId: 1, instanceId: parseObis('0-0:96.50.0.255'), attributeId: 2 };
const LONG = { classId: 1, instanceId: parseObis('0-0:128.0.0.255'), attributeId: 2 };

/** An associated HDLC client: public (SAP 16) or management (SAP 1, LLS). */
function session(faults: readonly string[], management = false, maxPdu = 0xffff, conformance = ALL): HdlcTestClient {
  const conn = createServerConnection({ meter: DEFAULT, framing: 'hdlc', hooks: activeHooks(faultsNamed(faults)), startedAt: T0 });
  const c = new HdlcTestClient(conn, () => T0, { size: 1, upper: management ? 1 : 16 });
  c.connect();
  const aare = pdu(c.request(aarqBytes({ conformance, maxPdu, ...(management ? { password: BUILTIN_SECRETS['sim-lls']! } : {}) })));
  if (aare.type !== 'aare' || aare.result !== 'accepted') throw new Error('association refused');
  return c;
}

function ask(c: HdlcTestClient, apdu: Apdu): Pdu {
  return pdu(c.request(encodePduBytes(apdu)));
}

const get = (c: HdlcTestClient, attribute = SETTING): Pdu => ask(c, { type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute });
const next = (c: HdlcTestClient, blockNumber: number): Pdu => ask(c, { type: 'get-request', variant: 'next', invokeIdAndPriority: INVOKE, blockNumber });
const set = (c: HdlcTestClient, value: Data): Pdu => ask(c, { type: 'set-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: SETTING, value });
const action = (c: HdlcTestClient, classId: number, obis: string, methodId: number): Pdu =>
  ask(c, {
    type: 'action-request',
    variant: 'normal',
    invokeIdAndPriority: INVOKE,
    method: { classId, instanceId: parseObis(obis), methodId },
    methodInvocationParameters: { type: 'integer', value: 0 },
  });

/** The block numbers and last-block flags of a long GET of the 600-byte object at a 128-byte limit. */
function blocks(faults: readonly string[]): string[] {
  const c = session(faults, false, 128);
  const out: string[] = [];
  let r = get(c, LONG);
  for (let n = 1; n < 20 && r.type === 'get-response' && r.variant === 'with-datablock'; n++) {
    out.push(`${r.result.blockNumber}${r.result.lastBlock ? ' last' : ''}`);
    if (r.result.lastBlock || r.result.result.kind !== 'raw-data') break;
    r = next(c, n);
  }
  return out;
}

/** The block numbers and last-block flags of the test object's 700-byte return data at a 256-byte limit. */
function pblocks(faults: readonly string[]): string[] {
  const c = session(faults, true, 256, [...ALL, 'block-transfer-with-action']);
  const out: string[] = [];
  let r = action(c, 8192, '0-0:128.0.2.255', 1);
  for (let n = 1; n < 20 && r.type === 'action-response' && r.variant === 'with-pblock'; n++) {
    out.push(`${r.pblock.blockNumber}${r.pblock.lastBlock ? ' last' : ''}`);
    if (r.pblock.lastBlock) break;
    r = ask(c, { type: 'action-request', variant: 'next-pblock', invokeIdAndPriority: INVOKE, blockNumber: n });
  }
  return out;
}

/** The block numbers and last-block flags of a GET of the 600-byte object sent by GBT at a 256-byte limit. */
function gbtBlocks(faults: readonly string[]): string[] {
  const c = session(faults, true, 256, [...ALL, 'general-block-transfer']);
  const block = (blockNumber: number, blockNumberAck: number, lastBlock: boolean, blockData: Uint8Array): Pdu =>
    ask(c, { type: 'general-block-transfer', lastBlock, streaming: false, window: 1, blockNumber, blockNumberAck, blockData });
  const out: string[] = [];
  let r = block(1, 0, true, encodePduBytes({ type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: LONG }));
  for (let n = 1; n < 20 && r.type === 'general-block-transfer'; n++) {
    out.push(`${r.blockNumber}${r.lastBlock ? ' last' : ''}`);
    if (r.lastBlock) break;
    // Acknowledge by count, so that a misnumbered block does not stop the transfer here.
    r = block(n + 1, n, false, new Uint8Array(0));
  }
  return out;
}

/** The frame types the server sends after ACTION method `methodId` of `obis`, when given the right to talk (a UI poll). */
function afterAction(faults: readonly string[], classId: number, obis: string, methodId: number): string[] {
  const c = session(faults, true);
  expect(action(c, classId, obis, methodId)).to.deep.include({ singleResponse: { result: 'success' } });
  // Acknowledge the response first (a UI frame carries no N(R)), then give the right to talk.
  const last = [...c.frames].reverse().find((f) => f.type === 'I');
  if (last?.type !== 'I') throw new Error('expected the action response in an I frame');
  c.send({ type: 'RR', nr: (last.ns + 1) % 8 });
  return c.send({ type: 'UI', segmented: false, info: new Uint8Array(0) }).map((f) => f.type);
}

export const SERVICE_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'get-undefined-object-wrong-result': () => {
    const undefinedObject = { classId: 1, instanceId: parseObis('0-0:99.99.99.255'), attributeId: 2 };
    expect(get(session([]), undefinedObject)).to.deep.include({ result: { kind: 'data-access-result', result: 'object-undefined' } });
    expect(get(session(['get-undefined-object-wrong-result']), undefinedObject)).to.deep.include({ result: { kind: 'data', data: { type: 'null-data' } } });
    expect(get(session(['get-undefined-object-wrong-result']))).to.deep.include({
      result: {
        kind: 'data',
        data: get(session([])).type === 'get-response' ? (get(session([])) as { result: { data: Data } }).result.data : { type: 'null-data' },
      },
    });
  },

  'set-read-only-accepted': () => {
    expect(set(session([]), { type: 'long-unsigned', value: 1 })).to.deep.include({ result: 'read-write-denied' });
    expect(set(session(['set-read-only-accepted']), { type: 'long-unsigned', value: 1 })).to.deep.include({ result: 'success' });
    expect(set(session(['set-read-only-accepted'], true), { type: 'unsigned', value: 1 })).to.deep.include({ result: 'type-unmatched' });
  },

  'set-not-stored': () => {
    const clean = session([], true);
    expect(set(clean, { type: 'long-unsigned', value: 111 })).to.deep.include({ result: 'success' });
    expect(get(clean)).to.deep.include({ result: { kind: 'data', data: { type: 'long-unsigned', value: 111 } } });
    const faulty = session(['set-not-stored'], true);
    expect(set(faulty, { type: 'long-unsigned', value: 222 })).to.deep.include({ result: 'success' });
    expect(get(faulty)).to.deep.include({ result: { kind: 'data', data: { type: 'long-unsigned', value: 111 } } });
  },

  'service-outside-conformance-served': () => {
    const withoutAction: ConformanceBit[] = ['get', 'set'];
    expect(action(session([], true, 0xffff, withoutAction), 3, '1-0:2.8.0.255', 9)).to.deep.include({
      type: 'exception-response',
      serviceError: { kind: 'service-not-supported' },
    });
    expect(action(session(['service-outside-conformance-served'], true, 0xffff, withoutAction), 3, '1-0:2.8.0.255', 9)).to.deep.include({
      type: 'action-response',
    });
  },

  'client-max-pdu-ignored': () => {
    expect(
      session([], false, 128).request(encodePduBytes({ type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: LONG }))!.length,
    ).to.be.at.most(128);
    expect(
      session(['client-max-pdu-ignored'], false, 128).request(
        encodePduBytes({ type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: LONG }),
      )!.length,
    ).to.be.greaterThan(600);
  },

  'blocks-without-negotiation': () => {
    const noBlocks: ConformanceBit[] = ['get'];
    expect(get(session([], false, 0xffff, noBlocks), LONG)).to.deep.include({ variant: 'normal' });
    expect(get(session(['blocks-without-negotiation'], false, 0xffff, noBlocks), LONG)).to.deep.include({ variant: 'with-datablock' });
  },

  'long-get-refused': () => {
    expect(get(session([], false, 128), LONG)).to.deep.include({ variant: 'with-datablock' });
    expect(get(session(['long-get-refused'], false, 128), LONG)).to.deep.include({
      variant: 'normal',
      result: { kind: 'data-access-result', result: 'other-reason' },
    });
  },

  'get-block-number-skips': () => {
    expect(blocks([])).to.deep.equal(['1', '2', '3', '4', '5', '6 last']);
    expect(blocks(['get-block-number-skips'])).to.deep.equal(['1', '3', '4', '5', '6', '7 last']);
  },

  'get-last-block-not-flagged': () => {
    // After the unflagged last block the client asks for a seventh: no long GET is in progress.
    expect(blocks(['get-last-block-not-flagged'])).to.deep.equal(['1', '2', '3', '4', '5', '6', '6 last']);
  },

  'get-with-list-reordered': () => {
    const list = (faults: string[]) =>
      ask(session(faults), {
        type: 'get-request',
        variant: 'with-list',
        invokeIdAndPriority: INVOKE,
        attributes: [{ attribute: SETTING }, { attribute: { ...SETTING, attributeId: 1 } }],
      });
    const clean = list([]);
    const faulty = list(['get-with-list-reordered']);
    if (clean.type !== 'get-response' || clean.variant !== 'with-list' || faulty.type !== 'get-response' || faulty.variant !== 'with-list')
      throw new Error('expected with-list');
    expect(faulty.result).to.deep.equal([...clean.result].reverse());
  },

  'action-undefined-method-success': () => {
    expect(action(session([], true), 70, '0-0:96.3.10.255', 9)).to.deep.include({ singleResponse: { result: 'object-undefined' } });
    expect(action(session(['action-undefined-method-success'], true), 70, '0-0:96.3.10.255', 9)).to.deep.include({ singleResponse: { result: 'success' } });
  },

  'push-not-sent': () => {
    const pushes = (faults: string[]) => {
      const c = session(faults, true);
      expect(action(c, 40, '0-0:25.9.0.255', 1)).to.deep.include({ singleResponse: { result: 'success' } });
      // Acknowledge the response first (a UI frame carries no N(R)), then give the right to talk.
      const last = [...c.frames].reverse().find((f) => f.type === 'I');
      if (last?.type !== 'I') throw new Error('expected the action response in an I frame');
      c.send({ type: 'RR', nr: (last.ns + 1) % 8 });
      return c.send({ type: 'UI', segmented: false, info: new Uint8Array(0) }).map((f) => f.type);
    };
    expect(pushes([])).to.deep.equal(['UI']);
    expect(pushes(['push-not-sent'])).to.deep.equal(['RR']);
  },

  'access-list-of-data-reversed': () => {
    const access = (faults: string[]) =>
      ask(session(faults, true, 0xffff, [...ALL, 'access']), {
        type: 'access-request',
        longInvokeIdAndPriority: { invokeId: 5, selfDescriptive: false, processingOption: 'continue-on-error', serviceClass: 'confirmed', priority: 'high' },
        dateTime: new Uint8Array(0),
        requestSpecification: [
          { kind: 'get', attribute: SETTING },
          { kind: 'set', attribute: SETTING },
        ],
        listOfData: [{ type: 'null-data' }, { type: 'long-unsigned', value: 9 }],
      });
    // The meter is shared by these cases: the value read first is whatever was written last.
    const clean = access([]);
    if (clean.type !== 'access-response') throw new Error('expected an access-response');
    expect(clean.listOfData.map((d) => d.type)).to.deep.equal(['long-unsigned', 'null-data']);
    expect(clean.responseSpecification).to.deep.equal([
      { kind: 'get', result: 'success' },
      { kind: 'set', result: 'success' },
    ]);
    // The clean SET wrote 9: that is what the faulty meter reads, in the wrong place.
    expect(access(['access-list-of-data-reversed'])).to.deep.include({ listOfData: [{ type: 'null-data' }, { type: 'long-unsigned', value: 9 }] });
  },

  'action-pblock-number-skips': () => {
    expect(pblocks([])).to.deep.equal(['1', '2', '3 last']);
    expect(pblocks(['action-pblock-number-skips'])).to.deep.equal(['1', '3', '4 last']);
  },

  'event-notification-not-sent': () => {
    expect(afterAction([], 8192, '0-0:128.0.2.255', 2)).to.deep.equal(['UI']);
    expect(afterAction(['event-notification-not-sent'], 8192, '0-0:128.0.2.255', 2)).to.deep.equal(['RR']);
    // Pushes from Push setup are not events: they still go out.
    expect(afterAction(['event-notification-not-sent'], 40, '0-0:25.9.0.255', 1)).to.deep.equal(['UI']);
  },

  'gbt-block-number-skipped': () => {
    expect(gbtBlocks([])).to.deep.equal(['1', '2', '3 last']);
    expect(gbtBlocks(['gbt-block-number-skipped'])).to.deep.equal(['1', '3', '4 last']);
  },

  'set-block-ack-wrong': () => {
    const first = (faults: string[]) =>
      ask(session(faults, true), {
        type: 'set-request',
        variant: 'with-first-datablock',
        invokeIdAndPriority: INVOKE,
        attribute: SETTING,
        datablock: { lastBlock: false, blockNumber: 1, rawData: encodeDataBytes({ type: 'long-unsigned', value: 5 }).subarray(0, 1) },
      });
    expect(first([])).to.deep.include({ variant: 'datablock', blockNumber: 1 });
    expect(first(['set-block-ack-wrong'])).to.deep.include({ variant: 'datablock', blockNumber: 2 });
  },
};
