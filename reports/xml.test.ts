import { expect } from 'chai';
import { isXmlChar, xmlAttr, xmlAttrs, xmlText } from './xml';

describe('xml escaping', () => {
  it('escapes the five markup characters in text and attributes alike', () => {
    expect(xmlText(`<a> & "b" 'c'`)).to.equal('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;');
    expect(xmlAttr(`<a> & "b" 'c'`)).to.equal('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;');
  });

  it('keeps tab and newline literal in text but writes them as references in attributes, and carriage return as a reference in both', () => {
    expect(xmlText('a\tb\nc\rd')).to.equal('a\tb\nc&#13;d');
    expect(xmlAttr('a\tb\nc\rd')).to.equal('a&#9;b&#10;c&#13;d');
  });

  it('replaces characters XML 1.0 forbids with a visible escape, and keeps astral characters whole', () => {
    expect(xmlText('\u0000\u0008\u000b\u001f\udfff\ud800\ufffe\uffff')).to.equal('\\x00\\x08\\x0B\\x1F\\uDFFF\\uD800\\uFFFE\\uFFFF');
    expect(xmlText('\u{1F600}\u00e9\u007f')).to.equal('\u{1F600}\u00e9\u007f');
  });

  it('knows the XML 1.0 Char production', () => {
    expect([0x9, 0xa, 0xd, 0x20, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x10ffff].every(isXmlChar)).to.equal(true);
    expect([0x0, 0x8, 0xb, 0xc, 0x1f, 0xd800, 0xdfff, 0xfffe, 0xffff, 0x110000].some(isXmlChar)).to.equal(false);
  });

  it('writes defined attributes in order and leaves out undefined ones', () => {
    expect(xmlAttrs({ a: 'x"y', b: undefined, c: 3 })).to.equal(' a="x&quot;y" c="3"');
  });
});
