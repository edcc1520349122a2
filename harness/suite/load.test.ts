import { expect } from 'chai';
import { ConfigError } from '../../config/error';
import { listFaults } from '../../simulator';
import { checkUniqueIds, findSuiteFiles, loadSuites, parseSuite } from './load';
import { thrownBy } from '../../test/helpers/thrown';

/** A suite with one case whose steps are `steps` (indented as list items at column 7). */
function suite(steps: string, caseExtra = ''): string {
  return `suite: t/one
title: T
spec: S
cases:
  - id: T-ONE
    title: t
    spec: s
    requirement: r
    detects: []
${caseExtra}    steps:
${steps}`;
}

describe('loadSuite', () => {
  it('loads every shipped suite, with unique ids and only known fault names in detects', () => {
    const suites = loadSuites(findSuiteFiles('suites'));
    expect(suites.length).to.be.greaterThan(0);
    const known = new Set(listFaults().map((f) => f.name));
    for (const s of suites) {
      for (const c of s.cases) {
        expect(c.requirement, c.id).to.not.equal('');
        for (const d of c.detects) expect(known.has(d), `${c.id} detects unknown fault ${d}`).to.equal(true);
      }
    }
  });

  it('keeps step arguments and the place of each step', () => {
    const s = parseSuite(suite('      - connect: {}\n      - get: { obis: 0-0:40.0.0.255, class: 15, attribute: 2, as: list }\n'), 's.yaml');
    const steps = s.cases[0]!.steps;
    expect(steps.map((x) => x.name)).to.deep.equal(['connect', 'get']);
    expect(steps[1]!.args).to.deep.equal({ obis: '0-0:40.0.0.255', class: 15, attribute: 2, as: 'list' });
    expect([steps[1]!.place.line, steps[1]!.place.col]).to.deep.equal([12, 9]);
  });

  it('reports an unknown step at its name, listing the known steps', () => {
    const e = thrownBy(ConfigError, () => parseSuite(suite('      - connect: {}\n      - gett: { obis: 0-0:40.0.0.255 }\n'), 's.yaml'));
    expect([e.code, e.file, e.line, e.col]).to.deep.equal(['STEP_UNKNOWN', 's.yaml', 12, 9]);
    expect(e.expected).to.contain('get');
    expect(e.actual).to.equal('"gett"');
  });

  it('checks step arguments against the step schema at load time', () => {
    const wrongType = thrownBy(ConfigError, () => parseSuite(suite('      - get: { obis: 0-0:40.0.0.255, class: fifteen, attribute: 2 }\n'), 's.yaml'));
    // A class is its class_id or its catalogue name: a word that is neither is not one of the names.
    expect([wrongType.code, wrongType.line, wrongType.col]).to.deep.equal(['CONFIG_NOT_ALLOWED', 11, 45]);
    const missing = thrownBy(ConfigError, () => parseSuite(suite('      - get: { class: 15, attribute: 2 }\n'), 's.yaml'));
    expect([missing.code, missing.line, missing.col]).to.deep.equal(['CONFIG_MISSING_KEY', 11, 14]);
    const obis = thrownBy(ConfigError, () => parseSuite(suite('      - get: { obis: 0-0:40.0.0.256, class: 15, attribute: 2 }\n'), 's.yaml'));
    expect([obis.code, obis.line, obis.col]).to.deep.equal(['OBIS_BAD', 11, 22]);
    const unknownArg = thrownBy(ConfigError, () => parseSuite(suite('      - release: { expect: released, wait: 5s }\n'), 's.yaml'));
    expect([unknownArg.code, unknownArg.line, unknownArg.col]).to.deep.equal(['CONFIG_UNKNOWN_KEY', 11, 38]);
  });

  it('points into an expectation rather than at it', () => {
    const e = thrownBy(ConfigError, () => parseSuite(suite('      - expect: { dataAccessResult: object-undefinde }\n'), 's.yaml'));
    expect([e.code, e.line, e.col]).to.deep.equal(['CONFIG_NOT_ALLOWED', 11, 37]);
    const two = thrownBy(ConfigError, () => parseSuite(suite('      - expect: { silence: true, dataAccessResult: object-undefined }\n'), 's.yaml'));
    expect([two.code, two.line, two.col]).to.deep.equal(['CONFIG_KEY_COUNT', 11, 17]);
    const rejected = thrownBy(ConfigError, () =>
      parseSuite(suite('      - associate: { expect: { rejected: { diagnostic: Authentication-Failure } } }\n'), 's.yaml'),
    );
    expect([rejected.code, rejected.line, rejected.col]).to.deep.equal(['CONFIG_NOT_ALLOWED', 11, 56]);
  });

  it('refuses $each outside a forEach: association case', () => {
    const e = thrownBy(ConfigError, () => parseSuite(suite('      - associate: { association: $each }\n'), 's.yaml'));
    expect([e.code, e.line, e.col]).to.deep.equal(['ASSOCIATION_EACH_OUTSIDE_FOREACH', 11, 35]);
    expect(() => parseSuite(suite('      - associate: { association: $each }\n', '    forEach: association\n'), 's.yaml')).to.not.throw();
  });

  it('requires the id, clause and requirement of every case', () => {
    const e = thrownBy(ConfigError, () =>
      parseSuite('suite: t\ntitle: T\nspec: S\ncases:\n  - id: T-1\n    title: t\n    spec: s\n    detects: []\n    steps: [ { connect: {} } ]\n', 's.yaml'),
    );
    expect([e.code, e.line, e.col]).to.deep.equal(['CONFIG_MISSING_KEY', 5, 5]);
    expect(e.expected).to.contain('requirement');
  });

  it('refuses a case id used in two suites, naming the first place', () => {
    const a = parseSuite(suite('      - connect: {}\n'), 'a.yaml');
    const b = parseSuite(suite('      - connect: {}\n').replace('suite: t/one', 'suite: t/two'), 'b.yaml');
    const e = thrownBy(ConfigError, () => checkUniqueIds([a, b]));
    expect([e.code, e.file, e.line, e.col]).to.deep.equal(['CASE_DUPLICATE_ID', 'b.yaml', 5, 5]);
    expect(e.expected).to.contain('a.yaml:5:5');
  });

  it('reads each detects entry as a fault and the step at which the case must fail', () => {
    const text =
      'suite: t\ntitle: T\nspec: S\ncases:\n  - id: T-1\n    title: t\n    spec: s\n    requirement: r\n    detects: [{ fault: a-fault, step: 2 }, b-fault]\n    steps: [ { connect: {} }, { connect: {} } ]\n';
    const c = parseSuite(text, 's.yaml').cases[0]!;
    expect(c.detects).to.deep.equal(['a-fault', 'b-fault']);
    expect(c.detectsAt).to.deep.equal({ 'a-fault': 2 });
  });

  it('refuses a detects step beyond the steps of the case, at the entry', () => {
    const text =
      'suite: t\ntitle: T\nspec: S\ncases:\n  - id: T-1\n    title: t\n    spec: s\n    requirement: r\n    detects: [{ fault: a-fault, step: 3 }]\n    steps: [ { connect: {} }, { connect: {} } ]\n';
    const e = thrownBy(ConfigError, () => parseSuite(text, 's.yaml'));
    expect([e.code, e.line]).to.deep.equal(['DETECTS_STEP_RANGE', 9]);
    expect(e.expected).to.contain('1..2');
  });
});
