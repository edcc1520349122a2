import { expect } from 'chai';
import { Secret, SECRET_MASK } from '../dlms/secret';
import type { DecodedLayer } from '../dlms/trace';
import { maskBytes, maskLayers, maskText } from './redact';

const KEY = new Secret(Uint8Array.of(0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07), 'test:key');
const PASSWORD = Secret.fromText('12345678', 'test:lls');

describe('masking secrets in a trace', () => {
  it('masks a secret in text as hex (either case, spaced or not), base64 and as text', () => {
    for (const form of ['0001020304050607', '00 01 02 03 04 05 06 07', '00 01 02 03 04 05 06 07'.toLowerCase(), 'AAECAwQFBgc=']) {
      expect(maskText(`key ${form} sent`, [KEY]), form).to.equal(`key ${SECRET_MASK} sent`);
    }
    expect(maskText('password 12345678, twice 12345678', [KEY, PASSWORD])).to.equal(`password ${SECRET_MASK}, twice ${SECRET_MASK}`);
  });

  it('leaves text without a secret as it is', () => {
    expect(maskText('get-request normal invoke 1', [KEY, PASSWORD])).to.equal('get-request normal invoke 1');
    expect(maskText('', [KEY])).to.equal('');
  });

  it('masks summaries, field values and decode errors of layers, and gives back the same layers when none held a secret', () => {
    const clean: DecodedLayer[] = [{ layer: 'apdu', summary: 'AARQ', fields: [{ name: 'mechanism', value: 'low' }] }];
    expect(maskLayers(clean, [KEY, PASSWORD])).to.equal(clean);
    const dirty: DecodedLayer[] = [
      ...clean,
      {
        layer: 'apdu',
        summary: 'AARQ password 12345678',
        fields: [
          { name: 'mechanism', value: 'low' },
          { name: 'calling-authentication-value', value: '3132333435363738' },
        ],
        error: { code: 'X', offset: 3, expected: 'nothing', actual: '0001020304050607' },
      },
    ];
    const masked = maskLayers(dirty, [KEY, PASSWORD]);
    expect(masked[0]).to.equal(dirty[0]);
    expect(masked[1]).to.deep.equal({
      layer: 'apdu',
      summary: `AARQ password ${SECRET_MASK}`,
      fields: [
        { name: 'mechanism', value: 'low' },
        { name: 'calling-authentication-value', value: SECRET_MASK },
      ],
      error: { code: 'X', offset: 3, expected: 'nothing', actual: SECRET_MASK },
    });
    expect(dirty[1]!.summary).to.equal('AARQ password 12345678');
  });

  it('masks secret bytes with stars of the same length, in a copy', () => {
    const frame = Uint8Array.of(0xaa, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0xbb);
    const m = maskBytes(frame, [PASSWORD]);
    expect(m.count).to.equal(1);
    expect([...m.bytes]).to.deep.equal([0xaa, ...Array<number>(8).fill(0x2a), 0xbb]);
    expect(frame[1]).to.equal(0x31);
  });
});
