import { expect } from 'chai';
import { ConfigError } from '../../config/error';
import { parseSuite } from '../suite/load';
import { associatedCase, runCasesText } from '../../test/support/harness/simulator-run';
import { thrownBy } from '../../test/helpers/thrown';
import { substitute } from './each-object';

const CASE = (steps: string, extra = '') => associatedCase('T-EACH', steps, extra);

const REGISTERS = `      - each.object:
          class: 3
          steps:
            - get: { obis: $obis, class: $class, attribute: 3 }
            - expect: { data: { type: structure } }`;

const loadError = (text: string): ConfigError => thrownBy(ConfigError, () => parseSuite(`suite: test/cases\ntitle: test\nspec: test\n${text}`, 'each.yaml'));

describe('each.object', () => {
  it('substitutes $obis inside text and $class, $version as numbers', () => {
    const vars = { $obis: '1-0:1.8.0.255', $class: 3, $version: 0 };
    expect(substitute({ obis: '$obis', class: '$class', nested: ['v$version', { x: '$version' }] }, vars)).to.deep.equal({
      obis: '1-0:1.8.0.255',
      class: 3,
      nested: ['v0', { x: 0 }],
    });
  });

  it('records one sub-step per matching object, named by its OBIS, with the nested steps inside', async () => {
    const [r] = await runCasesText(CASE(REGISTERS));
    expect(r?.status).to.equal('passed');
    const step = r!.steps[2]!;
    expect(step.substeps?.map((s) => s.name)).to.deep.equal([
      'object 1-0:1.8.0.255 (class 3 v0)',
      'object 1-0:2.8.0.255 (class 3 v0)',
      'object 1-0:32.7.0.255 (class 3 v0)',
    ]);
    expect(step.substeps?.[0]?.substeps?.map((s) => `${s.name} ${s.status}`)).to.deep.equal(['get passed', 'expect passed']);
    expect(step.substeps?.[0]?.substeps?.[0]?.args).to.deep.equal({ obis: '1-0:1.8.0.255', class: 3, attribute: 3 });
  });

  it('judges every object and fails naming the first failing one and the others', async () => {
    const steps = REGISTERS.replace('{ data: { type: structure } }', '{ data: { type: structure, value: 1 } }');
    const [r] = await runCasesText(CASE(steps));
    expect(r?.status).to.equal('failed');
    expect(r?.reason).to.contain('1-0:1.8.0.255').and.contain('also failed: 1-0:2.8.0.255, 1-0:32.7.0.255');
    expect(r!.steps[2]!.substeps?.map((s) => s.status)).to.deep.equal(['failed', 'failed', 'failed']);
  });

  it('is inapplicable, with the reason, when no object of the class is listed', async () => {
    const [r] = await runCasesText(CASE(REGISTERS.replace('class: 3', 'class: 9999')));
    expect(r?.status).to.equal('inapplicable');
    expect(r?.reason).to.contain('no object of class 9999');
  });

  it('checks nested steps at load time and locates the mistake', () => {
    const e = loadError(CASE(REGISTERS.replace('attribute: 3 }', 'attribute: 300 }')));
    expect(e.code).to.equal('CONFIG_RANGE');
    expect(loadError(CASE(REGISTERS.replace('- get:', '- teleport:'))).code).to.equal('STEP_UNKNOWN');
    const nested = `      - each.object:
          steps:
            - check.attributes: {}`;
    expect(loadError(CASE(nested)).code).to.equal('STEP_NESTED_GENERATOR');
  });
});
