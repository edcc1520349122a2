import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromHex, toHex } from '../bytes';
import { readElement } from '../ber';
import { decodeErrorOf } from '../../test/support/dlms/xdlms/test-support';
import { arbAuthenticationValue } from '../../test/support/dlms/acse/arbitrary';
import { authenticationValue, explicitInteger, explicitOctetString } from './fields';

const el = (hex: string) => readElement(new ByteReader(fromHex(hex)));

describe('ACSE field codecs', () => {
  it('reads an EXPLICIT OCTET STRING AP-title (A6 0A 04 08 …, c_wrapper_gmac.trace line 12)', () => {
    expect(toHex(explicitOctetString.decode(el('A60A04084775727578313233')))).to.equal('4775727578313233');
  });

  it('refuses an AP-title that wraps something other than an OCTET STRING', () => {
    expect(decodeErrorOf(() => explicitOctetString.decode(el('A603020101'))).code).to.equal('BER_UNEXPECTED_TAG');
  });

  it('reads an EXPLICIT INTEGER invocation identifier', () => {
    expect(explicitInteger.decode(el('A8040202FF00'))).to.equal(-256);
  });

  it('reads the charstring alternative of Authentication-value and keeps others raw', () => {
    expect(authenticationValue.decode(el('AC0480023132'))).to.deep.equal({ kind: 'charstring', value: fromHex('3132') });
    expect(authenticationValue.decode(el('AC04A2020500'))).to.deep.equal({
      kind: 'other',
      element: { tag: { cls: 'context', constructed: true, number: 2 }, value: fromHex('0500') },
    });
  });

  it('refuses bytes after the Authentication-value inside its wrapper', () => {
    expect(decodeErrorOf(() => authenticationValue.decode(el('AC04 800131 00'))).code).to.equal('TRAILING_BYTES');
  });

  it('round-trips every Authentication-value', () => {
    fc.assert(
      fc.property(arbAuthenticationValue(), (v) => {
        const w = new ByteWriter().u8(0xac);
        w.withLength((c) => authenticationValue.encode(c, v));
        expect(authenticationValue.decode(readElement(new ByteReader(w.finish())))).to.deep.equal(v);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
