/**
 * The HTML report is light and private (reports/light-report.ts): generated from a real run, it
 * names no external resource in its markup, and, opened in headless Chromium with every request
 * logged, it renders the cases while asking for nothing but its own data: and blob: URLs. What it
 * embeds of a passing case is its decoded trace, not the bytes (linked files beside the results). The
 * Chromium part is skipped, with the reason, where Debian's chromium is not installed
 * (scripts/setup.sh installs it); the markup scan always runs.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { externalReferences, unpackHtml } from '../../reports/light-report';
import { withByteCounts } from '../../reports/trace-text';

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

interface ResultNode {
  readonly attachments?: readonly { readonly name: string; readonly source: string }[];
  readonly steps?: readonly ResultNode[];
}

/** Allure 3 writes a test's attachments as steps of their own: every attachment of the tree. */
function attachmentsOf(node: ResultNode): { readonly name: string; readonly source: string }[] {
  return [...(node.attachments ?? []), ...(node.steps ?? []).flatMap(attachmentsOf)];
}

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

  it('keeps the heavy attachments and full text trace of passing cases as files beside the results, and embeds their decoded trace', () => {
    const results = path.join(dir, 'allure-results');
    const embedded = new Set([...unpackHtml(html)!.data.values()].map((b) => b.toString('base64')));
    const passed = fs
      .readdirSync(results)
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(results, f), 'utf8')) as ResultNode & { status: string })
      .filter((r) => r.status === 'passed')
      .map((r) => ({ attachments: attachmentsOf(r) }));
    // A case that exchanged no frame has no capture or timeline to keep apart.
    const withFrames = passed.filter((r) => r.attachments.some((a) => a.name === 'trace.pcapng'));
    expect(withFrames.length).to.be.greaterThan(0);
    for (const r of withFrames) {
      const file = (name: string): Buffer => fs.readFileSync(path.join(results, r.attachments.find((a) => a.name === name)!.source));
      for (const heavy of ['frame trace (JSON)', 'timeline (SVG)', 'trace.pcapng', 'frame trace (text)']) {
        expect(embedded.has(file(heavy).toString('base64')), heavy).to.equal(false);
      }
      const text = file('frame trace (text)').toString('utf8');
      expect(embedded.has(Buffer.from(withByteCounts(text)).toString('base64'))).to.equal(true);
    }
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
