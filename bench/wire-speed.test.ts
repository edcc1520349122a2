/**
 * The wire-speed measure end to end, fast: a short session over the line-speed bridge at a high
 * speed. Only what must hold on any machine is checked: no session beats its wire time, and the
 * breakdown's parts are each a share of the time off the wire (a clock mix-up between the bridge
 * and this process, or a lost stats line, shows as a part out of range or not a number).
 */
import { expect } from 'chai';
import { LINE_BRIDGE_MISSING_REASON, lineBridgeAvailable } from './line-bridge';
import { measureWireSpeed } from './wire-speed';

describe('the 9600 Bd wire-speed measure (bench/wire-speed.ts)', function () {
  this.timeout(30_000);

  before(function () {
    if (!lineBridgeAvailable()) {
      for (const t of this.test!.parent!.tests) t.title += ` [skipped: ${LINE_BRIDGE_MISSING_REASON}]`;
      this.skip();
    }
  });

  it('times a session that never beats its wire time, and splits the time off the wire into shares of it', async () => {
    const f = await measureWireSpeed(115_200, 2);
    const x = f.perExchange;
    // SNRM, AARQ, two GETs, RLRQ, DISC.
    expect(f.exchanges).to.equal(6);
    expect(f.ratio).to.be.at.least(1);
    expect(f.firstSessionRatio).to.be.at.least(1);
    const offWire = x.wallMs - x.wireMs;
    for (const [name, ms] of Object.entries({ client: x.oursMs, simulator: x.simulatorMs, rig: x.rigMs })) {
      expect(ms, name).to.be.within(0, offWire);
    }
    expect(Number.isFinite(x.readPathMs), `read path ${x.readPathMs}`).to.equal(true);
    expect(x.oursMs + x.turnaroundMs).to.be.at.most(offWire + 0.01);
  });
});
