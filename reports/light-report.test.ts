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

  it('drops the attachment steps Allure 3 writes for linked attachments, and names the one of the decoded trace after it', () => {
    const step = (name: string, source: string) => ({ name, attachments: [{ name, source }] });
    const result = {
      status: 'passed',
      steps: [
        { name: '1. connect', status: 'passed', steps: [] },
        step('frame trace (text)', 't.txt'),
        step('frame trace (JSON)', 'j.json'),
        step('timeline (SVG)', 'v.svg'),
        step('trace.pcapng', 'p.pcapng'),
        step('rows', 'r.csv'),
      ],
    };
    const light = lightResult(structuredClone(result), '../allure-results/').result;
    expect(light.steps).to.deep.equal([
      { name: '1. connect', status: 'passed', steps: [] },
      { name: TEXT_TRACE_COUNTS, attachments: [{ name: TEXT_TRACE_COUNTS, source: 't.txt' }] },
      step('rows', 'r.csv'),
    ]);
    expect(lightResult({ ...structuredClone(result), status: 'failed' }, '../allure-results/').result.steps).to.deep.equal(result.steps);
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

  it('packs the app and its data into one gzip stream, like with like, and the loader unpacks each entry by name', () => {
    const packed = packHtml(PAGE);
    expect(packed).to.not.contain(APP);
    expect(packed).to.not.contain('Promise.allSettled');
    const base64 = /var packed = "([A-Za-z0-9+/=]+)"/.exec(packed)![1]!;
    const all = gunzipSync(Buffer.from(base64, 'base64')).toString('utf8');
    expect(all).to.equal('window.appStarted = true;{"total":1}{"total":1}');
    expect(packed).to.contain('var index = [["data/a.json",11],["widgets/statistic.json",11]];');
    expect(packed).to.contain('var appLength = 25;');
    const unpacked = unpackHtml(packed)!;
    expect(unpacked.app.toString()).to.equal('window.appStarted = true;');
    expect([...unpacked.data].map(([n, b]) => [n, b.toString()])).to.deep.equal([
      ['data/a.json', '{"total":1}'],
      ['widgets/statistic.json', '{"total":1}'],
    ]);
    expect(unpackHtml(PAGE)).to.equal(undefined);
  });

  it('groups results and each kind of attachment together, and gives steps short ids, the same step the same id', () => {
    const b64 = (text: string): string => Buffer.from(text).toString('base64');
    const a = 'a'.repeat(32);
    const b = 'b'.repeat(32);
    const entries = [
      ['data/test-results/1.json', `{"steps":[{"stepId":"${a}"},{"stepId":"${b}"}]}`],
      ['data/attachments/x.txt', 'trace x'],
      ['data/attachments/y.csv', 'rows'],
      ['data/test-results/2.json', `{"steps":[{"stepId":"${a}"}]}`],
      ['data/attachments/z.txt', `trace z "stepId":"${a}"`],
    ];
    const page = PAGE.replace(/Promise\.allSettled\(\[[^\]]*\]\)/, `Promise.allSettled([${entries.map(([n, t]) => `d("${n}","${b64(t!)}")`).join(',')}])`);
    const data = unpackHtml(packHtml(page))!.data;
    expect([...data.keys()]).to.deep.equal([
      'data/attachments/y.csv',
      'data/attachments/x.txt',
      'data/attachments/z.txt',
      'data/test-results/1.json',
      'data/test-results/2.json',
    ]);
    expect(data.get('data/test-results/1.json')!.toString()).to.equal('{"steps":[{"stepId":"s0"},{"stepId":"s1"}]}');
    expect(data.get('data/test-results/2.json')!.toString()).to.equal('{"steps":[{"stepId":"s0"}]}');
    expect(data.get('data/attachments/z.txt')!.toString()).to.equal(`trace z "stepId":"${a}"`);
  });

  it('leaves a page it does not recognise as it is', () => {
    expect(packHtml('<html><body>other</body></html>')).to.equal('<html><body>other</body></html>');
  });
});
