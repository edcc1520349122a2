import { expect } from 'chai';
import { parseProfile } from '../profile/load';
import { parseSuite } from '../suite/load';
import { planCases, unmet } from './plan';

const profile = (associations: string) =>
  parseProfile(
    `device: { name: test meter }
transport: { kind: tcp, host: 127.0.0.1, port: 4059, framing: wrapper }
timeouts: { response: 50ms, connect: 50ms }
associations:
${associations}
`,
    'test-profile.yaml',
    { env: {} },
  );

const BOTH = profile(
  '  public: { clientSap: 16, authentication: none }\n  short: { clientSap: 18, referencing: sn, authentication: none }\n  other: { clientSap: 17, authentication: none }',
);
const LN_ONLY = profile('  public: { clientSap: 16, authentication: none }');

const suite = parseSuite(
  `suite: association/x
title: T
spec: S
cases:
  - { id: PER-LN, title: t, spec: s, requirement: r, detects: [], forEach: association, steps: [ { connect: { association: $each } } ] }
  - { id: PER-SN, title: t, spec: s, requirement: r, detects: [], forEach: association, requires: { referencing: sn }, steps: [ { connect: { association: $each } } ] }
  - { id: ONE-SN, title: t, spec: s, requirement: r, detects: [], requires: { referencing: sn }, steps: [ { connect: {} } ] }
`,
  'x.yaml',
);

describe('planCases and referencing (LN and SN associations)', () => {
  it('runs a per-association case once per association of its referencing, LN by default', () => {
    const plan = planCases([suite], BOTH);
    expect(plan.map((p) => [p.id, p.inapplicable ?? 'runs'])).to.deep.equal([
      ['PER-LN[public]', 'runs'],
      ['PER-LN[other]', 'runs'],
      ['PER-SN[short]', 'runs'],
      ['ONE-SN', 'runs'],
    ]);
  });

  it('reports an SN case as inapplicable, once and with the reason, when the profile has no SN association', () => {
    const plan = planCases([suite], LN_ONLY);
    expect(plan.filter((p) => p.inapplicable).map((p) => p.id)).to.deep.equal(['PER-SN', 'ONE-SN']);
    expect(unmet({ referencing: 'sn' }, LN_ONLY)).to.contain('SN referencing');
    expect(unmet({ referencing: 'sn' }, BOTH)).to.equal(undefined);
  });
});
