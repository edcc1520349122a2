/**
 * XML 1.0 text and attribute escaping for the reports we write by hand (junit.ts). A reason or a
 * trace note can hold anything a DUT sent, so every string goes through here:
 *   - `& < > " '` become entity references (all five everywhere, so one function fits both
 *     text and attributes);
 *   - in attributes, tab, newline and carriage return become character references, or a parser
 *     would normalise them to spaces (XML 1.0 §3.3.3); in text, carriage return does, or it
 *     would be read as a newline (§2.11);
 *   - characters XML 1.0 forbids even as references (C0 controls other than tab/LF/CR, U+FFFE,
 *     U+FFFF, lone surrogates; §2.2 Char) cannot be written at all: they become a visible `\xNN`
 *     (or `\uNNNN`), so the reader still sees that something was there.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const ATTRIBUTE_WHITESPACE: Readonly<Record<string, string>> = { '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const TEXT_WHITESPACE: Readonly<Record<string, string>> = { '\r': '&#13;' };

/** Is the code point allowed in an XML 1.0 document (§2.2 Char)? */
export function isXmlChar(cp: number): boolean {
  if (cp === 0x9 || cp === 0xa || cp === 0xd) return true;
  if (cp >= 0x20 && cp <= 0xd7ff) return true;
  if (cp >= 0xe000 && cp <= 0xfffd) return true;
  return cp >= 0x10000 && cp <= 0x10ffff;
}

function visible(cp: number): string {
  return cp <= 0xff ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What escape() must touch, found by one regex scan rather than a walk of every character (a
 * batch writes a junit.xml of long traces per meter): a proper surrogate pair (matched whole, and
 * kept), the five entity characters, the whitespace of the mode, and what XML forbids.
 */
const SPECIAL_TEXT = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[&<>"'\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;
const SPECIAL_ATTRIBUTE = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[&<>"'\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;

function escape(s: string, attribute: boolean): string {
  const whitespace = attribute ? ATTRIBUTE_WHITESPACE : TEXT_WHITESPACE;
  return s.replace(attribute ? SPECIAL_ATTRIBUTE : SPECIAL_TEXT, (ch) => {
    if (ch.length === 2) return ch;
    const cp = ch.charCodeAt(0);
    if (!isXmlChar(cp)) return visible(cp);
    return ENTITIES[ch] ?? whitespace[ch] ?? ch;
  });
}

/** Character data for an element's content. */
export function xmlText(s: string): string {
  return escape(s, false);
}

/** An attribute value, for use inside double quotes. */
export function xmlAttr(s: string): string {
  return escape(s, true);
}

/** ` name="value"` for each defined attribute, in order. */
export function xmlAttrs(attrs: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${xmlAttr(String(v))}"`;
  return out;
}
