import { expect } from 'chai';
import type { Data } from '../../dlms/axdr/data';
import { rowAttachments, rowsCsv, rowsSvg } from './buffer-report';

const row = (t: string, v: number): Data => ({
  type: 'structure',
  items: [
    { type: 'visible-string', value: t },
    { type: 'double-long-unsigned', value: v },
  ],
});

describe('the rows of a selective read, for the report', () => {
  it('makes a CSV table, one line per row, quoting what needs it', () => {
    expect(rowsCsv(['time', 'energy'], [row('a,b', 1), row('c', 2)])).to.equal('row,time,energy\n1,"a,b",1\n2,c,2\n');
  });

  it('draws each numeric column as a line, and says so when there is none', () => {
    const svg = rowsSvg('load profile', ['time', 'energy'], [row('a', 1), row('b', 3)]);
    expect(svg).to.match(/^<svg /);
    expect((svg.match(/<polyline/g) ?? []).length).to.equal(1);
    expect(svg).to.contain('energy (1..3)');
    expect(rowsSvg('empty', [], [])).to.contain('no numeric column to draw');
  });

  it('gives a table and a chart', () => {
    expect(rowAttachments('x', ['a'], []).map((a) => a.contentType)).to.deep.equal(['text/csv', 'image/svg+xml']);
  });
});
