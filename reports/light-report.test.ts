import { expect } from 'chai';
import { gunzipSync } from 'node:zlib';
import { TEXT_TRACE_COUNTS, externalReferences, lightResult, packHtml, privateHtml, unpackHtml } from './light-report';

const PASSED = {
  status: 'passed',
  attachments: [
    { name: 'frame trace (text)', source: 't-attachment.txt' },
    { name: 'frame trace (JSON)', source: 'j-attachment.json' },
    { name: 'timeline (SVG)', source: 'v-attachment.svg' },
    { name: 'trace.pcapng', source: 'p-attachment.pcapng' },
    { name: 'rows', source: 'r-attachment.csv' },
  ],
  steps: [{ attachments: [{ name: 'trace.pcapng', source: 's-attachment.pcapng' }] }],
  links: [{ name: 'Green Book 9.3.2', url: 'https://example.invalid/spec', type: 'spec' }],
};

/** The tail of the page Allure's awesome plugin writes in single-file mode, analytics included. */
const APP = Buffer.from('window.appStarted = true;').toString('base64');
const DATA = Buffer.from('{"total":1}').toString('base64');
const PAGE = `<!DOCTYPE html><html><head><title>r</title></head><body><div id="app"></div>
    <script   src="data:text/javascript;base64,${APP}"></script>
    <script async>window.allureReportDataReady = false;</script>
    <script defer>
      Promise.allSettled([d("widgets/statistic.json","${DATA}"),d("data/a.json","${DATA}")])
        .then(function(){
          window.allureReportDataReady = true;
        })
    </script>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('config', 'G-X', {});
    </script>
</body></html>`;

describe('the light, private report', () => {
  it('links the heavy attachments and the full text trace of a passed case, in its steps too, and keeps its decoded trace and tables', () => {
    const { result, embedded, counted } = lightResult(structuredClone(PASSED), '../allure-results/');
    expect(result.attachments).to.deep.equal([
      { name: TEXT_TRACE_COUNTS, source: 't-attachment.txt' },
      { name: 'rows', source: 'r-attachment.csv' },
    ]);
    expect(result.steps![0]!.attachments).to.deep.equal([]);
    expect(embedded).to.deep.equal(['t-attachment.txt', 'r-attachment.csv']);
    expect(counted).to.deep.equal(['t-attachment.txt']);
    expect(result.links!.map((l) => l.url)).to.deep.equal([
      'https://example.invalid/spec',
      '../allure-results/t-attachment.txt',
      '../allure-results/j-attachment.json',
      '../allure-results/v-attachment.svg',
      '../allure-results/p-attachment.pcapng',
      '../allure-results/s-attachment.pcapng',
    ]);
  });

  it('embeds every attachment of a case that did not pass, its text trace with the bytes', () => {
    const { result, embedded, counted } = lightResult({ ...structuredClone(PASSED), status: 'failed' }, '../allure-results/');
    expect(result.attachments).to.deep.equal(PASSED.attachments);
    expect(embedded.length).to.equal(6);
    expect(counted).to.deep.equal([]);
    expect(result.links!.length).to.equal(1);
  });

  it('cuts the analytics out, adds a policy that allows no request, and finds no external reference left', () => {
    expect(externalReferences(PAGE)).to.deep.equal(['https://www.googletagmanager.com/gtag/js?id=G-X']);
    const page = privateHtml(PAGE);
    expect(page).to.not.contain('googletagmanager');
    expect(page).to.not.contain('gtag');
    expect(page).to.contain(`<head>\n    <meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(externalReferences(page)).to.deep.equal([]);
  });

  it('finds external references in src, href and CSS url(), but not in text that merely mentions a URL', () => {
    const page = `<img src="http://a.example/x.png"><link href='//b.example/s.css'><style>p{background:url(https://c.example/i.png)}</style><svg xmlns="http://www.w3.org/2000/svg"></svg>`;
    expect(externalReferences(page)).to.deep.equal(['http://a.example/x.png', '//b.example/s.css', 'https://c.example/i.png']);
  });

  it('packs the app and its data into one gzip stream the loader unpacks in the same order', () => {
    const packed = packHtml(PAGE);
    expect(packed).to.not.contain(APP);
    expect(packed).to.not.contain('Promise.allSettled');
    const base64 = /var packed = "([A-Za-z0-9+/=]+)"/.exec(packed)![1]!;
    const all = gunzipSync(Buffer.from(base64, 'base64')).toString('utf8');
    expect(all).to.equal('window.appStarted = true;{"total":1}{"total":1}');
    expect(packed).to.contain('var index = [["widgets/statistic.json",11],["data/a.json",11]];');
    expect(packed).to.contain('var appLength = 25;');
    const unpacked = unpackHtml(packed)!;
    expect(unpacked.app.toString()).to.equal('window.appStarted = true;');
    expect([...unpacked.data].map(([n, b]) => [n, b.toString()])).to.deep.equal([
      ['widgets/statistic.json', '{"total":1}'],
      ['data/a.json', '{"total":1}'],
    ]);
    expect(unpackHtml(PAGE)).to.equal(undefined);
  });

  it('leaves a page it does not recognise as it is', () => {
    expect(packHtml('<html><body>other</body></html>')).to.equal('<html><body>other</body></html>');
  });
});
