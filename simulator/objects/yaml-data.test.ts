import { expect } from 'chai';
import { Cursor, MeterDefinitionError } from '../../config/yaml-cursor';
import { dataFromYaml } from './yaml-data';

function value(text: string) {
  return dataFromYaml(Cursor.parse(text, 'v.yaml'));
}

describe('Data values in a meter definition', () => {
  it('reads typed integers, strings and nested structures', () => {
    expect(value('{ type: long, value: -5 }')).to.deep.equal({ type: 'long', value: -5 });
    expect(value('{ type: visible-string, value: ABC }')).to.deep.equal({ type: 'visible-string', value: 'ABC' });
    expect(value('{ type: long64-unsigned, value: "18446744073709551615" }')).to.deep.equal({ type: 'long64-unsigned', value: 2n ** 64n - 1n });
    expect(value('{ type: structure, items: [{ type: boolean, value: true }, { type: null-data }] }')).to.deep.equal({
      type: 'structure',
      items: [{ type: 'boolean', value: true }, { type: 'null-data' }],
    });
  });

  it('builds octet-strings from hex, text or a repeated pattern', () => {
    expect(value('{ type: octet-string, hex: "0A0b" }')).to.deep.equal({ type: 'octet-string', value: Uint8Array.of(10, 11) });
    expect(value('{ type: octet-string, text: AB }')).to.deep.equal({ type: 'octet-string', value: Uint8Array.of(0x41, 0x42) });
    expect(value('{ type: octet-string, fill: { length: 5, hex: "0102" } }')).to.deep.equal({ type: 'octet-string', value: Uint8Array.of(1, 2, 1, 2, 1) });
  });

  it('locates a value outside its type range, bad hex and an unknown key', () => {
    const fails = (text: string) => expect(() => value(text)).to.throw(MeterDefinitionError);
    fails('{ type: unsigned, value: 256 }');
    fails('{ type: octet-string, hex: "0G" }');
    fails('{ type: octet-string, hex: "01", text: A }');
    fails('{ type: long, value: 1, scaler: 2 }');
    fails('{ type: compact-array }');
  });
});
