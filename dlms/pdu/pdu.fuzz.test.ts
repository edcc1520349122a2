import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, DecodeError } from '../bytes';
import { decodeApduBytes, encodeApduBytes } from '../xdlms/apdu';
import { arbApdu } from '../../test/support/dlms/xdlms/arbitrary';
import { recordedApdus } from '../../test/support/dlms/xdlms/test-support';
import { decodeAare } from '../acse/aare';
import { decodeAarq } from '../acse/aarq';
import { arbAcse } from '../../test/support/dlms/acse/arbitrary';
import { decodeAcseBytes, decodePduBytes, encodeAcseBytes } from './pdu';
import { decodeRlre, decodeRlrq } from '../acse/release';

/**
 * Hostile input: random and mutated APDUs through every entry point. The only acceptable
 * failure is a DecodeError with an offset inside (or just past) the input: never another
 * exception, never a hang. Fixed seed, 20,000 inputs in all.
 */
const RUNS = 5000;

/** Real APDUs from the recordings plus generated ones, to mutate. */
const seeds: Uint8Array[] = [
  ...recordedApdus('c_hdlc_none.trace')
    .slice(0, 60)
    .map((a) => a.bytes),
  ...recordedApdus('c_wrapper_gmac.trace')
    .slice(0, 20)
    .map((a) => a.bytes),
];

type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'set'; readonly at: number; readonly value: number }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
);

function mutate(input: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let b = input.slice();
  for (const m of ms) {
    if (b.length === 0) break;
    const at = m.at % b.length;
    switch (m.kind) {
      case 'flip':
        b[at] = (b[at] as number) ^ (1 << m.bit);
        break;
      case 'set':
        b[at] = m.value;
        break;
      case 'cut':
        b = b.slice(0, at);
        break;
      case 'insert': {
        const out = new Uint8Array(b.length + m.bytes.length);
        out.set(b.subarray(0, at));
        out.set(m.bytes, at);
        out.set(b.subarray(at), at + m.bytes.length);
        b = out;
        break;
      }
    }
  }
  return b;
}

function onlyDecodeErrors(bytes: Uint8Array, decode: (b: Uint8Array) => unknown): void {
  try {
    decode(bytes);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    expect(e.offset).to.be.within(0, bytes.length + 1);
    expect(e.code).to.match(/^[A-Z][A-Z0-9_]*$/);
  }
}

const entryPoints: readonly ((b: Uint8Array) => unknown)[] = [
  (b) => decodeApduBytes(b),
  (b) => decodePduBytes(b),
  (b) => decodeAcseBytes(b),
  (b) => decodeAarq(new ByteReader(b)),
  (b) => decodeAare(new ByteReader(b)),
  (b) => decodeRlrq(new ByteReader(b)),
  (b) => decodeRlre(new ByteReader(b)),
];

function allEntryPoints(b: Uint8Array): void {
  for (const decode of entryPoints) onlyDecodeErrors(b, decode);
}

describe('APDU and ACSE decoders under hostile input', () => {
  it('fail only with DecodeError on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), allEntryPoints), { seed: 7, numRuns: RUNS });
  });

  it('fail only with DecodeError on mutated recorded APDUs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, ms) => allEntryPoints(mutate(seed, ms))),
      { seed: 8, numRuns: RUNS },
    );
  });

  it('fail only with DecodeError on mutated generated xDLMS APDUs', () => {
    fc.assert(
      fc.property(arbApdu(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (apdu, ms) => allEntryPoints(mutate(encodeApduBytes(apdu), ms))),
      { seed: 9, numRuns: RUNS },
    );
  });

  it('fail only with DecodeError on mutated generated ACSE APDUs', () => {
    fc.assert(
      fc.property(arbAcse(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (acse, ms) => allEntryPoints(mutate(encodeAcseBytes(acse), ms))),
      { seed: 10, numRuns: RUNS },
    );
  });
});
