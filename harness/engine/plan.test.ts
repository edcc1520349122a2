import { expect } from 'chai';
import { testProfile } from '../../test/support/harness/profiles';
import { parseSuite } from '../suite/load';
import { globToRegExp } from './glob';
import { planCases, unmet } from './plan';

const suite = (name: string, ids: string[]) =>
  parseSuite(
    `suite: ${name}\ntitle: T\nspec: S\ncases:\n${ids.map((id) => `  - { id: ${id}, title: t, spec: s, requirement: r, detects: [], tags: [TP_${id.replace(/-/g, '_')}], steps: [ { connect: {} } ] }\n`).join('')}`,
    `${name}.yaml`,
  );

describe('planCases', () => {
  const suites = [suite('association/open', ['A-ONE', 'A-TWO']), suite('hdlc/frames', ['H-ONE'])];

  it('selects by suite glob, bare folder, case id glob and tag', () => {
    const p = testProfile();
    expect(planCases(suites, p, { suite: 'association/*' }).map((c) => c.id)).to.deep.equal(['A-ONE', 'A-TWO']);
    expect(planCases(suites, p, { suite: 'hdlc' }).map((c) => c.id)).to.deep.equal(['H-ONE']);
    expect(planCases(suites, p, { caseId: 'A-T*' }).map((c) => c.id)).to.deep.equal(['A-TWO']);
    expect(planCases(suites, p, { tag: 'TP_H_ONE' }).map((c) => c.id)).to.deep.equal(['H-ONE']);
  });

  it('explains every unmet requirement', () => {
    const p = testProfile();
    expect(unmet({ framing: 'hdlc' }, p)).to.equal("the case needs hdlc framing; the profile's transport uses wrapper");
    expect(unmet({ transport: ['serial'] }, p)).to.contain('serial');
    expect(unmet({ features: ['hls-gmac'] }, p)).to.contain('"hls-gmac"');
    expect(unmet({ authentication: 'low', features: ['lls'], expect: ['logicalDeviceName'] }, p)).to.equal(undefined);
  });
});

describe('globToRegExp', () => {
  it('matches * within a segment and ** across segments', () => {
    expect(globToRegExp('association/*').test('association/open')).to.equal(true);
    expect(globToRegExp('association/*').test('association/open/more')).to.equal(false);
    expect(globToRegExp('suites/**/*.yaml').test('suites/association/open.yaml')).to.equal(true);
    expect(globToRegExp('ASSOC-OPEN[public]').test('ASSOC-OPEN[public]')).to.equal(true);
  });
});
