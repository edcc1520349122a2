/**
 * A small, strict XML 1.0 well-formedness checker and parser for the XML we write by hand
 * (reports/junit.ts), so tests read the document back the way a CI system would rather than
 * search it for substrings. It walks the text one character at a time (no regular expressions)
 * and throws an Error naming the offset for anything not well-formed: a character XML forbids,
 * a bare `&` or `<`, an unknown entity, an unquoted or repeated attribute, a mismatched end tag,
 * content after the root. It applies the parser's normalisations (§2.11 line ends, §3.3.3
 * attribute whitespace), so a value that survives the round trip survives a real parser.
 * Not supported (we never write them): DOCTYPE, CDATA sections, comments, processing
 * instructions other than the XML declaration.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own character data, decoded, children's text excluded. */
  readonly text: string;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function isNameChar(ch: string, first: boolean): boolean {
  const c = ch.charCodeAt(0);
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || ch === '_' || ch === ':' || c >= 0xc0;
  return first ? letter : letter || (c >= 0x30 && c <= 0x39) || ch === '-' || ch === '.';
}

export function parseXml(input: string): XmlElement {
  for (let i = 0; i < input.length;) {
    const cp = input.codePointAt(i)!;
    if (!isXmlChar(cp)) throw new Error(`character U+${cp.toString(16).toUpperCase()} at ${i} is not allowed in XML 1.0`);
    i += cp > 0xffff ? 2 : 1;
  }
  // §2.11: a parser hands CR LF and a lone CR on as LF.
  const src = input.split('\r\n').join('\n').split('\r').join('\n');
  let pos = 0;

  const fail = (what: string): never => {
    throw new Error(`${what} at ${pos}`);
  };
  const peek = (s: string): boolean => src.startsWith(s, pos);
  const expectText = (s: string): void => {
    if (!peek(s)) fail(`expected "${s}"`);
    pos += s.length;
  };
  const skipSpace = (): boolean => {
    const start = pos;
    while (pos < src.length && ' \t\n'.includes(src[pos]!)) pos++;
    return pos > start;
  };
  const name = (): string => {
    const start = pos;
    if (pos >= src.length || !isNameChar(src[pos]!, true)) fail('expected a name');
    while (pos < src.length && isNameChar(src[pos]!, false)) pos++;
    return src.slice(start, pos);
  };
  const reference = (): string => {
    expectText('&');
    const end = src.indexOf(';', pos);
    if (end < 0 || end - pos > 10) fail('"&" that starts no reference');
    const body = src.slice(pos, end);
    let out: string;
    if (body.startsWith('#')) {
      const hex = body.startsWith('#x');
      const digits = body.slice(hex ? 2 : 1);
      for (const d of digits) if (!(hex ? '0123456789abcdefABCDEF' : '0123456789').includes(d)) fail(`bad character reference &${body};`);
      const cp = digits.length ? parseInt(digits, hex ? 16 : 10) : -1;
      if (!isXmlChar(cp)) fail(`character reference &${body}; names a character XML 1.0 forbids`);
      out = String.fromCodePoint(cp);
    } else {
      const named = NAMED[body];
      if (named === undefined) fail(`unknown entity &${body};`);
      out = named!;
    }
    pos = end + 1;
    return out;
  };
  const attrValue = (): string => {
    const quote = src[pos];
    if (quote !== '"' && quote !== "'") fail('attribute value not quoted');
    pos++;
    let out = '';
    for (;;) {
      if (pos >= src.length) fail('unterminated attribute value');
      const ch = src[pos]!;
      if (ch === quote) break;
      if (ch === '<') fail('"<" in an attribute value');
      if (ch === '&') out += reference();
      else {
        out += ch === '\t' || ch === '\n' ? ' ' : ch; // §3.3.3: literal whitespace becomes a space
        pos++;
      }
    }
    pos++;
    return out;
  };
  const element = (): XmlElement => {
    expectText('<');
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const spaced = skipSpace();
      if (peek('/>') || peek('>')) break;
      if (!spaced) fail('attributes must be separated by white space');
      const key = name();
      if (Object.hasOwn(attrs, key)) fail(`attribute "${key}" repeated`);
      skipSpace();
      expectText('=');
      skipSpace();
      attrs[key] = attrValue();
    }
    if (peek('/>')) {
      pos += 2;
      return { name: tag, attrs, children: [], text: '' };
    }
    expectText('>');
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= src.length) fail(`element <${tag}> not closed`);
      if (peek('</')) {
        pos += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        skipSpace();
        expectText('>');
        return { name: tag, attrs, children, text };
      }
      if (peek('<!') || peek('<?')) fail('comments, CDATA and processing instructions are not supported');
      if (peek('<')) children.push(element());
      else if (peek('&')) text += reference();
      else if (peek(']]>')) fail('"]]>" in character data');
      else text += src[pos++];
    }
  };

  if (peek('<?xml')) {
    const end = src.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    pos = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (pos !== src.length) fail('content after the root element');
  return root;
}

/** The children named `name`, in order. */
export function childrenNamed(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c) => c.name === name);
}
