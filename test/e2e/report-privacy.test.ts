/**
 * The HTML report is light and private (reports/light-report.ts): generated from a real run, it
 * names no external resource in its markup, and, opened in headless Chromium with every request
 * logged, it renders the cases while asking for nothing but its own data: and blob: URLs. The
 * Chromium part is skipped, with the reason, where Debian's chromium is not installed
 * (scripts/setup.sh installs it); the markup scan always runs.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { externalReferences } from '../../reports/light-report';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'dlmsct.js');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const CHROMIUM_MISSING = 'chromium is not installed (scripts/setup.sh installs it: apt-get install chromium)';
/** Launch flags that keep the browser itself from phoning home, so that every request logged is the page's. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** How long the page may take to show the cases (the report's own goal is 2 s; this only bounds the test). */
const RENDER_TIMEOUT_MS = 30_000;

describe('the HTML report is light and private', function () {
  this.timeout(180_000);
  let dir: string;
  let html: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-report-'));
    const run = spawnSync(
      process.execPath,
      [BIN, 'run', '--profile', path.join(ROOT, 'profiles', 'simulator.yaml'), '--suite', 'association/open', '--report'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 170_000,
      },
    );
    expect(run.status, run.stderr + run.stdout).to.equal(0);
    html = fs.readFileSync(path.join(dir, 'allure-report', 'index.html'), 'utf8');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names no external resource in its markup and carries no analytics', () => {
    expect(externalReferences(html)).to.deep.equal([]);
    expect(html).to.not.contain('googletagmanager');
    expect(html).to.not.contain('gtag(');
    expect(html).to.match(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it('keeps the heavy attachments of passing cases as files beside the results', () => {
    const results = path.join(dir, 'allure-results');
    const pcaps = fs.readdirSync(results).filter((f) => f.endsWith('.pcapng'));
    expect(pcaps.length).to.be.greaterThan(0);
    // The report links them (relative to allure-report/) instead of carrying them.
    expect(html).to.not.contain(fs.readFileSync(path.join(results, pcaps[0]!)).toString('base64').slice(0, 200));
  });

  it('renders in headless Chromium without a single network request', async function () {
    if (!CHROMIUM) {
      this.test!.title += ` [skipped: ${CHROMIUM_MISSING}]`;
      this.skip();
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: RENDER_TIMEOUT_MS });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // A request the page's policy blocked never shows as a request: it shows as a violation.
      page.on('console', (m) => {
        if (m.type() === 'error' && m.text().includes('Content Security Policy')) errors.push(m.text());
      });
      const file = `file://${path.join(dir, 'allure-report', 'index.html')}`;
      await page.goto(file, { timeout: RENDER_TIMEOUT_MS });
      // The tree groups cases by layer (epic) first: the layer of the suite run shows once the data is in.
      await page.getByText('Application layer: association (ACSE)').first().waitFor({ timeout: RENDER_TIMEOUT_MS });
      await page.getByText('Application layer: association (ACSE)').first().click();
      await page.getByText('association/open').first().waitFor({ timeout: RENDER_TIMEOUT_MS });
      const outside = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && u !== file);
      expect(outside, `requests: ${requests.map((u) => u.slice(0, 80)).join(', ')}`).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    } finally {
      await browser.close();
    }
  });
});
