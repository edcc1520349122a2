import { expect } from 'chai';
import { ByteReader, ByteWriter, DecodeError, fromHex, toHex } from '../bytes';
import { tag, UNIVERSAL } from './tag';
import { contentReader, readElement, readExplicit, writeElement, writeRaw } from './tlv';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

const OID = tag('universal', false, UNIVERSAL['object-identifier']);

describe('BER TLV', () => {
  // application-context-name of the AARQ in /work/shared/vectors/recordings/c_hdlc_none.trace line 3
  const contextName = fromHex('A109 06 07 60857405080101');

  it('reads an element with absolute offsets for its identifier and content', () => {
    const el = readElement(new ByteReader(contextName, 20));
    expect(el.tag).to.deep.equal(tag('context', true, 1));
    expect(el.offset).to.equal(20);
    expect(el.valueOffset).to.equal(22);
    expect(contentReader(el).offset).to.equal(22);
  });

  it('unwraps an EXPLICIT tag and checks the inner tag', () => {
    const inner = readExplicit(readElement(new ByteReader(contextName)), OID, 'application-context-name');
    expect(toHex(inner.value)).to.equal('60857405080101');
    expect(inner.valueOffset).to.equal(4);
  });

  it('names the wrong inner tag of an EXPLICIT wrapper', () => {
    const e = decodeErrorOf(() => readExplicit(readElement(new ByteReader(fromHex('A103 020100'))), OID, 'application-context-name'));
    expect(e.code).to.equal('BER_UNEXPECTED_TAG');
    expect(e.offset).to.equal(2);
  });

  it('refuses bytes after the element an EXPLICIT tag wraps', () => {
    const e = decodeErrorOf(() => readExplicit(readElement(new ByteReader(fromHex('A104 060100 00'))), OID, 'x'));
    expect(e.code).to.equal('TRAILING_BYTES');
    expect(e.offset).to.equal(5);
  });

  it('refuses the indefinite length form, which DLMS does not use', () => {
    expect(decodeErrorOf(() => readElement(new ByteReader(fromHex('A180 0000')))).code).to.equal('BAD_LENGTH');
  });

  it('reports content running past the end as TRUNCATED', () => {
    expect(decodeErrorOf(() => readElement(new ByteReader(fromHex('A105 0601')))).code).to.equal('TRUNCATED');
  });

  it('writes nested elements with their lengths, long form included', () => {
    const w = new ByteWriter();
    writeElement(w, tag('context', true, 30), (c) => writeRaw(c, { tag: tag('universal', false, 4), value: new Uint8Array(200) }));
    const bytes = w.finish();
    expect(toHex(bytes.subarray(0, 6))).to.equal('BE81CB0481C8');
    expect(bytes.length).to.equal(206);
  });
});
