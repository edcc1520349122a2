import { expect } from 'chai';
import { fleetIdentity } from '../../simulator/fleet';
import { UsageError } from './io';
import { DEFAULT_BATCH_FAULT, meterFaults } from './simulate-fleet';

describe('dlmsct simulate --meters (a simulated delivery)', () => {
  it('names every meter apart: id, serial number and logical device name', () => {
    expect(fleetIdentity(7)).to.deep.equal({ id: 'm-0007', serial: 'SIM00000007', logicalDeviceName: 'DLM0000000007' });
    const names = new Set(Array.from({ length: 1000 }, (_, i) => fleetIdentity(i + 1).logicalDeviceName));
    expect(names.size).to.equal(1000);
  });

  it('spreads --faulty K meters evenly and adds --meter-fault I:FAULT to meter I', () => {
    const f = meterFaults(['3:logical-device-name-wrong'], '2', 10);
    expect([...f.entries()].sort((a, b) => a[0] - b[0])).to.deep.equal([
      [3, ['logical-device-name-wrong', DEFAULT_BATCH_FAULT]],
      [8, [DEFAULT_BATCH_FAULT]],
    ]);
  });

  it('refuses a meter index out of range, an unknown fault and a malformed spec', () => {
    expect(() => meterFaults(['11:logical-device-name-wrong'], undefined, 10)).to.throw(UsageError, /numbered 1\.\.10/);
    expect(() => meterFaults(['2:no-such-fault'], undefined, 10)).to.throw(UsageError, /unknown fault/);
    expect(() => meterFaults(['two'], undefined, 10)).to.throw(UsageError, /INDEX:FAULT/);
    expect(() => meterFaults([], '11', 10)).to.throw(UsageError, /--faulty/);
  });
});
