import { expect } from 'chai';
import fc from 'fast-check';
import { Iec21Error } from './iec21-error';
import { BAUD_RATES, baudCharacterOf, encodeIdentification, parseIdentification, scanIdentification, type Identification } from './iec21-identification';
import { thrownBy } from '../test/helpers/thrown';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

// The identification an Iskraemeco MT382 sends, as quoted in public meter documentation:
//   2F          '/'            start character
//   49 53 6B    'ISk'          manufacturer; lower-case 'k': 20 ms reaction time
//   35          '5'            Z: 9600 baud
//   5C 32       '\2'           enhanced identification: binary mode (HDLC) available
//   4D..30      'MT382-1000'   identification
//   0D 0A       CR LF
const mt382Bytes = Uint8Array.from([0x2f, 0x49, 0x53, 0x6b, 0x35, 0x5c, 0x32, 0x4d, 0x54, 0x33, 0x38, 0x32, 0x2d, 0x31, 0x30, 0x30, 0x30, 0x0d, 0x0a]);
const mt382: Identification = {
  manufacturer: 'ISk',
  fastReaction: true,
  baudCharacter: '5',
  baudRate: 9600,
  enhanced: ['2'],
  hdlc: true,
  ident: 'MT382-1000',
};

describe('IEC 62056-21 identification message', () => {
  it('decodes a mode E identification field by field', () => {
    expect(parseIdentification(mt382Bytes)).to.deep.equal(mt382);
  });

  it('encodes the same identification back to the same bytes', () => {
    expect(encodeIdentification(mt382)).to.deep.equal(mt382Bytes);
  });

  it('maps every mode C/E baud rate character 0..6 to 300..19200 baud', () => {
    const rates = ['0', '1', '2', '3', '4', '5', '6'].map((z) => parseIdentification(ascii(`/ABC${z}\\2X\r\n`)).baudRate);
    expect(rates).to.deep.equal([300, 600, 1200, 2400, 4800, 9600, 19200]);
    expect(BAUD_RATES.map(baudCharacterOf)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('reads an upper-case third letter as the standard 200 ms reaction time', () => {
    expect(parseIdentification(ascii('/ABC5\\2X\r\n')).fastReaction).to.equal(false);
  });

  it('keeps every enhanced identification sequence and marks HDLC only for \\2', () => {
    const id = parseIdentification(ascii('/ABC5\\3\\2METER\r\n'));
    expect(id.enhanced).to.deep.equal(['3', '2']);
    expect(id.hdlc).to.equal(true);
    const plain = parseIdentification(ascii('/ABC5METER\r\n'));
    expect(plain.enhanced).to.deep.equal([]);
    expect(plain.hdlc).to.equal(false);
    expect(plain.ident).to.equal('METER');
  });

  it('accepts an identification of exactly 16 characters', () => {
    expect(parseIdentification(ascii('/ABC5\\21234567890ABCDEF\r\n')).ident).to.have.length(16);
  });

  const negatives: readonly [string, string, string, number][] = [
    ['a line not starting with /', 'ABC5\\2X\r\n', 'IEC21_IDENT_NO_START', 0],
    ['a digit in the manufacturer', '/A1C5\\2X\r\n', 'IEC21_IDENT_BAD_MANUFACTURER', 2],
    ['a lower-case first letter', '/aBC5\\2X\r\n', 'IEC21_IDENT_BAD_MANUFACTURER', 1],
    ['a mode B baud rate character', '/ABCE\\2X\r\n', 'IEC21_IDENT_BAD_BAUD_CHARACTER', 4],
    ['baud rate character 7', '/ABC7\\2X\r\n', 'IEC21_IDENT_BAD_BAUD_CHARACTER', 4],
    ['an escape without a digit', '/ABC5\\XY\r\n', 'IEC21_IDENT_BAD_ESCAPE', 6],
    ['a ! inside the identification', '/ABC5\\2X!Y\r\n', 'IEC21_IDENT_BAD_CHARACTER', 8],
    ['a control character inside the identification', '/ABC5\\2X\x01\r\n', 'IEC21_IDENT_BAD_CHARACTER', 8],
    ['17 identification characters', '/ABC5\\21234567890ABCDEFG\r\n', 'IEC21_IDENT_TOO_LONG', 23],
    ['a LF without CR', '/ABC5\\2X\n', 'IEC21_IDENT_BAD_END', 8],
    ['a CR followed by something else', '/ABC5\\2X\rZ', 'IEC21_IDENT_BAD_END', 9],
    ['a message cut short', '/ABC5\\2X', 'IEC21_IDENT_TRUNCATED', 8],
    ['bytes after CR LF', '/ABC5\\2X\r\nQQ', 'IEC21_IDENT_TRAILING_BYTES', 10],
  ];
  for (const [what, text, code, offset] of negatives) {
    it(`rejects ${what} with ${code} at byte ${offset}`, () => {
      const e = thrownBy(Iec21Error, () => parseIdentification(ascii(text)));
      expect([e.code, e.offset]).to.deep.equal([code, offset]);
    });
  }

  it('names the mode B character and the byte it got in the error', () => {
    const e = thrownBy(Iec21Error, () => parseIdentification(ascii('/ABCE\\2X\r\n')));
    expect(e.actual).to.contain("'E' (0x45)").and.contain('mode B');
  });

  it('rejects a wrong byte as soon as it arrives, before the message ends', () => {
    const e = thrownBy(Iec21Error, () => scanIdentification(ascii('/AB#')));
    expect([e.code, e.offset]).to.deep.equal(['IEC21_IDENT_BAD_MANUFACTURER', 3]);
  });

  it('reports every proper prefix of a valid message as incomplete', () => {
    for (let n = 0; n < mt382Bytes.length; n++) expect(scanIdentification(mt382Bytes.subarray(0, n)).kind).to.equal('incomplete');
  });

  const identArb = fc.record({
    manufacturer: fc
      .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'ABCXYZabcxyz'))
      .map((t) => t.join('')),
    baudCharacter: fc.constantFrom('0', '1', '2', '3', '4', '5', '6'),
    enhanced: fc.array(fc.constantFrom('0', '1', '2', '3', '9'), { maxLength: 3 }),
    // Printable, not '/' or '!', and not starting with '\' (that would read as one more escape).
    ident: fc
      .string({
        unit: fc
          .integer({ min: 0x20, max: 0x7e })
          .filter((c) => c !== 0x2f && c !== 0x21)
          .map((c) => String.fromCharCode(c)),
        maxLength: 16,
      })
      .filter((s) => !s.startsWith('\\')),
  });

  it('round-trips any valid identification (property)', () => {
    fc.assert(
      fc.property(identArb, (id) => {
        const back = parseIdentification(encodeIdentification(id));
        expect(back).to.deep.include(id);
        expect(back.baudRate).to.equal(BAUD_RATES[Number(id.baudCharacter)]);
        expect(back.hdlc).to.equal(id.enhanced.includes('2'));
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('never throws anything but an Iec21Error on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        try {
          parseIdentification(bytes);
        } catch (e) {
          expect(e).to.be.instanceOf(Iec21Error);
          expect((e as Iec21Error).offset).to.be.within(0, bytes.length);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
