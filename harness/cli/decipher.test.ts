import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeCommand } from './decode';
import type { Io } from './io';
import { Readable } from 'node:stream';

const TRACE = path.resolve(__dirname, '../../test/vectors/recordings/c_wrapper_gmac.trace');
const EK = '000102030405060708090A0B0C0D0E0F';
const AK = 'D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF';

async function decode(args: string[], input: string): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (out += t) };
  const code = await decodeCommand(args, io, Readable.from([input]));
  return { code, out };
}

describe('dlmsct decode with keys', () => {
  it('deciphers every protected APDU of c_wrapper_gmac.trace with the keys of its header, learning the system titles', async () => {
    const { out } = await decode(['--ek', EK, '--ak', AK, '--json'], fs.readFileSync(TRACE, 'utf8'));
    const records = JSON.parse(out) as { layers: { layer: string; summary: string }[] }[];
    const protectedOnes = records.filter((r) => r.layers.some((l) => l.layer === 'apdu' && /glo-|ded-|general-/.test(l.summary)));
    // 630 frames; the last, the RLRE, has an ACSE length one byte off in the recording (see
    // test/vectors/wrapper-gmac.test.ts), so its user-information is not reached here.
    expect(protectedOnes.length).to.equal(629);
    const deciphered = protectedOnes.map((r) => r.layers.find((l) => l.layer === 'deciphered-apdu'));
    expect(deciphered.filter((l) => l === undefined || l.summary.startsWith('undecipherable'))).to.deep.equal([]);
    expect(deciphered[0]!.summary).to.match(/^initiate-request dlms 6/);
  });

  it('never prints the keys it was given', async () => {
    const { out } = await decode(['--ek', EK, '--ak', AK], fs.readFileSync(TRACE, 'utf8'));
    for (const k of [EK, AK]) {
      expect(out.toUpperCase()).to.not.contain(k);
      expect(out.toUpperCase()).to.not.contain(k.match(/../g)!.join(' '));
    }
  });

  it('says a tag does not verify with wrong keys, at the deciphered layer', async () => {
    const first = fs
      .readFileSync(TRACE, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('C2S'))!;
    const { out } = await decode(['--ek', EK, '--ak', EK, '--system-title', '4775727578313233'], first);
    expect(out).to.contain('undecipherable: SECURITY_TAG_MISMATCH');
  });

  it('refuses a key that is not hex, without echoing it', async () => {
    try {
      await decode(['--ek', 'not-a-key-zz'], '');
      expect.fail('no error');
    } catch (e) {
      expect(String(e)).to.contain('--ek').and.not.contain('not-a-key-zz');
    }
  });
});
