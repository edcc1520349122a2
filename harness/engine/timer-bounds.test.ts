import { expect } from 'chai';
import { parseProfile } from '../profile/load';
import { parseSuite } from '../suite/load';
import { planCases, QUICK_TIMER_MS } from './plan';
import { caseBudgetMs, stepBudgetMs } from './run-case';

/** A real meter's profile: HDLC inactivity 120 s, the usual default. */
const METER = parseProfile(
  `device: { name: m }\ntransport: { kind: tcp, host: 127.0.0.1, port: 4059, framing: hdlc }\nhdlc: { serverLogical: 1, serverPhysical: 16, addressSize: 1 }\ntimeouts: { response: 2s, interFrame: 200ms, inactivity: 120s }\nassociations: { public: { clientSap: 16, authentication: none } }\n`,
  'meter.yaml',
);

const TIMER_CASE = parseSuite(
  `suite: hdlc/frame\ntitle: T\nspec: S\ncases:\n  - id: T-INACTIVITY\n    title: t\n    spec: s\n    requirement: r\n    detects: []\n    steps:\n      - connect: {}\n      - expect.silence: { for: inactivity }\n      - hdlc.send: { frame: disc }\n  - id: T-QUICK\n    title: t\n    spec: s\n    requirement: r\n    detects: []\n    steps:\n      - connect: {}\n      - expect.silence: {}\n`,
  'frame.yaml',
);

describe('bounds that fit the subject', () => {
  it("lets a timer case wait the profile's inactivity timeout plus 10 %, on top of its steps", () => {
    const [inactivity] = planCases([TIMER_CASE], METER);
    expect(caseBudgetMs(inactivity!, METER)).to.be.at.least(132_000 + 3 * stepBudgetMs(METER));
  });

  it('makes long timer cases inapplicable under --quick, with the reason, and keeps the others', () => {
    const planned = planCases([TIMER_CASE], METER, { quick: true });
    expect(planned[0]!.inapplicable).to.equal(`--quick: the case waits 132 s for a timer of the profile (longer than ${QUICK_TIMER_MS / 1000} s)`);
    expect(planned[1]!.inapplicable).to.equal(undefined);
    expect(planCases([TIMER_CASE], METER)[0]!.inapplicable).to.equal(undefined);
  });
});
