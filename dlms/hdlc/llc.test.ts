import { expect } from 'chai';
import { DecodeError } from '../bytes/decode-error';
import { fromHex, toHex } from '../bytes/hex';
import { addLlc, stripLlc } from './llc';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('LLC header', () => {
  it('prefixes requests with E6 E6 00 and responses with E6 E7 00 (c_hdlc_none.trace lines 12 and 13)', () => {
    expect(toHex(addLlc('request', fromHex('601D')))).to.equal('E6E600601D');
    expect(toHex(addLlc('response', fromHex('6129')))).to.equal('E6E7006129');
  });

  it('strips the header and says which kind it was', () => {
    const p = stripLlc(fromHex('E6E700C401C100'), 'response');
    expect(p.kind).to.equal('response');
    expect(toHex(p.apdu)).to.equal('C401C100');
    expect(stripLlc(fromHex('E6E600C0')).kind).to.equal('request');
  });

  it('refuses a truncated header', () => {
    expect(decodeErrorOf(() => stripLlc(fromHex('E6E6'))).code).to.equal('LLC_TRUNCATED');
  });

  it('refuses a wrong destination or source LSAP or a non-zero quality, each at its byte', () => {
    const d = decodeErrorOf(() => stripLlc(fromHex('E7E600C0'), undefined, 8));
    expect([d.code, d.offset]).to.deep.equal(['LLC_BAD_DESTINATION_LSAP', 8]);
    const s = decodeErrorOf(() => stripLlc(fromHex('E6E400C0'), undefined, 8));
    expect([s.code, s.offset]).to.deep.equal(['LLC_BAD_SOURCE_LSAP', 9]);
    const q = decodeErrorOf(() => stripLlc(fromHex('E6E601C0'), undefined, 8));
    expect([q.code, q.offset]).to.deep.equal(['LLC_BAD_QUALITY', 10]);
  });

  it('refuses a request where a response is expected', () => {
    expect(decodeErrorOf(() => stripLlc(fromHex('E6E600C0'), 'response')).code).to.equal('LLC_WRONG_DIRECTION');
  });
});
