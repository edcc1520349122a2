/**
 * The command line runs compiled JavaScript (dist/, `npm run build`): the build is brought up to
 * date here (incremental, so quick after `npm test` has built), then the CLI is started with
 * DLMSCT_FROM=dist, which refuses the slow ts-node fallback, so these pass only from the build.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findSuiteFiles, loadSuites } from '../../harness/suite/load';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'dlmsct.js');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function node(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the compiled command line', function () {
  this.timeout(300_000);

  before(function () {
    const build = node([TSC, '-p', 'tsconfig.build.json']);
    expect(build.code, build.stdout + build.stderr).to.equal(0);
    expect(node([path.join(ROOT, 'bin', 'compiled.js'), '--stamp']).code).to.equal(0);
  });

  it('builds the CLI into dist/ with a stamp that says it is fresh', () => {
    expect(fs.existsSync(path.join(ROOT, 'dist', 'harness', 'cli', 'main.js'))).to.equal(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { staleReason } = require('../../bin/compiled.js') as { staleReason: () => string | undefined };
    expect(staleReason()).to.equal(undefined);
  });

  it('prints the usage from the build', () => {
    const r = node([BIN, '--help'], { DLMSCT_FROM: 'dist' });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^usage: dlmsct <command>/);
  });

  it('decodes a frame from the build', () => {
    const r = node([BIN, 'decode', '7EA0070321930F017E'], { DLMSCT_FROM: 'dist' });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.contain('hdlc    SNRM');
  });

  it('lists the suites from the build, finding suites/ outside dist/', () => {
    const r = node([BIN, 'list'], { DLMSCT_FROM: 'dist' });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^association\/open — /m);
  });

  it('lists from cached suites that are exactly the suites loaded from the YAML', () => {
    // Twice from the build: the first run fills dist/.suite-cache, the second reads it.
    const script = `const l = require(${JSON.stringify(path.join(ROOT, 'dist', 'harness', 'suite', 'load.js'))}); const f = l.findSuiteFiles(${JSON.stringify(path.join(ROOT, 'suites'))}); l.loadSuites(f); process.stdout.write(JSON.stringify(l.loadSuites(f)));`;
    const r = node(['-e', script]);
    expect(r.code, r.stderr).to.equal(0);
    expect(fs.readdirSync(path.join(ROOT, 'dist', '.suite-cache')).length).to.be.greaterThan(0);
    const fresh = JSON.parse(JSON.stringify(loadSuites(findSuiteFiles(path.join(ROOT, 'suites'))))) as unknown;
    expect(JSON.parse(r.stdout)).to.deep.equal(fresh);
  });

  it('refuses a stale build when told to run only from dist/', () => {
    const r = node([BIN, '--help'], { DLMSCT_FROM: 'dist', DLMSCT_DIST: path.join(ROOT, 'no-such-dist') });
    expect(r.code).to.equal(70);
    expect(r.stderr).to.contain('has not been built');
  });
});
