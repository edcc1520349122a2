import { expect } from 'chai';
import { ConfigError } from '../../config/error';
import { parseCsv } from './csv';

const texts = (rows: ReturnType<typeof parseCsv>) => rows.map((r) => r.map((c) => c.text));

describe('parseCsv', () => {
  it('reads rows and cells with the place of each cell, skipping blank and comment lines', () => {
    const rows = parseCsv('\uFEFFid,host\n# a comment\n\nm1, 10.0.0.1 \r\nm2,10.0.0.2', 'd.csv');
    expect(texts(rows)).to.deep.equal([
      ['id', 'host'],
      ['m1', '10.0.0.1'],
      ['m2', '10.0.0.2'],
    ]);
    expect(rows[1]!.map((c) => [c.line, c.col])).to.deep.equal([
      [4, 1],
      [4, 4],
    ]);
    expect(rows[2]![1]).to.deep.equal({ text: '10.0.0.2', line: 5, col: 4 });
  });

  it('reads quoted cells with separators, doubled quotes and line breaks, keeping later places right', () => {
    const rows = parseCsv('id,label\n"m,1","say ""hi""\nthere"\nm2,x\n', 'd.csv');
    expect(texts(rows)).to.deep.equal([
      ['id', 'label'],
      ['m,1', 'say "hi"\nthere'],
      ['m2', 'x'],
    ]);
    expect(rows[2]![1]).to.deep.equal({ text: 'x', line: 4, col: 4 });
  });

  it('takes semicolons as the separator when the header has no commas', () => {
    expect(texts(parseCsv('id;port\nm1;4059\n', 'd.csv'))).to.deep.equal([
      ['id', 'port'],
      ['m1', '4059'],
    ]);
  });

  it('locates an unclosed quote and a stray quote', () => {
    const unclosed = (() => {
      try {
        parseCsv('id\n"m1\n', 'd.csv');
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('no error');
    })();
    expect([unclosed.code, unclosed.line, unclosed.col]).to.deep.equal(['CSV_SYNTAX', 2, 1]);
    expect(() => parseCsv('id\nm"1\n', 'd.csv')).to.throw(ConfigError, 'd.csv:2:2: CSV_SYNTAX');
    expect(() => parseCsv('id,x\n"m1"x,y\n', 'd.csv')).to.throw(ConfigError, 'd.csv:2:1: CSV_SYNTAX'); // the field whose closing quote is followed by text
  });
});
