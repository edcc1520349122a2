import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, DecodeError, fromHex, toHex } from '../bytes';
import { formatTag, readTag, tag, writeTag, type BerTag } from './tag';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

const hexOf = (t: BerTag): string => {
  const w = new ByteWriter();
  writeTag(w, t);
  return toHex(w.finish());
};

describe('BER tags', () => {
  it('reads the ACSE tags of an AARQ (Green Book 9.4.2.2) both ways', () => {
    const cases: [string, BerTag][] = [
      ['60', tag('application', true, 0)], // AARQ
      ['A1', tag('context', true, 1)], // application-context-name
      ['8A', tag('context', false, 10)], // sender-acse-requirements
      ['BE', tag('context', true, 30)], // user-information
      ['06', tag('universal', false, 6)], // OBJECT IDENTIFIER
      ['5F1F', tag('application', false, 31)], // Conformance, the high-tag-number form
    ];
    for (const [hex, t] of cases) {
      expect(readTag(new ByteReader(fromHex(hex))), hex).to.deep.equal(t);
      expect(hexOf(t)).to.equal(hex);
    }
  });

  it('writes multi-octet tag numbers base 128 with continuation bits', () => {
    expect(hexOf(tag('context', false, 200))).to.equal('9F8148');
  });

  it('refuses a high-tag-number form for a number that fits one octet', () => {
    const e = decodeErrorOf(() => readTag(new ByteReader(fromHex('5F05'), 7)));
    expect(e.code).to.equal('BER_BAD_TAG');
    expect(e.offset).to.equal(7);
  });

  it('refuses a tag number with a leading 0x80 octet', () => {
    expect(decodeErrorOf(() => readTag(new ByteReader(fromHex('9F8040')))).code).to.equal('BER_BAD_TAG');
  });

  it('reports a tag number cut short as TRUNCATED', () => {
    expect(decodeErrorOf(() => readTag(new ByteReader(fromHex('9F81')))).code).to.equal('TRUNCATED');
  });

  it('formats tags in X.680 notation', () => {
    expect(formatTag(tag('application', true, 1))).to.equal('[APPLICATION 1] constructed');
    expect(formatTag(tag('context', false, 0))).to.equal('[0]');
  });

  it('round-trips every tag', () => {
    const arbTag = fc.record({
      cls: fc.constantFrom('universal' as const, 'application' as const, 'context' as const, 'private' as const),
      constructed: fc.boolean(),
      number: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 31, max: 0x0fffffff })),
    });
    fc.assert(
      fc.property(arbTag, (t) => {
        const w = new ByteWriter();
        writeTag(w, t);
        const r = new ByteReader(w.finish());
        expect(readTag(r)).to.deep.equal(t);
        expect(r.done).to.equal(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
