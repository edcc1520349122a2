import { expect } from 'chai';
import { findSecretLeaks } from './redact';

const SECRET = new TextEncoder().encode('12345678');

describe('findSecretLeaks', () => {
  it('finds a secret written as hex, spaced hex, text or base64 at any alignment', () => {
    expect(findSecretLeaks('frame 7EA0...3132333435363738...7E', [SECRET]).map((l) => l.form)).to.deep.equal(['hex']);
    expect(findSecretLeaks('31 32 33 34 35 36 37 38', [SECRET]).map((l) => l.form)).to.include('hex-spaced');
    expect(findSecretLeaks('password was 12345678', [SECRET]).map((l) => l.form)).to.deep.equal(['text']);
    for (const prefix of ['', 'x', 'xy']) {
      const b64 = Buffer.from(`${prefix}12345678 and more`).toString('base64');
      expect(
        findSecretLeaks(`attachment ${b64}`, [SECRET]).map((l) => l.form),
        prefix,
      ).to.include('base64');
    }
  });

  it('finds nothing in masked output', () => {
    expect(findSecretLeaks('calling-authentication-value 8 B «secret» 2A2A2A2A2A2A2A2A', [SECRET])).to.deep.equal([]);
  });
});
