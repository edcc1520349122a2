/**
 * The behaviour cases of the faults of the living method objects (script table, activity
 * calendar, image transfer, push setup content; harness/steps/methods/), for faults.test.ts: on
 * the default meter, the method and then a GET of what it changes, clean and with the fault.
 */
import { expect } from 'chai';
import { action, get, session } from './method-faults.cases';

const SCRIPT_TABLE = '0-0:10.0.128.255';
const SETTING = '0-0:96.50.0.255';
const CALENDAR = '0-0:13.0.0.255';
const text = (t: string) => ({ type: 'octet-string', value: new TextEncoder().encode(t) });

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
};
