import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../dlms/bytes/hex';
import type { TraceRecord } from '../dlms/trace';
import { escapeXml, frameLabel, renderTimelineSvg } from './timeline-svg';

/**
 * XML well-formedness for what the renderer writes (no CDATA, comments or DTD): every tag closes
 * in order, attributes are quoted, and text holds no raw `<` and no `&` outside a known entity.
 * Returns the element names in document order.
 */
function wellFormed(xml: string): string[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: string[] = [];
  const names: string[] = [];
  let at = 0;
  for (let m = token.exec(body); m !== null; m = token.exec(body)) {
    at = token.lastIndex;
    const [, close, name, attrs, selfClose, text] = m;
    const checkEntities = (s: string): void => {
      for (const e of s.matchAll(/&([^;\s]*);?/g)) expect(['amp', 'lt', 'gt', 'quot', 'apos']).to.include(e[1], `entity in ${JSON.stringify(s.slice(0, 80))}`);
    };
    if (text !== undefined) {
      checkEntities(text);
      continue;
    }
    checkEntities(attrs ?? '');
    if (close) expect(stack.pop(), `closing </${name}>`).to.equal(name);
    else {
      names.push(name!);
      if (!selfClose) stack.push(name!);
    }
  }
  expect(at, `parsed up to ${JSON.stringify(body.slice(at, at + 60))}`).to.equal(body.length);
  expect(stack, 'unclosed elements').to.deep.equal([]);
  expect(names[0]).to.equal('svg');
  return names;
}

const count = (svg: string, re: RegExp): number => svg.match(re)?.length ?? 0;

const frame = (at: number, dir: 'tx' | 'rx', hdlc: string, apdu?: string, note?: string): TraceRecord => ({
  at,
  dir,
  bytes: fromHex('7EA0070321930F017E'),
  layers: [{ layer: 'hdlc', summary: hdlc }, ...(apdu === undefined ? [] : [{ layer: 'apdu', summary: apdu }])],
  ...(note === undefined ? {} : { note }),
});
const event = (at: number, note: string): TraceRecord => ({ at, dir: 'event', layers: [], note });

const SESSION: TraceRecord[] = [
  event(0.3, 'connected: simulator memory #1'),
  frame(2.7, 'tx', 'SNRM P/F=1'),
  frame(5.0, 'rx', 'UA P/F=1 15 B'),
  frame(7.5, 'tx', 'I N(S)=0 N(R)=0 P/F=1 34 B', 'AARQ logical-name'),
  frame(9.4, 'rx', 'I N(S)=0 N(R)=1 P/F=1 46 B', 'AARE accepted (acse-service-user null)'),
  frame(10.4, 'tx', 'I N(S)=1 N(R)=1 P/F=1 16 B', 'get-request normal invoke 1 class 1 0-0:42.0.0.255 attr 2'),
  event(2010.4, 'no answer within 2000 ms: the link is given up'),
];

/** Characters that break XML when written raw, mixed with ordinary ones (cheaper to generate than 'binary'). */
const MARKUP_UNITS = fc.constantFrom('<', '>', '&', '"', "'", ';', '#', 'a', 'Z', ' ', '\u0000', '\u001F', 'é', '😀', '\uD800', '\uDC00');

