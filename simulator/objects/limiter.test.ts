import { expect } from 'chai';
import { parseObis } from '../../dlms/cosem/obis';
import { loadMeterDefinition } from '../meter/load';
import { contextFor, T0 } from '../../test/support/simulator/testing';
import { findObject, readAttribute, writeAttribute } from './store';
import type { MonitorHooks } from './types';

const LIMITER = parseObis('0-0:17.0.0.255');
const SETTING = parseObis('0-0:96.50.0.255');
const CORRECT: MonitorHooks = { valueChangeOnly: false, laterBy: 0, action: (_classId, _crossed, runs) => runs };

describe('limiter (class 71)', () => {
  function limiterAt(minOverS: number) {
    const meter = loadMeterDefinition();
    const at = (s: number) => contextFor('management', { meter, now: T0 + s * 1000 });
    const limiter = findObject(meter.objects, LIMITER)!;
    const tick = (s: number) => limiter.behaviour.tick!(at(s), CORRECT, 'after');
    const write = (attribute: number, value: number) =>
      expect(
        writeAttribute({ classId: 71, logicalName: LIMITER, attribute }, { type: attribute === 3 ? 'long-unsigned' : 'double-long-unsigned', value }, at(0)),
      ).to.deep.equal({ kind: 'success' });
    const setting = () => readAttribute({ classId: 1, logicalName: SETTING, attribute: 2 }, at(0));
    write(6, minOverS);
    limiter.behaviour.tick!(at(0), CORRECT, 'before');
    return { tick, write, setting };
  }

  it('runs action_over_threshold once the value has been over threshold_active for min_over_threshold_duration (Blue Book 4.5.9)', () => {
    const l = limiterAt(10);
    l.write(3, 1000);
    l.tick(0);
    l.tick(9);
    expect(l.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 0 } });
    l.tick(10);
    expect(l.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 31 } });
  });

  it('runs action_under_threshold when the value goes back under it, and nothing while it stays', () => {
    const l = limiterAt(0);
    l.write(3, 1000);
    l.tick(0);
    l.write(3, 2530);
    l.tick(1);
    expect(l.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 32 } });
  });

  it('does not run action_over_threshold for a stay over shorter than min_over_threshold_duration (back under runs action_under_threshold)', () => {
    const l = limiterAt(10);
    l.write(3, 1000);
    l.tick(0);
    l.write(3, 2530);
    l.tick(5);
    expect(l.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 32 } });
    l.tick(20);
    expect(l.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 32 } });
  });
});
