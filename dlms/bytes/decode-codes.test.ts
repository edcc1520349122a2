import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DECODE_ERROR_CODES } from './decode-codes';

const ROOT = path.resolve(__dirname, '../..');
/** Where a DecodeError or a malformed outcome is raised. */
const RAISING_DIRS = ['dlms', 'client', 'drivers'];
/** A code as a string literal: the prefixes of the decoding areas, and the byte cursors' own three. */
const CODE_LITERAL =
  /'((?:ACSE|AXDR|BER|HDLC|HEX|HLS|KEY_AGREEMENT|LINK|LLC|OBIS|PDU|SECURITY|SELECTIVE_ACCESS|WRAPPER|XDLMS|TYPE_SPEC)_[A-Z0-9_]+|TRUNCATED|BAD_LENGTH|TRAILING_BYTES)'/g;
/** Encoders name their own failures (EncodeError): not codes of a received answer. */
const ENCODE_ERROR = /EncodeError\(\s*'[A-Z0-9_]+'/g;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && p !== __filename.replace(/\.test\.ts$/, '.ts') ? [p] : [];
  });
}

describe('the closed list of decode error codes', () => {
  it('is exactly the codes the decoders of dlms/, the client and the drivers raise', () => {
    const raised = new Set<string>();
    for (const file of RAISING_DIRS.flatMap((d) => sources(path.join(ROOT, d)))) {
      for (const m of fs.readFileSync(file, 'utf8').replace(ENCODE_ERROR, '').matchAll(CODE_LITERAL)) raised.add(m[1]!);
    }
    expect([...DECODE_ERROR_CODES].sort()).to.deep.equal([...raised].sort());
  });

  it('has no duplicate', () => {
    expect(new Set(DECODE_ERROR_CODES).size).to.equal(DECODE_ERROR_CODES.length);
  });
});
