import { expect } from 'chai';
import { EncodeError } from '../axdr/encode-error';
import { enumTable, nameText } from './named';

describe('named enumerations', () => {
  const table = enumTable({ success: 0, 'object-undefined': 4, 'other-reason': 250 });

  it('reads a value as its name from the spec table', () => {
    expect(table.name(4)).to.equal('object-undefined');
    expect(table.value('other-reason')).to.equal(250);
  });

  it('keeps a value the table does not name as the number, so it re-encodes unchanged', () => {
    expect(table.name(7)).to.equal(7);
    expect(table.value(7)).to.equal(7);
    expect(nameText(table.name(7))).to.equal('unknown(7)');
  });

  it('refuses to encode a name the table does not have (names can come from YAML)', () => {
    expect(() => table.value('nonsense' as 'success')).to.throw(EncodeError);
    expect(table.has('nonsense')).to.equal(false);
    expect(table.has('success')).to.equal(true);
  });
});
