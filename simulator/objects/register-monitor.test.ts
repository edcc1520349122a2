import { expect } from 'chai';
import type { Data } from '../../dlms/axdr/data';
import { parseObis } from '../../dlms/cosem/obis';
import { loadMeterDefinition } from '../meter/load';
import { contextFor } from '../../test/support/simulator/testing';
import { findObject, readAttribute, writeAttribute } from './store';
import type { MonitorHooks } from './types';

const MONITOR = parseObis('0-0:16.1.0.255');
const ENERGY = parseObis('1-0:1.8.0.255');
const SETTING = parseObis('0-0:96.50.0.255');
const CORRECT: MonitorHooks = { valueChangeOnly: false, laterBy: 0, action: (_classId, _crossed, runs) => runs };
const dlu = (value: number): Data => ({ type: 'double-long-unsigned', value });

describe('register monitor (class 21)', () => {
  function meterWith(hooks: MonitorHooks = CORRECT) {
    const meter = loadMeterDefinition();
    const ctx = contextFor('management', { meter });
    const monitor = findObject(meter.objects, MONITOR)!;
    const tick = () => monitor.behaviour.tick!(ctx, hooks, 'after');
    const setting = () => readAttribute({ classId: 1, logicalName: SETTING, attribute: 2 }, ctx);
    const threshold = (v: number) => {
      expect(writeAttribute({ classId: 21, logicalName: MONITOR, attribute: 2 }, { type: 'array', items: [dlu(v)] }, ctx)).to.deep.equal({ kind: 'success' });
      tick();
    };
    const energy = (v: number) => {
      expect(writeAttribute({ classId: 3, logicalName: ENERGY, attribute: 2 }, dlu(v), ctx)).to.deep.equal({ kind: 'success' });
      tick();
    };
    tick();
    const clearSetting = () => writeAttribute({ classId: 1, logicalName: SETTING, attribute: 2 }, { type: 'long-unsigned', value: 0 }, ctx);
    return { setting, threshold, energy, tick, clearSetting };
  }

  it('runs action_up when a threshold is written below the value, and action_down when it is written back above (Blue Book 4.5.6)', () => {
    const m = meterWith();
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 0 } });
    m.threshold(1000);
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 21 } });
    m.threshold(100000000);
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 22 } });
  });

  it('runs a script once per crossing, not while the value stays on one side', () => {
    const m = meterWith();
    m.threshold(1000);
    m.clearSetting();
    m.energy(5000);
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 0 } });
  });

  it('runs the scripts when the value itself crosses a threshold, either way', () => {
    const m = meterWith();
    m.threshold(1000);
    m.energy(500);
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 22 } });
    m.energy(2000);
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 21 } });
  });

  it('under monitor-value-change-only, a threshold moved across the value runs nothing, the value moving does', () => {
    const m = meterWith({ ...CORRECT, valueChangeOnly: true });
    m.threshold(1000);
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 0 } });
    m.energy(500);
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 22 } });
  });

  it('under monitor-asynchronous, the script runs one request later', () => {
    const m = meterWith({ ...CORRECT, laterBy: 1 });
    m.threshold(1000);
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 0 } });
    m.tick();
    expect(m.setting()).to.deep.include({ data: { type: 'long-unsigned', value: 21 } });
  });
});
