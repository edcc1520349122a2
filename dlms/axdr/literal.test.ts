import { expect } from 'chai';
import { thrownBy } from '../../test/helpers/thrown';
import { dataFromLiteral, LiteralError } from './literal';

const strict = { strict: true } as const;
const suite = { strict: false } as const;

describe('Data literals (plain data to COSEM Data)', () => {
  it('converts integers, 64-bit strings, octet-string sources and nested structures', () => {
    expect(dataFromLiteral({ type: 'long', value: -5 }, strict)).to.deep.equal({ type: 'long', value: -5 });
    expect(dataFromLiteral({ type: 'long64-unsigned', value: '18446744073709551615' }, strict)).to.deep.equal({
      type: 'long64-unsigned',
      value: 2n ** 64n - 1n,
    });
    expect(dataFromLiteral({ type: 'octet-string', fill: { length: 5, hex: '0102' } }, strict)).to.deep.equal({
      type: 'octet-string',
      value: Uint8Array.of(1, 2, 1, 2, 1),
    });
    expect(dataFromLiteral({ type: 'structure', items: [{ type: 'null-data' }, { type: 'octet-string', text: 'A' }] }, strict)).to.deep.equal({
      type: 'structure',
      items: [{ type: 'null-data' }, { type: 'octet-string', value: Uint8Array.of(0x41) }],
    });
  });

  it('reports the path to the offending node', () => {
    const e = thrownBy(LiteralError, () =>
      dataFromLiteral(
        {
          type: 'array',
          items: [
            { type: 'unsigned', value: 1 },
            { type: 'unsigned', value: 256 },
          ],
        },
        strict,
      ),
    );
    expect(e.path).to.deep.equal(['items', 1, 'value']);
    expect(e.message).to.equal('items[1].value: unsigned needs an integer 0..255, got 256');
    expect(thrownBy(LiteralError, () => dataFromLiteral({ type: 'octet-string', hex: '0G' }, strict)).path).to.deep.equal(['hex']);
    expect(thrownBy(LiteralError, () => dataFromLiteral({ type: 'long', value: 1, scaler: 2 }, strict)).path).to.deep.equal(['scaler']);
  });

  it('keeps the lenient suite forms out of strict mode', () => {
    expect(dataFromLiteral({ type: 'visible-string', text: 'AB' }, suite)).to.deep.equal({ type: 'visible-string', value: 'AB' });
    expect(dataFromLiteral({ type: 'array' }, suite)).to.deep.equal({ type: 'array', items: [] });
    expect(dataFromLiteral({ type: 'octet-string', hex: '01', text: 'A' }, suite)).to.deep.equal({ type: 'octet-string', value: Uint8Array.of(1) });
    expect(() => dataFromLiteral({ type: 'visible-string', text: 'AB' }, strict)).to.throw(LiteralError);
    expect(() => dataFromLiteral({ type: 'array' }, strict)).to.throw(LiteralError, /items/);
    expect(() => dataFromLiteral({ type: 'octet-string', hex: '01', text: 'A' }, strict)).to.throw(LiteralError);
    expect(() => dataFromLiteral({ type: 'long64', value: '9223372036854775808' }, strict)).to.throw(LiteralError);
  });

  it('resolves { var } only through the caller', () => {
    const kept = { type: 'unsigned', value: 3 } as const;
    expect(dataFromLiteral({ type: 'array', items: [{ var: 'x' }] }, { strict: false, variable: () => kept })).to.deep.equal({ type: 'array', items: [kept] });
    expect(thrownBy(LiteralError, () => dataFromLiteral({ var: 'x' }, strict)).path).to.deep.equal([]);
  });
});
