import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileCounterStore, memoryCounterStore } from './counters';

describe('invocation counter stores', () => {
  it('keep only the highest counter used per key', () => {
    const s = memoryCounterStore();
    s.used('meter|A', 5);
    s.used('meter|A', 3);
    expect(s.last('meter|A')).to.equal(5);
    expect(s.last('meter|B')).to.equal(undefined);
  });

  it('persist between runs in a file that holds counters only, merging what another run wrote', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-counters-')), '.dlmsct', 'counters.json');
    const first = fileCounterStore(file);
    first.used('meter|A', 10);
    first.flush();
    const other = fileCounterStore(file);
    other.used('meter|B', 7);
    first.used('meter|A', 11);
    first.flush();
    other.flush();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).to.deep.equal({ 'meter|A': 11, 'meter|B': 7 });
    expect(fileCounterStore(file).last('meter|A')).to.equal(11);
  });

  it('start from nothing when the file is absent or unreadable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-counters-'));
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ not json');
    expect(fileCounterStore(path.join(dir, 'bad.json')).last('x')).to.equal(undefined);
    expect(fileCounterStore(path.join(dir, 'absent.json')).last('x')).to.equal(undefined);
  });
});
