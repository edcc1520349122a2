import { expect } from 'chai';
import { ConfigError } from '../../config/error';
import { parseProfile } from '../profile/load';
import { parseSuite } from '../suite/load';
import { planCases } from './plan';

const PROFILE = parseProfile(
  `device: { name: test meter }
transport: { kind: tcp, host: 127.0.0.1, port: 4059, framing: wrapper }
timeouts: { response: 50ms, connect: 50ms }
associations:
  public: { clientSap: 16, authentication: none }
  md5: { clientSap: 17, authentication: hls-md5, password: env:TEST_SECRET }
`,
  'test-profile.yaml',
  { env: { TEST_SECRET: 'a test secret' } },
);

const suite = (forEach: string, association = '$each') =>
  parseSuite(
    `suite: security/x
title: T
spec: S
cases:
  - id: LOOP
    title: t
    spec: s
    requirement: r
    detects: []
    forEach: ${forEach}
    steps:
      - associate: { association: ${association}, protection: none }
`,
    'x.yaml',
  );

describe('a case over a list of mechanisms (forEach: { authentication })', () => {
  it('runs once per mechanism, each instance its own id and the profile association of that mechanism', () => {
    const plan = planCases([suite('{ authentication: [hls-md5, hls-sha1] }')], PROFILE);
    expect(plan.map((p) => [p.id, p.each?.name ?? '-', p.inapplicable ?? 'runs'])).to.deep.equal([
      ['LOOP[hls-md5]', 'md5', 'runs'],
      ['LOOP[hls-sha1]', '-', 'the case needs an association with authentication hls-sha1; the profile declares public (none), md5 (hls-md5)'],
    ]);
  });

  it('selects one instance by its id, or all by the case id', () => {
    const s = suite('{ authentication: [hls-md5, hls-sha1] }');
    expect(planCases([s], PROFILE, { caseId: 'LOOP[hls-sha1]' }).map((p) => p.id)).to.deep.equal(['LOOP[hls-sha1]']);
    expect(planCases([s], PROFILE, { caseId: 'LOOP' }).map((p) => p.id)).to.deep.equal(['LOOP[hls-md5]', 'LOOP[hls-sha1]']);
  });

  it('refuses, located, a mechanism that does not exist and a list of one', () => {
    expect(() => suite('{ authentication: [hls-md5, hls-md6] }')).to.throw(ConfigError, /x\.yaml:10/);
    expect(() => suite('{ authentication: [hls-md5] }')).to.throw(ConfigError, /x\.yaml:10/);
  });
});

describe('a case over a list of association selectors (forEach: { association })', () => {
  it('runs once per selector, named by mechanism and suite, inapplicable alone where nothing fits', () => {
    const plan = planCases([suite('{ association: [{ authentication: hls-md5 }, { suite: 1, authentication: hls-ecdsa }] }')], PROFILE);
    expect(plan.map((p) => [p.id, p.each?.name ?? '-', p.inapplicable ?? 'runs'])).to.deep.equal([
      ['LOOP[hls-md5]', 'md5', 'runs'],
      ['LOOP[hls-ecdsa-suite-1]', '-', 'the profile declares no association with security suite 1 and hls-ecdsa'],
    ]);
  });

  it('refuses, located, an empty selector', () => {
    expect(() => suite('{ association: [{ authentication: hls-md5 }, {}] }')).to.throw(ConfigError, /x\.yaml:10/);
  });
});
