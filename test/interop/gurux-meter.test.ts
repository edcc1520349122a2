import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findMeter } from './gurux-meter';

describe('finding the independent meter', () => {
  it('gives the reason, naming ../shared/meters/, where no meter lies beside the repository', () => {
    const saved = process.env.DLMSCT_SHARED_METERS;
    delete process.env.DLMSCT_SHARED_METERS;
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-repo-'));
    try {
      const found = findMeter(path.join(root, 'repo'));
      expect(found).to.have.property('absent').that.contains('../shared/meters/ is absent');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      if (saved !== undefined) process.env.DLMSCT_SHARED_METERS = saved;
    }
  });

  it('takes the meter from beside the repository when its start.sh is there', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-repo-'));
    try {
      fs.mkdirSync(path.join(root, 'shared/meters/gurux-cpp'), { recursive: true });
      fs.writeFileSync(path.join(root, 'shared/meters/gurux-cpp/start.sh'), '');
      expect(findMeter(path.join(root, 'repo'))).to.deep.equal({ dir: path.join(root, 'shared/meters/gurux-cpp') });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
