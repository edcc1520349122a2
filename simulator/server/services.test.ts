import { expect } from 'chai';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import type { Data } from '../../dlms/axdr/data';
import { concatBytes } from '../../dlms/bytes';
import { parseObis } from '../../dlms/cosem/obis';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../../dlms/xdlms/apdu';
import type { ConformanceBit } from '../../dlms/xdlms/conformance';
import { NO_FAULTS } from '../faults';
import { loadMeterDefinition } from '../meter/load';
import { contextFor } from '../../test/support/simulator/testing';
import type { ServeContext } from '../objects/types';
import { createLnServices, type LnServiceRequest } from './services';

const INVOKE = { invokeId: 7, serviceClass: 'confirmed', priority: 'high' } as const;
const SETTING = { classId: 1, instanceId: parseObis('0-0:96.50.0.255'), attributeId: 2 };
const LONG = { classId: 1, instanceId: parseObis('0-0:128.0.1.255'), attributeId: 2 };
const PUSH = { classId: 40, instanceId: parseObis('0-0:25.9.0.255'), methodId: 1 };
const ZERO: Data = { type: 'integer', value: 0 };

/** A fresh meter (SET changes it) and a read-write association with every service the meter offers. */
function setup(conformance?: readonly ConformanceBit[], clientMax = 1024) {
  const meter = loadMeterDefinition();
  const base = contextFor('management', { meter });
  const ctx: ServeContext = {
    ...base,
    association: { ...base.association, conformance: conformance ?? base.association.conformance, clientMaxReceivePduSize: clientMax },
  };
  const services = createLnServices(NO_FAULTS);
  const ask = (request: LnServiceRequest): Apdu => {
    const out = services.handle(request, ctx);
    if (!out) throw new Error('no response');
    return decodeApduBytes(out);
  };
  return { services, ask, ctx };
}

const get = (attribute = SETTING): LnServiceRequest => ({ type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute });

