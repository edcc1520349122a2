import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import './index';
import { listSteps } from './registry';
import { REFERENCE_BEGIN, REFERENCE_END, stepReferenceMarkdown } from './reference';

const SUITES_DOC = path.join(__dirname, '../../docs/suites.md');

describe('the step reference', () => {
  it('in docs/suites.md is the one the registry generates, so no step goes undocumented', () => {
    const doc = fs.readFileSync(SUITES_DOC, 'utf8');
    const begin = doc.indexOf(REFERENCE_BEGIN);
    const end = doc.indexOf(REFERENCE_END);
    expect(begin, 'the generated block is in docs/suites.md').to.be.greaterThan(-1);
    const block = doc.slice(begin, end + REFERENCE_END.length);
    expect(block, 'docs/suites.md is out of date: paste `node bin/dlmsct.js list --steps --markdown` over the block').to.equal(stepReferenceMarkdown());
    for (const s of listSteps()) expect(block).to.contain(`| \`${s.name}\` |`);
  });
});
