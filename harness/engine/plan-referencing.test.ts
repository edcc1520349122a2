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

  const SN_ONLY = profile(
    '  short: { clientSap: 18, referencing: sn, authentication: none }\n  writer: { clientSap: 19, referencing: sn, authentication: none }',
  );
  const objects = parseSuite(
    `suite: classes/x
title: T
spec: S
cases:
  - { id: WALK, title: t, spec: s, requirement: r, detects: [], forEach: association, steps: [ { check.walk: { aspect: counts } } ] }
  - { id: ATTRIBUTES, title: t, spec: s, requirement: r, detects: [], steps: [ { check.attributes: { class: 3 } } ] }
  - { id: SELECTED, title: t, spec: s, requirement: r, detects: [], steps: [ { each.object: { class: 7, steps: [ { get.selected: { obis: $obis, class: 7, attribute: 2, selector: 2 } } ] } } ] }
  - { id: NESTED-GET, title: t, spec: s, requirement: r, detects: [], steps: [ { each.object: { class: 3, steps: [ { get: { obis: $obis, class: 3, attribute: 2 } } ] } } ] }
  - { id: PLAIN-GET, title: t, spec: s, requirement: r, detects: [], steps: [ { get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 } } ] }
`,
    'x.yaml',
  );

  it('runs the object walk, class checks and selective access over SN on a profile with SN associations only', () => {
    const plan = planCases([objects], SN_ONLY);
    expect(plan.filter((p) => !p.inapplicable).map((p) => p.id)).to.deep.equal(['WALK[short]', 'WALK[writer]', 'ATTRIBUTES', 'SELECTED']);
  });

  it('keeps a case with an LN-only step, nested ones included, inapplicable on an SN-only profile, naming the step', () => {
    const plan = planCases([objects], SN_ONLY);
    expect(plan.find((p) => p.id === 'NESTED-GET')?.inapplicable).to.contain('its step get (in each.object) is an LN service');
    expect(plan.find((p) => p.id === 'PLAIN-GET')?.inapplicable).to.contain('its step get is an LN service');
  });

  it('runs those cases in both referencings where the profile has both: a loop on every association, a single case once on LN and once on SN', () => {
    const plan = planCases([objects], BOTH);
    expect(plan.map((p) => [p.id, p.referencing ?? '-', p.each?.name ?? '-'])).to.deep.equal([
      ['WALK[public]', 'ln', 'public'],
      ['WALK[short]', 'sn', 'short'],
      ['WALK[other]', 'ln', 'other'],
      ['ATTRIBUTES', 'ln', '-'],
      ['ATTRIBUTES[sn]', 'sn', '-'],
      ['SELECTED', 'ln', '-'],
      ['SELECTED[sn]', 'sn', '-'],
      ['NESTED-GET', '-', '-'],
      ['PLAIN-GET', '-', '-'],
    ]);
    expect(plan.every((p) => !p.inapplicable)).to.equal(true);
  });

  it('keeps a case that names its referencing, or has an LN-only step, in one referencing on a profile with both', () => {
    const plan = planCases([suite, objects], BOTH);
    expect(plan.filter((p) => p.referencing === 'sn').map((p) => p.id)).to.deep.equal(['WALK[short]', 'ATTRIBUTES[sn]', 'SELECTED[sn]']);
  });
});
