import { expect } from 'chai';
import { dateTimeFromDate, dateTimeToOctetString } from '../../dlms/axdr/datetime';
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

  describe('emergency profile (Blue Book 4.5.9)', () => {
    const profile = (id: number, startS: number, durationS: number) => ({
      type: 'structure' as const,
      items: [
        { type: 'long-unsigned' as const, value: id },
        { type: 'octet-string' as const, value: dateTimeToOctetString(dateTimeFromDate(new Date(T0 + startS * 1000), 0)) },
        { type: 'double-long-unsigned' as const, value: durationS },
      ],
    });
    function limiterWith(p: ReturnType<typeof profile>, hooks: MonitorHooks = CORRECT) {
      const meter = loadMeterDefinition();
      const at = (s: number) => contextFor('management', { meter, now: T0 + s * 1000 });
      const limiter = findObject(meter.objects, LIMITER)!;
      expect(writeAttribute({ classId: 71, logicalName: LIMITER, attribute: 8 }, p, at(0))).to.deep.equal({ kind: 'success' });
      return (s: number) => {
        limiter.behaviour.tick!(at(s), hooks, 'after');
        const read = (attribute: number) => readAttribute({ classId: 71, logicalName: LIMITER, attribute }, at(s));
        return [read(3), read(10)];
      };
    }
    const state = (threshold: number, active: boolean) => [
      { kind: 'data', data: { type: 'long-unsigned', value: threshold } },
      { kind: 'data', data: { type: 'boolean', value: active } },
    ];

    it('makes threshold_active threshold_emergency from emergency_activation_time for emergency_duration, then threshold_normal again', () => {
      const at = limiterWith(profile(1, 10, 30));
      expect(at(9)).to.deep.equal(state(2530, false));
      expect(at(10)).to.deep.equal(state(2450, true));
      expect(at(39)).to.deep.equal(state(2450, true));
      expect(at(40)).to.deep.equal(state(2530, false));
    });

    it('does not activate a profile whose id is not in emergency_profile_group_id_list', () => {
      expect(limiterWith(profile(2, 0, 30))(1)).to.deep.equal(state(2530, false));
    });

    it('switches one request later with the variant monitor-asynchronous', () => {
      const at = limiterWith(profile(1, 10, 30), { ...CORRECT, laterBy: 1 });
      expect(at(10)).to.deep.equal(state(2530, false));
      expect(at(11)).to.deep.equal(state(2450, true));
    });

    it('stays normal with the fault limiter-emergency-ignored', () => {
      expect(limiterWith(profile(1, 0, 30), { ...CORRECT, emergency: () => false })(1)).to.deep.equal(state(2530, false));
    });
  });
});
