/**
 * The behaviour cases of the state-changing method faults (harness/steps/methods/), for
 * faults.test.ts: on the default meter, an ACTION and then a GET of what it changes, clean and
 * with the fault.
 */
import { expect } from 'chai';
import type { Data } from '../../../../dlms/axdr/data';
import { dateTimeFromOctetString, dateTimeToDate } from '../../../../dlms/axdr/datetime';
import { parseObis } from '../../../../dlms/cosem/obis';
import { encodePduBytes, type Pdu } from '../../../../dlms/pdu/pdu';
import type { Apdu } from '../../../../dlms/xdlms/apdu';
import { faultsNamed } from '../../../../simulator/faults';
import { activeHooks } from '../../../../simulator/faults/types';
import { BUILTIN_SECRETS } from '../../../../simulator/secrets';
import { createServerConnection } from '../../../../simulator/server/connection';
import { loadMeterDefinition } from '../../../../simulator/meter/load';
import { aarqBytes, HdlcTestClient, pdu, T0 } from '../testing';

const INVOKE = { invokeId: 3, serviceClass: 'confirmed', priority: 'high' } as const;
const CLOCK = '0-0:1.0.0.255';
const ENERGY = '1-0:1.8.0.255';
const DISCONNECTOR = '0-0:96.3.10.255';

/** A management session on a meter of its own: the methods change the meter, which outlives a connection. */
export function session(faults: readonly string[]): HdlcTestClient {
  const conn = createServerConnection({ meter: loadMeterDefinition(), framing: 'hdlc', hooks: activeHooks(faultsNamed(faults)), startedAt: T0 - 3_600_000 });
  const c = new HdlcTestClient(conn, () => T0, { size: 1, upper: 1 });
  c.connect();
  const aare = pdu(c.request(aarqBytes({ conformance: ['get', 'set', 'action'], password: BUILTIN_SECRETS['sim-lls']! })));
  if (aare.type !== 'aare' || aare.result !== 'accepted') throw new Error('association refused');
  return c;
}

export const ask = (c: HdlcTestClient, apdu: Apdu): Pdu => pdu(c.request(encodePduBytes(apdu)));

export function action(c: HdlcTestClient, classId: number, obis: string, methodId: number, parameters: Data = { type: 'integer', value: 0 }): string {
  const r = ask(c, {
    type: 'action-request',
    variant: 'normal',
    invokeIdAndPriority: INVOKE,
    method: { classId, instanceId: parseObis(obis), methodId },
    methodInvocationParameters: parameters,
  });
  return r.type === 'action-response' && r.variant === 'normal' ? String(r.singleResponse.result) : r.type;
}

/** SET of one attribute: the data-access-result's name, or the response type. */
export function set(c: HdlcTestClient, classId: number, obis: string, attributeId: number, value: Data): string {
  const r = ask(c, {
    type: 'set-request',
    variant: 'normal',
    invokeIdAndPriority: INVOKE,
    attribute: { classId, instanceId: parseObis(obis), attributeId },
    value,
  });
  return r.type === 'set-response' && r.variant === 'normal' ? String(r.result) : r.type;
}

export function get(c: HdlcTestClient, classId: number, obis: string, attributeId: number): Data {
  const r = ask(c, { type: 'get-request', variant: 'normal', invokeIdAndPriority: INVOKE, attribute: { classId, instanceId: parseObis(obis), attributeId } });
  if (r.type !== 'get-response' || r.variant !== 'normal' || r.result.kind !== 'data') throw new Error(`GET ${obis}/${attributeId}: ${JSON.stringify(r)}`);
  return r.result.data;
}

/** The clock's time as ms since the epoch. */
function clockMs(c: HdlcTestClient): number {
  const d = get(c, 8, CLOCK, 2);
  if (d.type !== 'octet-string') throw new Error('time');
  return dateTimeToDate(dateTimeFromOctetString(d.value))!.getTime();
}

/** The clock after `method`, less the clock before, in seconds. */
function clockMove(faults: readonly string[], method: number, parameters: Data): number {
  const c = session(faults);
  const before = clockMs(c);
  expect(action(c, 8, CLOCK, method, parameters)).to.equal('success');
  return (clockMs(c) - before) / 1000;
}

function after(faults: readonly string[], classId: number, obis: string, method: number, attribute: number): Data {
  const c = session(faults);
  expect(action(c, classId, obis, method)).to.equal('success');
  return get(c, classId, obis, attribute);
}

export const METHOD_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'clock-shift-time-ignored': () => {
    expect(clockMove([], 6, { type: 'long', value: 60 })).to.equal(60);
    expect(clockMove(['clock-shift-time-ignored'], 6, { type: 'long', value: 60 })).to.equal(0);
  },
  'clock-adjust-to-quarter-ignored': () => {
    // T0 is 18:10:27: the nearest quarter is 18:15:00.
    expect(clockMove([], 1, { type: 'integer', value: 0 })).to.equal(273);
    expect(clockMove(['clock-adjust-to-quarter-ignored'], 1, { type: 'integer', value: 0 })).to.equal(0);
  },
  'register-reset-ignored': () => {
    expect(after([], 3, ENERGY, 1, 2)).to.deep.equal({ type: 'double-long-unsigned', value: 0 });
    expect(after(['register-reset-ignored'], 3, ENERGY, 1, 2)).to.not.deep.equal({ type: 'double-long-unsigned', value: 0 });
  },
  'disconnect-ignored': () => {
    expect(after([], 70, DISCONNECTOR, 1, 3)).to.deep.equal({ type: 'enum', value: 0 });
    expect(after(['disconnect-ignored'], 70, DISCONNECTOR, 1, 3)).to.deep.equal({ type: 'enum', value: 1 });
  },
  'profile-capture-ignored': () => {
    // The default load profile is full: a capture shows as a new newest entry, at the capture instant.
    const newest = (faults: string[]) => {
      const c = session(faults);
      expect(action(c, 7, '1-0:99.1.0.255', 2)).to.equal('success');
      const buffer = get(c, 7, '1-0:99.1.0.255', 2);
      return buffer.type === 'array' ? buffer.items[buffer.items.length - 1] : undefined;
    };
    const time = (row: Data | undefined) =>
      row?.type === 'structure' && row.items[0]?.type === 'octet-string' ? dateTimeToDate(dateTimeFromOctetString(row.items[0].value))!.getTime() : undefined;
    expect(time(newest([]))).to.equal(T0);
    expect(time(newest(['profile-capture-ignored']))).to.be.below(T0);
  },
  'profile-reset-ignored': () => {
    const inUse = (faults: string[]) => {
      const c = session(faults);
      expect(action(c, 7, '1-0:99.2.0.255', 1)).to.equal('success');
      return get(c, 7, '1-0:99.2.0.255', 7);
    };
    expect(inUse([])).to.deep.equal({ type: 'double-long-unsigned', value: 0 });
    expect(inUse(['profile-reset-ignored'])).to.deep.equal({ type: 'double-long-unsigned', value: 8 });
  },
  'disconnect-reconnect-disconnects': () => {
    // Connected already: remote_reconnect is no transition; the faulty meter disconnects.
    const state = (faults: string[]) => {
      const c = session(faults);
      action(c, 70, DISCONNECTOR, 2);
      return get(c, 70, DISCONNECTOR, 3);
    };
    expect(state([])).to.deep.equal({ type: 'enum', value: 1 });
    expect(state(['disconnect-reconnect-disconnects'])).to.deep.equal({ type: 'enum', value: 0 });
  },
};
