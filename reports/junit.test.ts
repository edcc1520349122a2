import { expect } from 'chai';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromHex } from '../dlms/bytes/hex';
import type { TraceRecord } from '../dlms/trace';
import { childrenNamed, parseXml, type XmlElement } from '../test/helpers/xml-parse';
import { type JunitInput, junitXml, writeJunit } from './junit';
import { renderTraceText } from './trace-text';

const OPTS = { name: 'dlmsct: meter', timestamp: new Date('2025-03-04T05:06:07.890Z') };

const TRACE: readonly TraceRecord[] = [
  { at: 0.412, dir: 'tx', bytes: fromHex('7EA0070321930F017E'), layers: [{ layer: 'hdlc', summary: 'SNRM P/F=1 dst 1/16 src 16' }] },
  { at: 5000, dir: 'event', layers: [], note: 'no answer within 5000 ms' },
];

const DEVIATION = { reference: 'FW-1234', at: 'd.yaml:1:3', expected: 'failed, reason matching "x"' };

function result(id: string, over: Partial<JunitInput> = {}): JunitInput {
  return {
    id,
    title: `title of ${id}`,
    suite: 'association/open',
    status: 'passed',
    spec: 'Green Book 9.4.2',
    requirement: 'The server answers.',
    durationMs: 1500,
    trace: [],
    ...over,
  };
}

/** One case per reported status, across two suites. */
const ALL: readonly JunitInput[] = [
  result('PASS'),
  result('FAIL', { status: 'failed', reason: 'expected text "A", got "B"', culprit: 'dut', trace: TRACE }),
  result('BROKEN', { status: 'broken', reason: 'connection refused', culprit: 'rig', code: 'UNREACHABLE' }),
  result('INCONC', { suite: 'security/hls', status: 'inconclusive', reason: 'precondition not met: no HLS', culprit: 'dut' }),
  result('INAPPL', { suite: 'security/hls', status: 'inapplicable', reason: 'the profile has no HLS association', durationMs: 0 }),
  result('XFAIL', {
    suite: 'security/hls',
    status: 'failed',
    reported: 'expected-failure',
    reason: 'x',
    deviation: { outcome: 'expected-failure', ...DEVIATION },
  }),
  result('XPASS', { suite: 'security/hls', status: 'passed', reported: 'unexpected-pass', deviation: { outcome: 'unexpected-pass', ...DEVIATION } }),
];

function parsed(results: readonly JunitInput[]): XmlElement {
  return parseXml(junitXml(results, OPTS));
}

function testcases(root: XmlElement): XmlElement[] {
  return childrenNamed(root, 'testsuite').flatMap((s) => childrenNamed(s, 'testcase'));
}

function caseNamed(root: XmlElement, id: string): XmlElement {
  return testcases(root).find((c) => c.attrs['name']!.startsWith(`${id} `))!;
}

