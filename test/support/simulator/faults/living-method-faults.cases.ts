/**
 * The behaviour cases of the faults of the living method objects (script table, activity
 * calendar, image transfer, push setup content; harness/steps/methods/), for faults.test.ts: on
 * the default meter, the method and then a GET of what it changes, clean and with the fault.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import type { Data } from '../../../../dlms/axdr/data';
import type { DataNotification } from '../../../../dlms/xdlms/notification';
import { dateTimeFromDate, dateTimeToOctetString } from '../../../../dlms/axdr/datetime';
import { faultsNamed } from '../../../../simulator/faults';
import { activeHooks } from '../../../../simulator/faults/types';
import { T0, type HdlcTestClient } from '../testing';
import { action, get, session, set } from './method-faults.cases';

const SCRIPT_TABLE = '0-0:10.0.128.255';
const SETTING = '0-0:96.50.0.255';
const CALENDAR = '0-0:13.0.0.255';
const IMAGE = '0-0:44.0.0.255';
const MONITOR = '0-0:16.1.0.255';
const LIMITER = '0-0:17.0.0.255';

/** The setting after the limiter's threshold_active is written below the voltage (over), then back above it (under). */
function limiterCrossings(faults: string[]): Data[] {
  const c = session(faults);
  const crossed = (threshold: number) => {
    expect(set(c, 71, LIMITER, 3, { type: 'long-unsigned', value: threshold })).to.equal('success');
    return get(c, 1, SETTING, 2);
  };
  return [crossed(1000), crossed(2530)];
}

/** threshold_active and emergency_profile_active after an emergency profile of group 1, active now, is written to the limiter. */
function limiterEmergency(faults: string[]): Data[] {
  const c = session(faults);
  const start = { type: 'octet-string' as const, value: dateTimeToOctetString(dateTimeFromDate(new Date(T0), 0)) };
  const profile: Data = { type: 'structure', items: [{ type: 'long-unsigned', value: 1 }, start, dlu(60)] };
  expect(set(c, 71, LIMITER, 8, profile)).to.equal('success');
  return [get(c, 71, LIMITER, 3), get(c, 71, LIMITER, 10)];
}

/** The setting after the monitor's threshold is written below the energy (upwards), then back above it (downwards). */
function monitorCrossings(faults: string[]): Data[] {
  const c = session(faults);
  const crossed = (threshold: number) => {
    expect(set(c, 21, MONITOR, 2, { type: 'array', items: [dlu(threshold)] })).to.equal('success');
    return get(c, 1, SETTING, 2);
  };
  return [crossed(1000), crossed(100000000)];
}
/** 96 octets and their SHA-256: an image the simulator verifies, in two blocks of 64. */
const BODY = new Uint8Array(96).fill(0x5a);
const GOOD = new Uint8Array([...BODY, ...createHash('sha256').update(BODY).digest()]);
const BAD = GOOD.map((b, i) => (i === 50 ? b ^ 0xff : b));
const dlu = (value: number): Data => ({ type: 'double-long-unsigned', value });
const octets = (value: Uint8Array): Data => ({ type: 'octet-string', value });

/** Initiates `image` and sends its blocks in `order`: the results of the block transfers. */
function transfer(c: HdlcTestClient, image: Uint8Array, order: readonly number[]): string[] {
  expect(action(c, 18, IMAGE, 1, { type: 'structure', items: [octets(new TextEncoder().encode('t')), dlu(image.length)] })).to.equal('success');
  return order.map((n) => action(c, 18, IMAGE, 2, { type: 'structure', items: [dlu(n), octets(image.subarray(n * 64, (n + 1) * 64))] }));
}

const text = (t: string): Data => ({ type: 'octet-string', value: new TextEncoder().encode(t) });

