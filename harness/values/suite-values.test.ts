import { expect } from 'chai';
import { ConfigError } from '../../config/error';
import { parseSuite } from '../suite/load';
import { associatedCase, runCasesText } from '../../test/support/harness/simulator-run';
import { thrownBy } from '../../test/helpers/thrown';

const caseWith = (steps: string) => associatedCase('VALUES-ONE', steps);

describe('suite values of any shape, and names instead of numbers', () => {
  it('passes a structure expectation when right and names the differing field when wrong', async () => {
    const [right, wrong] = await Promise.all([
      runCasesText(
        caseWith('      - get: { obis: 1-0:1.8.0.255, class: register, attribute: 3 }\n      - expect: { data: { value: { scaler: 0, unit: Wh } } }\n'),
      ),
      runCasesText(caseWith('      - get: { obis: 1-0:1.8.0.255, class: 3, attribute: 3 }\n      - expect: { data: { value: [0, W] } }\n')),
    ]);
    expect(right[0]?.status, right[0]?.reason).to.equal('passed');
    expect(wrong[0]?.status).to.equal('failed');
    expect(wrong[0]?.reason).to.contain('value.unit: expected 27 (W), got 30 (Wh)');
  });

  it('reads standard object names and enumeration names', async () => {
    const [r] = await runCasesText(
      caseWith('      - get: { obis: current-association, class: association-ln, attribute: 8 }\n      - expect: { data: { value: associated } }\n'),
    );
    expect(r?.status, r?.reason).to.equal('passed');
  });

  it('refuses an unknown object name, class name or unit name, located', () => {
    const load = (steps: string) => thrownBy(ConfigError, () => parseSuite(`suite: t\ntitle: t\nspec: s\n${caseWith(steps)}`, 's.yaml'));
    const object = load('      - get: { obis: curent-association, class: 15, attribute: 2 }\n');
    expect([object.code, object.line, object.col]).to.deep.equal(['CONFIG_NO_ALTERNATIVE', 13, 22]);
    expect(object.expected).to.contain('current-association');
    const klass = load('      - get: { obis: clock, class: clok, attribute: 2 }\n');
    expect([klass.code, klass.line, klass.col]).to.deep.equal(['CONFIG_NOT_ALLOWED', 13, 36]);
    const unit = load('      - get: { obis: 1-0:1.8.0.255, class: 3, attribute: 3 }\n      - expect: { data: { value: { scaler: 0, unit: Whh } } }\n');
    expect([unit.code, unit.line, unit.col]).to.deep.equal(['CONFIG_NOT_ALLOWED', 14, 53]);
    expect(unit.expected).to.contain('"Wh"');
  });
});