describe('LN services of the simulator (GET, SET, ACTION, ACCESS, GBT)', () => {
  it('refuses a service outside the negotiated conformance with service-not-allowed / service-not-supported', () => {
    const { ask } = setup(['get']);
    expect(
      ask({ type: 'set-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: SETTING, value: { type: 'long-unsigned', value: 1 } }),
    ).to.deep.equal({
      type: 'exception-response',
      stateError: 'service-not-allowed',
      serviceError: { kind: 'service-not-supported' },
    });
    expect(ask({ type: 'get-request', variant: 'with-list', invokeIdAndPriority: INVOKE, attributes: [{ attribute: SETTING }] })).to.deep.include({
      type: 'exception-response',
    });
  });

  it('writes with SET normal and SET with-list, one result per attribute', () => {
    const { ask } = setup();
    const answer = ask({ type: 'set-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: SETTING, value: { type: 'long-unsigned', value: 5 } });
    expect(answer).to.deep.include({ variant: 'normal', result: 'success' });
    expect(answer.type === 'set-response' && answer.invokeIdAndPriority.invokeId).to.equal(INVOKE.invokeId);
    expect(ask(get())).to.deep.include({ result: { kind: 'data', data: { type: 'long-unsigned', value: 5 } } });
    expect(
      ask({
        type: 'set-request',
        variant: 'with-list',
        invokeIdAndPriority: INVOKE,
        attributes: [{ attribute: SETTING }, { attribute: { ...SETTING, attributeId: 1 } }],
        values: [
          { type: 'long-unsigned', value: 6 },
          { type: 'octet-string', value: new Uint8Array(6) },
        ],
      }),
    ).to.deep.include({ variant: 'with-list', result: ['success', 'read-write-denied'] });
  });

  it('takes a SET in datablocks, acknowledging each with its number, and writes the joined value', () => {
    const { ask } = setup();
    const value: Data = { type: 'octet-string', value: Uint8Array.from({ length: 800 }, (_, i) => i & 0xff) };
    const raw = encodeDataBytes(value);
    const parts = [raw.subarray(0, 300), raw.subarray(300, 600), raw.subarray(600)];
    expect(
      ask({
        type: 'set-request',
        variant: 'with-first-datablock',
        invokeIdAndPriority: INVOKE,
        attribute: LONG,
        datablock: { lastBlock: false, blockNumber: 1, rawData: parts[0]! },
      }),
    ).to.deep.include({ variant: 'datablock', blockNumber: 1 });
    expect(
      ask({ type: 'set-request', variant: 'with-datablock', invokeIdAndPriority: INVOKE, datablock: { lastBlock: false, blockNumber: 2, rawData: parts[1]! } }),
    ).to.deep.include({ variant: 'datablock', blockNumber: 2 });
    expect(
      ask({ type: 'set-request', variant: 'with-datablock', invokeIdAndPriority: INVOKE, datablock: { lastBlock: true, blockNumber: 3, rawData: parts[2]! } }),
    ).to.deep.include({ variant: 'last-datablock', result: 'success', blockNumber: 3 });
    expect(ask(get(LONG))).to.deep.include({ variant: 'normal', result: { kind: 'data', data: value } });
  });

  it('refuses SET blocks out of order, and a continuation with no long SET in progress', () => {
    const { ask } = setup();
    expect(
      ask({
        type: 'set-request',
        variant: 'with-datablock',
        invokeIdAndPriority: INVOKE,
        datablock: { lastBlock: true, blockNumber: 1, rawData: Uint8Array.of(0x12, 0, 1) },
      }),
    ).to.deep.include({ variant: 'last-datablock', result: 'no-long-set-in-progress' });
    ask({
      type: 'set-request',
      variant: 'with-first-datablock',
      invokeIdAndPriority: INVOKE,
      attribute: SETTING,
      datablock: { lastBlock: false, blockNumber: 1, rawData: Uint8Array.of(0x12) },
    });
    expect(
      ask({
        type: 'set-request',
        variant: 'with-datablock',
        invokeIdAndPriority: INVOKE,
        datablock: { lastBlock: true, blockNumber: 3, rawData: Uint8Array.of(0, 1) },
      }),
    ).to.deep.include({ variant: 'last-datablock', result: 'data-block-number-invalid', blockNumber: 3 });
  });

  it('answers ACTION, takes parameters in pblocks, and queues the data-notification a push sends', () => {
    const { ask, services } = setup();
    expect(ask({ type: 'action-request', variant: 'normal', invokeIdAndPriority: INVOKE, method: PUSH, methodInvocationParameters: ZERO })).to.deep.include({
      variant: 'normal',
      singleResponse: { result: 'success' },
    });
    const pushed = services.takePushes().map((b) => decodeApduBytes(b));
    expect(pushed).to.have.length(1);
    expect(pushed[0]).to.deep.include({ type: 'data-notification' });
    expect(services.takePushes()).to.deep.equal([]);
    const raw = encodeDataBytes(ZERO);
    expect(
      ask({
        type: 'action-request',
        variant: 'with-first-pblock',
        invokeIdAndPriority: INVOKE,
        method: PUSH,
        pblock: { lastBlock: false, blockNumber: 1, rawData: raw.subarray(0, 1) },
      }),
    ).to.deep.include({ variant: 'next-pblock', blockNumber: 1 });
    expect(
      ask({
        type: 'action-request',
        variant: 'with-pblock',
        invokeIdAndPriority: INVOKE,
        pblock: { lastBlock: true, blockNumber: 2, rawData: raw.subarray(1) },
      }),
    ).to.deep.include({ variant: 'normal', singleResponse: { result: 'success' } });
    expect(ask({ type: 'action-request', variant: 'next-pblock', invokeIdAndPriority: INVOKE, blockNumber: 1 })).to.deep.include({
      singleResponse: { result: 'no-long-action-in-progress' },
    });
    expect(
      ask({
        type: 'action-request',
        variant: 'with-list',
        invokeIdAndPriority: INVOKE,
        methods: [PUSH, { ...PUSH, methodId: 2 }],
        methodInvocationParameters: [ZERO, ZERO],
      }),
    ).to.deep.include({ variant: 'with-list', listOfResponses: [{ result: 'success' }, { result: 'object-undefined' }] });
  });

  it('serves ACCESS: each reference in order, data for a GET, null-data otherwise', () => {
    const { ask } = setup();
    const response = ask({
      type: 'access-request',
      longInvokeIdAndPriority: { invokeId: 77, selfDescriptive: false, processingOption: 'continue-on-error', serviceClass: 'confirmed', priority: 'high' },
      dateTime: new Uint8Array(0),
      requestSpecification: [
        { kind: 'set', attribute: SETTING },
        { kind: 'get', attribute: SETTING },
        { kind: 'get', attribute: { ...SETTING, instanceId: parseObis('0-0:99.99.99.255') } },
        { kind: 'action', method: { ...PUSH, methodId: 5 } },
      ],
      listOfData: [{ type: 'long-unsigned', value: 99 }, { type: 'null-data' }, { type: 'null-data' }, ZERO],
    });
    expect(response).to.deep.include({
      type: 'access-response',
      listOfData: [{ type: 'null-data' }, { type: 'long-unsigned', value: 99 }, { type: 'null-data' }, { type: 'null-data' }],
      responseSpecification: [
        { kind: 'set', result: 'success' },
        { kind: 'get', result: 'success' },
        { kind: 'get', result: 'object-undefined' },
        { kind: 'action', result: 'object-undefined' },
      ],
    });
  });

  it('stops at the first failure of an ACCESS with break-on-error', () => {
    const { ask } = setup();
    const response = ask({
      type: 'access-request',
      longInvokeIdAndPriority: { invokeId: 1, selfDescriptive: false, processingOption: 'break-on-error', serviceClass: 'confirmed', priority: 'high' },
      dateTime: new Uint8Array(0),
      requestSpecification: [
        { kind: 'get', attribute: { ...SETTING, attributeId: 9 } },
        { kind: 'set', attribute: SETTING },
      ],
      listOfData: [{ type: 'null-data' }, { type: 'long-unsigned', value: 1 }],
    });
    expect(response).to.deep.include({
      responseSpecification: [
        { kind: 'get', result: 'object-undefined' },
        { kind: 'set', result: 'other-reason' },
      ],
    });
  });

  it('serves a request carried in general-block-transfer blocks and answers in blocks, each acknowledged', () => {
    const { services, ctx } = setup(undefined, 128);
    const inner = encodeApduBytes(get(parseLong()));
    const gbt = (blockNumber: number, ack: number, last: boolean, data: Uint8Array): Apdu => {
      const out = services.handle(
        { type: 'general-block-transfer', lastBlock: last, streaming: false, window: 1, blockNumber, blockNumberAck: ack, blockData: data },
        ctx,
      );
      if (!out) throw new Error('no GBT answer');
      return decodeApduBytes(out);
    };
    expect(gbt(1, 0, false, inner.subarray(0, 5))).to.deep.include({ blockNumberAck: 1, lastBlock: false, blockData: new Uint8Array(0) });
    const parts: Uint8Array[] = [];
    let answer = gbt(2, 0, true, inner.subarray(5));
    for (let n = 1; n < 50; n++) {
      if (answer.type !== 'general-block-transfer') throw new Error('expected GBT');
      expect(answer.blockNumber).to.equal(n);
      parts.push(answer.blockData);
      if (answer.lastBlock) break;
      answer = gbt(2 + n, n, false, new Uint8Array(0));
    }
    expect(parts.length).to.be.greaterThan(1);
    const response = decodeApduBytes(concatBytes(...parts));
    expect(response).to.deep.include({ type: 'get-response', variant: 'normal' });
  });

  it('sends long return parameters in action-response-with-pblock blocks, the next on each action-request-next-pblock', () => {
    const { ask } = setup(undefined, 256);
    const method = { classId: 8192, instanceId: parseObis('0-0:128.0.2.255'), methodId: 1 };
    const raw: Uint8Array[] = [];
    let r = ask({ type: 'action-request', variant: 'normal', invokeIdAndPriority: INVOKE, method, methodInvocationParameters: ZERO });
    const numbers: string[] = [];
    for (let n = 1; n < 10 && r.type === 'action-response' && r.variant === 'with-pblock'; n++) {
      expect(encodeApduBytes(r).length).to.be.at.most(256);
      numbers.push(`${r.pblock.blockNumber}${r.pblock.lastBlock ? ' last' : ''}`);
      raw.push(r.pblock.rawData);
      if (r.pblock.lastBlock) break;
      r = ask({ type: 'action-request', variant: 'next-pblock', invokeIdAndPriority: INVOKE, blockNumber: n });
    }
    expect(numbers).to.deep.equal(['1', '2', '3 last']);
    // The joined blocks are the A-XDR encoding of the object's 700-byte value.
    expect(concatBytes(...raw)).to.deep.equal(
      encodeDataBytes({ type: 'octet-string', value: new Uint8Array(700).map((_, i) => [0x5a, 0x5b, 0x5c, 0x5d][i % 4]!) }),
    );
    // Once the last block went out, a next-pblock finds no long action in progress.
    expect(ask({ type: 'action-request', variant: 'next-pblock', invokeIdAndPriority: INVOKE, blockNumber: 3 })).to.deep.include({
      singleResponse: { result: 'no-long-action-in-progress' },
    });
  });

  it('answers long return parameters with other-reason when block transfer with ACTION was not negotiated', () => {
    const { ask } = setup(['get', 'action'], 256);
    const method = { classId: 8192, instanceId: parseObis('0-0:128.0.2.255'), methodId: 1 };
    expect(ask({ type: 'action-request', variant: 'normal', invokeIdAndPriority: INVOKE, method, methodInvocationParameters: ZERO })).to.deep.include({
      variant: 'normal',
      singleResponse: { result: 'other-reason' },
    });
  });

  it('sends an event-notification-request with the new counter after the test object notify method', () => {
    const { ask, services } = setup();
    const method = { classId: 8192, instanceId: parseObis('0-0:128.0.2.255'), methodId: 2 };
    expect(ask({ type: 'action-request', variant: 'normal', invokeIdAndPriority: INVOKE, method, methodInvocationParameters: ZERO })).to.deep.include({
      singleResponse: { result: 'success' },
    });
    const pushed = services.takePushes().map((b) => decodeApduBytes(b));
    expect(pushed).to.have.length(1);
    expect(pushed[0]).to.deep.include({
      type: 'event-notification-request',
      attribute: { classId: 8192, instanceId: parseObis('0-0:128.0.2.255'), attributeId: 3 },
      attributeValue: { type: 'double-long-unsigned', value: 1 },
    });
    expect(pushed[0]?.type === 'event-notification-request' && pushed[0].time?.length).to.equal(12);
    expect(ask(get({ classId: 8192, instanceId: parseObis('0-0:128.0.2.255'), attributeId: 3 }))).to.deep.include({
      result: { kind: 'data', data: { type: 'double-long-unsigned', value: 1 } },
    });
  });
});

/** The 600-byte object, too long for 128 bytes: its get-response needs several GBT blocks. */
function parseLong() {
  return { classId: 1, instanceId: parseObis('0-0:128.0.0.255'), attributeId: 2 };
}