describe('junit', () => {
  it('reports a case passed with remarks as passed, each remark a property', () => {
    const r = result('REM', {
      status: 'passed-with-remarks',
      remarks: [{ text: 'FRMR instead of discarding', clause: 'docs/decisions/expectation-review.md' }],
    });
    const root = parsed([r]);
    expect(root.attrs).to.include({ tests: '1', failures: '0', errors: '0', skipped: '0' });
    const c = caseNamed(root, 'REM');
    const props = childrenNamed(childrenNamed(c, 'properties')[0]!, 'property');
    expect(props.map((p) => p.attrs)).to.deep.equal([{ name: 'remark', value: 'FRMR instead of discarding (docs/decisions/expectation-review.md)' }]);
  });

  it('counts each verdict where CI expects it: failed as a failure, broken and inconclusive as errors, inapplicable and expected failures as skipped', () => {
    const root = parsed(ALL);
    expect(root.name).to.equal('testsuites');
    expect(root.attrs).to.deep.equal({
      name: 'dlmsct: meter',
      tests: '7',
      failures: '2',
      errors: '2',
      skipped: '2',
      time: '9.000',
      timestamp: '2025-03-04T05:06:07',
    });
    const suites = childrenNamed(root, 'testsuite');
    expect(suites.map((s) => s.attrs)).to.deep.equal([
      { name: 'association/open', tests: '3', failures: '1', errors: '1', skipped: '0', time: '4.500', timestamp: '2025-03-04T05:06:07' },
      { name: 'security/hls', tests: '4', failures: '1', errors: '1', skipped: '2', time: '4.500', timestamp: '2025-03-04T05:06:07' },
    ]);
  });

  it('names each case by suite, id and title, and says its time in seconds', () => {
    const c = caseNamed(parsed(ALL), 'INCONC');
    expect(c.attrs).to.deep.equal({ classname: 'security/hls', name: 'INCONC title of INCONC', time: '1.500' });
  });

  it('reports a failed case as a failure typed by its clause, with the reason and the requirement', () => {
    const f = childrenNamed(caseNamed(parsed(ALL), 'FAIL'), 'failure')[0]!;
    expect(f.attrs).to.deep.equal({ message: 'expected text "A", got "B"', type: 'Green Book 9.4.2' });
    expect(f.text).to.contain('expected text "A", got "B"').and.to.contain('requirement: The server answers.').and.to.contain('culprit: dut');
  });

  it('types a failure by its code when the outcome has one', () => {
    const root = parsed([result('F', { status: 'failed', reason: 'r', code: 'MALFORMED_APDU' })]);
    expect(childrenNamed(testcases(root)[0]!, 'failure')[0]!.attrs['type']).to.equal('MALFORMED_APDU');
  });

  it('reports broken and inconclusive cases as errors typed by the verdict', () => {
    const root = parsed(ALL);
    expect(childrenNamed(caseNamed(root, 'BROKEN'), 'error')[0]!.attrs).to.deep.equal({ message: 'connection refused', type: 'broken' });
    expect(childrenNamed(caseNamed(root, 'BROKEN'), 'error')[0]!.text)
      .to.contain('code: UNREACHABLE')
      .and.to.contain('culprit: rig');
    expect(childrenNamed(caseNamed(root, 'INCONC'), 'error')[0]!.attrs).to.deep.equal({ message: 'precondition not met: no HLS', type: 'inconclusive' });
  });

  it('skips an inapplicable case with its reason and an expected failure with its deviation', () => {
    const root = parsed(ALL);
    expect(caseNamed(root, 'INAPPL').children).to.deep.equal([
      { name: 'skipped', attrs: { message: 'the profile has no HLS association' }, children: [], text: '' },
    ]);
    expect(childrenNamed(caseNamed(root, 'XFAIL'), 'skipped')[0]!.attrs['message']).to.equal('expected failure: known deviation (FW-1234, d.yaml:1:3): x');
  });

  it('fails an unexpected pass, and keeps a verdict a deviation did not match with the deviation beside it', () => {
    const root = parsed([...ALL, result('MISMATCH', { status: 'failed', reported: 'failed', reason: 'y', deviation: { outcome: 'mismatch', ...DEVIATION } })]);
    const xpass = childrenNamed(caseNamed(root, 'XPASS'), 'failure')[0]!;
    expect(xpass.attrs['type']).to.equal('unexpected-pass');
    expect(xpass.attrs['message']).to.contain('the bug seems fixed, remove the entry');
    const mismatch = childrenNamed(caseNamed(root, 'MISMATCH'), 'failure')[0]!;
    expect(mismatch.attrs['message']).to.equal(
      'y [the known deviation at d.yaml:1:3 (FW-1234) expects failed, reason matching "x"; this verdict differs, so it stands]',
    );
  });

  it('leaves a passed case without a trace empty, and gives every traced case its frames as text in system-out', () => {
    const root = parsed(ALL);
    expect(caseNamed(root, 'PASS').children).to.deep.equal([]);
    const out = childrenNamed(caseNamed(root, 'FAIL'), 'system-out')[0]!;
    expect(out.text).to.equal(renderTraceText(TRACE));
    expect(out.text).to.contain('7E A0 07 03 21 93 0F 01 7E').and.to.contain('SNRM P/F=1');
  });

  it('escapes markup characters in names, attributes and text, and keeps line breaks in attributes', () => {
    const nasty = `a <b> & "c" 'd'\n\tend\r`;
    const xml = junitXml(
      [result('E', { suite: nasty, title: nasty, status: 'failed', reason: nasty, trace: [{ at: 0, dir: 'event', layers: [], note: nasty }] })],
      OPTS,
    );
    expect(xml).to.contain('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#10;&#9;end&#13;');
    const root = parseXml(xml);
    const c = testcases(root)[0]!;
    expect(c.attrs['classname']).to.equal(nasty);
    expect(c.attrs['name']).to.equal(`E ${nasty}`);
    const f = childrenNamed(c, 'failure')[0]!;
    expect(f.attrs['message']).to.equal(nasty);
    expect(f.text.startsWith(nasty)).to.equal(true);
    expect(childrenNamed(c, 'system-out')[0]!.text).to.contain(nasty);
  });

  it('writes the characters XML 1.0 forbids as visible escapes, so the document stays well-formed', () => {
    const reason = 'nul\u0000 esc\u001b vt\u000b ff\u000c lone\ud800 nonchar\uffff pair\u{1F600}';
    const xml = junitXml([result('C', { status: 'broken', reason })], OPTS);
    for (const bad of ['\u0000', '\u001b', '\u000b', '\u000c', '\ud800', '\uffff']) expect(xml).to.not.contain(bad);
    const e = childrenNamed(testcases(parseXml(xml))[0]!, 'error')[0]!;
    expect(e.attrs['message']).to.equal('nul\\x00 esc\\x1B vt\\x0B ff\\x0C lone\\uD800 nonchar\\uFFFF pair\u{1F600}');
  });

  it('round-trips any reason, title and suite through a strict parser (property)', () => {
    // Every UTF-16 code unit (lone surrogates included) and the characters markup cares about.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('<', '>', '&', '"', "'", '\r', '\n', '\t', ']]>', '&amp;', '\u{1F600}'),
    );
    const text = fc.string({ unit, maxLength: 40 });
    const clean = (s: string): boolean =>
      [...s].every((ch) => {
        const cp = ch.codePointAt(0)!;
        return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
      });
    fc.assert(
      fc.property(text, text, text, (reason, title, suite) => {
        const root = parsed([result('P', { suite, title, status: 'failed', reason })]);
        const c = testcases(root)[0]!;
        const message = childrenNamed(c, 'failure')[0]!.attrs['message']!;
        // Anything XML can carry comes back exactly; the rest is replaced, never fatal.
        if (clean(reason)) expect(message).to.equal(reason);
        if (clean(title)) expect(c.attrs['name']).to.equal(`P ${title}`);
        if (clean(suite)) expect(c.attrs['classname']).to.equal(suite);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('writes an empty run as an empty, well-formed document', () => {
    expect(parsed([]).attrs).to.deep.include({ tests: '0', failures: '0', errors: '0', skipped: '0' });
  });

  it('writes junit.xml, creating its folder', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-junit-')), 'out', 'junit.xml');
    writeJunit(file, ALL, OPTS);
    expect(fs.readFileSync(file, 'utf8')).to.equal(junitXml(ALL, OPTS));
  });
});

describe('the XML checker the junit tests rely on', () => {
  for (const [bad, why] of [
    ['<a>&</a>', 'a bare ampersand'],
    ['<a>&nbsp;</a>', 'an entity XML does not define'],
    ['<a b="<"/>', 'a "<" in an attribute'],
    ['<a b=c/>', 'an unquoted attribute'],
    ['<a b="1" b="2"/>', 'a repeated attribute'],
    ['<a></b>', 'a mismatched end tag'],
    ['<a>\u0001</a>', 'a control character'],
    ['<a>&#1;</a>', 'a reference to a control character'],
    ['<a/><b/>', 'two roots'],
    ['<a>', 'an unclosed element'],
  ] as const) {
    it(`rejects ${why}`, () => {
      expect(() => parseXml(bad)).to.throw(Error);
    });
  }

  it('applies the parser normalisations: line ends, and literal whitespace in attributes', () => {
    expect(parseXml('<a b="x\ny\tz">1\r\n2\r3</a>')).to.deep.equal({ name: 'a', attrs: { b: 'x y z' }, children: [], text: '1\n2\n3' });
  });
});
