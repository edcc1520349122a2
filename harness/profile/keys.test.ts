import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isConfigError } from '../../config/error';
import { resolveKeyRef } from './keys';

const place = { file: 'p.yaml', line: 3, col: 7 };

describe('key references in a profile', () => {
  it('read env: and builtin: references as hex text and keep the reference as the source', () => {
    const k = resolveKeyRef('env:EK', { env: { EK: '00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F' }, baseDir: '.' }, place);
    expect(k.length).to.equal(16);
    expect(k.source).to.equal('env:EK');
    const b = resolveKeyRef('builtin:k', { env: {}, baseDir: '.', builtin: () => new TextEncoder().encode('A0A1') }, place);
    expect(b.reveal()).to.deep.equal(Uint8Array.of(0xa0, 0xa1));
  });

  it('take file:*.hex as the bytes the secret resolver made of it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-keys-'));
    fs.writeFileSync(path.join(dir, 'ek.hex'), '000102030405060708090A0B0C0D0E0F\n');
    expect(resolveKeyRef('file:ek.hex', { env: {}, baseDir: dir }, place).length).to.equal(16);
  });

  it('refuse text that is not hex with KEY_NOT_HEX, located, without showing it', () => {
    try {
      resolveKeyRef('env:EK', { env: { EK: 'correct horse' }, baseDir: '.' }, place);
      expect.fail('no error');
    } catch (e) {
      expect(isConfigError(e) && e.code).to.equal('KEY_NOT_HEX');
      expect(String(e)).to.contain('p.yaml:3:7').and.not.contain('horse');
    }
  });
});