export const LIVING_METHOD_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'script-execute-ignored': () => {
    const setting = (faults: string[]) => {
      const c = session(faults);
      expect(action(c, 9, SCRIPT_TABLE, 1, { type: 'long-unsigned', value: 1 })).to.equal('success');
      return get(c, 1, SETTING, 2);
    };
    expect(setting([])).to.deep.equal({ type: 'long-unsigned', value: 7 });
    expect(setting(['script-execute-ignored'])).to.deep.equal({ type: 'long-unsigned', value: 0 });
  },
  'calendar-activation-ignored': () => {
    const activeName = (faults: string[]) => {
      const c = session(faults);
      expect(action(c, 20, CALENDAR, 1)).to.equal('success');
      return get(c, 20, CALENDAR, 2);
    };
    expect(activeName([])).to.deep.equal(text('CAL2'));
    expect(activeName(['calendar-activation-ignored'])).to.deep.equal(text('CAL1'));
  },
  'image-block-status-not-set': () => {
    const bits = (faults: string[]) => {
      const c = session(faults);
      transfer(c, GOOD, [1]);
      return get(c, 18, IMAGE, 3);
    };
    expect(bits([])).to.deep.equal({ type: 'bit-string', length: 2, bytes: new Uint8Array([0x40]) });
    expect(bits(['image-block-status-not-set'])).to.deep.equal({ type: 'bit-string', length: 2, bytes: new Uint8Array([0x00]) });
  },
  'image-block-out-of-order-refused': () => {
    expect(transfer(session([]), GOOD, [1, 0])).to.deep.equal(['success', 'success']);
    expect(transfer(session(['image-block-out-of-order-refused']), GOOD, [1, 0])).to.deep.equal(['temporary-failure', 'success']);
    expect(transfer(session(['image-block-out-of-order-refused']), GOOD, [0, 1])).to.deep.equal(['success', 'success']);
  },
  'image-wrong-image-verified': () => {
    const verify = (faults: string[], image: Uint8Array) => {
      const c = session(faults);
      transfer(c, image, [0, 1]);
      return [action(c, 18, IMAGE, 3), get(c, 18, IMAGE, 6)];
    };
    expect(verify([], BAD)).to.deep.equal(['other-reason', { type: 'enum', value: 4 }]);
    expect(verify(['image-wrong-image-verified'], BAD)).to.deep.equal(['success', { type: 'enum', value: 3 }]);
    expect(verify(['image-wrong-image-verified'], GOOD)).to.deep.equal(['success', { type: 'enum', value: 3 }]);
  },
  'image-activation-ignored': () => {
    const activate = (faults: string[]) => {
      const c = session(faults);
      transfer(c, GOOD, [0, 1]);
      expect(action(c, 18, IMAGE, 3)).to.equal('success');
      return [action(c, 18, IMAGE, 4), get(c, 18, IMAGE, 6)];
    };
    expect(activate([])).to.deep.equal(['success', { type: 'enum', value: 6 }]);
    expect(activate(['image-activation-ignored'])).to.deep.equal(['success', { type: 'enum', value: 3 }]);
  },
  'push-items-reversed': () => {
    const notification: DataNotification = {
      type: 'data-notification',
      longInvokeIdAndPriority: { invokeId: 1, selfDescriptive: false, processingOption: 'continue-on-error', serviceClass: 'unconfirmed', priority: 'normal' },
      dateTime: new Uint8Array(0),
      notificationBody: { type: 'structure', items: [text('A'), dlu(2)] },
    };
    const pushed = (faults: string[]) => activeHooks(faultsNamed(faults)).onPush(notification)?.notificationBody;
    expect(pushed([])).to.deep.equal({ type: 'structure', items: [text('A'), dlu(2)] });
    expect(pushed(['push-items-reversed'])).to.deep.equal({ type: 'structure', items: [dlu(2), text('A')] });
  },
  'monitor-action-not-run': () => {
    const setting = (value: number): Data => ({ type: 'long-unsigned', value });
    expect(monitorCrossings([])).to.deep.equal([setting(21), setting(22)]);
    expect(monitorCrossings(['monitor-action-not-run'])).to.deep.equal([setting(0), setting(0)]);
  },
  'monitor-action-wrong-direction': () => {
    const setting = (value: number): Data => ({ type: 'long-unsigned', value });
    expect(monitorCrossings(['monitor-action-wrong-direction'])).to.deep.equal([setting(21), setting(21)]);
  },
  'limiter-action-not-run': () => {
    const setting = (value: number): Data => ({ type: 'long-unsigned', value });
    expect(limiterCrossings([])).to.deep.equal([setting(31), setting(32)]);
    expect(limiterCrossings(['limiter-action-not-run'])).to.deep.equal([setting(0), setting(0)]);
    expect(monitorCrossings(['limiter-action-not-run'])).to.deep.equal([setting(21), setting(22)]);
  },
  'limiter-emergency-ignored': () => {
    expect(limiterEmergency([])).to.deep.equal([
      { type: 'long-unsigned', value: 2450 },
      { type: 'boolean', value: true },
    ]);
    expect(limiterEmergency(['limiter-emergency-ignored'])).to.deep.equal([
      { type: 'long-unsigned', value: 2530 },
      { type: 'boolean', value: false },
    ]);
  },
  'limiter-action-swapped': () => {
    const setting = (value: number): Data => ({ type: 'long-unsigned', value });
    expect(limiterCrossings(['limiter-action-swapped'])).to.deep.equal([setting(32), setting(31)]);
  },
};
