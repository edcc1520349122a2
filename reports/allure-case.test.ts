import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TraceRecord } from '../dlms/trace';
import { exchanges, layerOf } from './allure-case';

const rec = (at: number, dir: TraceRecord['dir'], summary: string): TraceRecord => ({ at, dir, bytes: new Uint8Array(1), layers: [{ layer: 'apdu', summary }] });

describe('exchanges', () => {
  it('pairs each request with its answer, appends follow-up frames and notes unanswered requests', () => {
    const trace = [rec(1, 'tx', 'AARQ'), rec(2, 'rx', 'AARE'), rec(3, 'tx', 'GET'), rec(4, 'rx', 'segment 1'), rec(5, 'rx', 'segment 2'), rec(6, 'tx', 'RLRQ'), rec(9, 'tx', 'late')];
    expect(exchanges(trace, 0, 8)).to.deep.equal(['AARQ → AARE', 'GET → segment 1 + segment 2', 'RLRQ → (no answer)']);
  });
});

describe('layerOf', () => {
  it('names the protocol layer of a suite folder, or the folder itself', () => {
    expect(layerOf('association/open')).to.equal('Application layer: association (ACSE)');
    expect(layerOf('misc/x')).to.equal('misc');
  });

  it('gives every shipped suite folder a title (none left as its bare folder name)', () => {
    const folders = fs.readdirSync(path.resolve(__dirname, '..', 'suites'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.length).to.be.greaterThan(0);
    for (const f of folders) expect(layerOf(`${f.name}/x`), f.name).to.not.equal(f.name);
  });
});