describe('renderTimelineSvg', () => {
  it('is well-formed XML with an svg root', () => {
    wellFormed(renderTimelineSvg(SESSION, { title: 'HDLC-X1 a title' }));
  });

  it('draws exactly one arrow per frame, tx and rx told apart, and one note per event', () => {
    const svg = renderTimelineSvg(SESSION);
    expect(count(svg, /<g class="arrow /g)).to.equal(5);
    expect(count(svg, /<g class="arrow tx/g)).to.equal(3);
    expect(count(svg, /<g class="arrow rx/g)).to.equal(2);
    expect(count(svg, /<line x1="[^"]*" y1="[^"]*" x2="[^"]*" y2="[^"]*" marker-end=/g)).to.equal(5);
    expect(count(svg, /<g class="note/g)).to.equal(2);
  });

  it('labels an arrow with the frame and the APDU it carries, and shows each time on the left', () => {
    const svg = renderTimelineSvg(SESSION);
    expect(svg).to.include('I N(S)=1 N(R)=1 P/F=1 16 B | get-request normal invoke 1 class 1 0-0:42.0.0.255 attr 2');
    expect(svg).to.include('>10.400</text>');
    expect(svg).to.include('>2010.400</text>');
  });

  it('marks the steps as headings, and a timeout but not a step named after silence', () => {
    const svg = renderTimelineSvg([event(1, 'step 2: expect.silence'), event(1101, 'no frame within 1100 ms')]);
    expect(count(svg, /<g class="note step">/g)).to.equal(1);
    expect(count(svg, /<g class="note timeout">/g)).to.equal(1);
  });

  it('marks a timeout event and a gap in the traffic visibly', () => {
    const svg = renderTimelineSvg(SESSION);
    expect(count(svg, /<g class="note timeout">/g)).to.equal(1);
    expect(svg).to.include('<g class="silence">');
    expect(svg).to.include('2,000 ms without traffic');
    expect(renderTimelineSvg(SESSION, { silenceMs: 5000 })).not.to.include('without traffic');
  });

  it('escapes markup in every text it writes, the title and tooltips included', () => {
    const nasty = `<script>alert("x")</script> & 'quotes'`;
    const svg = renderTimelineSvg([frame(1, 'rx', 'I', nasty, nasty), event(2, nasty)], { title: nasty });
    wellFormed(svg);
    expect(svg).not.to.include('<script>');
    expect(svg).to.include('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos;');
  });

  it('draws a frame that did not decode, or that the framer discarded, in the error style', () => {
    const bad: TraceRecord = {
      at: 1,
      dir: 'rx',
      bytes: Uint8Array.of(0x7e, 0x7e),
      layers: [{ layer: 'hdlc', summary: 'undecodable frame', error: { code: 'HDLC_BAD_FCS', offset: 3, expected: 'x', actual: 'y' } }],
    };
    const junk: TraceRecord = { at: 2, dir: 'rx', bytes: Uint8Array.of(1), layers: [], note: 'discarded by the framer (garbage)' };
    const svg = renderTimelineSvg([bad, junk]);
    expect(count(svg, /<g class="arrow rx bad/g)).to.equal(2);
    expect(svg).to.include('!! HDLC_BAD_FCS at byte 3');
    expect(svg).to.include('<g class="arrow rx bad discarded">');
  });

  it('cuts a long label and keeps the whole text in its tooltip', () => {
    const long = `get-response normal invoke 1 → octet-string ${'AB'.repeat(200)}`;
    const svg = renderTimelineSvg([frame(1, 'rx', 'I', long)]);
    expect(svg).to.match(/<text x="\d+" y="\d+">[^<]{100,118}…<\/text>/);
    expect(svg).to.include(`<title>1.000 ms rx 9 B: I | ${long}</title>`);
  });

  it('draws at most maxRecords records and counts the rest', () => {
    const many = Array.from({ length: 30 }, (_, i) => frame(i, i % 2 ? 'rx' : 'tx', 'RR'));
    const svg = renderTimelineSvg(many, { maxRecords: 10 });
    expect(count(svg, /<g class="arrow /g)).to.equal(10);
    expect(svg).to.include('… 20 more record(s)');
  });

  it('renders an empty trace as a valid picture that says so', () => {
    const svg = renderTimelineSvg([]);
    wellFormed(svg);
    expect(svg).to.include('(no traffic)');
  });

  it('stays well-formed for any labels and notes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: MARKUP_UNITS, maxLength: 40 }), fc.constantFrom<'tx' | 'rx' | 'event'>('tx', 'rx', 'event')), { maxLength: 8 }),
        (items) => {
          const trace = items.map(([s, dir], i) => (dir === 'event' ? event(i, s) : frame(i, dir, s, s, s)));
          const names = wellFormed(renderTimelineSvg(trace, { title: items[0]?.[0] ?? '' }));
          expect(names.filter((n) => n === 'marker')).to.have.length(3);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe('frameLabel', () => {
  it('joins the HDLC frame with the APDU, skips the wrapper header, and adds the note', () => {
    expect(frameLabel(frame(1, 'tx', 'I N(S)=0', 'AARQ', 'retransmission'))).to.equal('I N(S)=0 | AARQ | (retransmission)');
    const w: TraceRecord = {
      at: 1,
      dir: 'tx',
      bytes: Uint8Array.of(0),
      layers: [
        { layer: 'wrapper', summary: 'wrapper 16 → 1' },
        { layer: 'apdu', summary: 'RLRQ' },
      ],
    };
    expect(frameLabel(w)).to.equal('RLRQ');
    expect(frameLabel({ at: 1, dir: 'rx', bytes: Uint8Array.of(1, 2), layers: [] })).to.equal('2 B undecoded');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials and replaces characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).to.equal('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001Fc\uD800d')).to.equal('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeXml('tab\tand\nnewline 😀')).to.equal('tab\tand\nnewline 😀');
  });
});
