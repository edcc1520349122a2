import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromHex, toHex } from '../bytes';
import { arbConformance } from '../../test/support/dlms/xdlms/arbitrary';
import { CONFORMANCE_BITS, conformanceFromValue, conformanceValue, decodeConformance, encodeConformance } from './conformance';
import { RECORDED_PROPOSED_CONFORMANCE } from '../../test/vectors/fixtures';
import { decodeErrorOf } from '../../test/support/dlms/xdlms/test-support';

describe('conformance block', () => {
  it('has the 24 named bits of Green Book 9.4.6.1 at their positions', () => {
    expect(CONFORMANCE_BITS.length).to.equal(24);
    const at = (name: (typeof CONFORMANCE_BITS)[number]): number => CONFORMANCE_BITS.indexOf(name);
    expect([at('reserved-zero'), at('general-protection'), at('general-block-transfer'), at('read'), at('write'), at('unconfirmed-write')]).to.deep.equal([
      0, 1, 2, 3, 4, 5,
    ]);
    expect([at('delta-value-encoding'), at('reserved-seven'), at('attribute0-supported-with-set'), at('priority-mgmt-supported')]).to.deep.equal([6, 7, 8, 9]);
    expect([
      at('attribute0-supported-with-get'),
      at('block-transfer-with-get-or-read'),
      at('block-transfer-with-set-or-write'),
      at('block-transfer-with-action'),
    ]).to.deep.equal([10, 11, 12, 13]);
    expect([at('multiple-references'), at('information-report'), at('data-notification'), at('access'), at('parameterized-access')]).to.deep.equal([
      14, 15, 16, 17, 18,
    ]);
    expect([at('get'), at('set'), at('selective-access'), at('event-notification'), at('action')]).to.deep.equal([19, 20, 21, 22, 23]);
  });

  it('decodes the conformance the recorded client proposes (c_hdlc_none.trace line 12: 5F1F 04 00 401E1D)', () => {
    const c = decodeConformance(new ByteReader(fromHex('5F1F0400401E1D')));
    expect(c).to.deep.equal(RECORDED_PROPOSED_CONFORMANCE);
    const w = new ByteWriter();
    encodeConformance(w, c);
    expect(toHex(w.finish())).to.equal('5F1F0400401E1D');
  });

  it('decodes the conformance the recorded meter grants (line 13: 000018 = get, set)', () => {
    expect(decodeConformance(new ByteReader(fromHex('5F1F0400000018')))).to.deep.equal(['get', 'set']);
  });

  it('refuses another tag, length or unused-bit count at the header offset', () => {
    for (const hex of ['5F1E0400000018', '5F1F0300001800', '5F1F0401000018']) {
      const e = decodeErrorOf(() => decodeConformance(new ByteReader(fromHex(hex), 20)));
      expect([e.code, e.offset], hex).to.deep.equal(['XDLMS_BAD_CONFORMANCE', 20]);
    }
  });

  it('round-trips every conformance block, in bit order', () => {
    fc.assert(
      fc.property(arbConformance(), (c) => {
        expect(conformanceFromValue(conformanceValue(c))).to.deep.equal(c);
        const w = new ByteWriter();
        encodeConformance(w, c);
        expect(decodeConformance(new ByteReader(w.finish()))).to.deep.equal(c);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
