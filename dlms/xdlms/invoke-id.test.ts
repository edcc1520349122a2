import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, toHex } from '../bytes';
import { EncodeError } from '../axdr/encode-error';
import {
  decodeInvokeIdAndPriority,
  decodeLongInvokeIdAndPriority,
  encodeInvokeIdAndPriority,
  encodeLongInvokeIdAndPriority,
  invokeIdAndPriorityByte,
  longInvokeIdAndPriorityNumber,
} from './invoke-id';

describe('Invoke-Id-And-Priority', () => {
  it('reads 0xC1 of the recorded GET request as invoke 1, confirmed, high priority', () => {
    expect(decodeInvokeIdAndPriority(new ByteReader(Uint8Array.of(0xc1)))).to.deep.equal({
      invokeId: 1,
      serviceClass: 'confirmed',
      priority: 'high',
      raw: 0xc1,
    });
  });

  it('encodes from the named fields, keeping only the reserved bits of the raw octet', () => {
    expect(invokeIdAndPriorityByte({ invokeId: 5, serviceClass: 'unconfirmed', priority: 'normal' })).to.equal(0x05);
    expect(invokeIdAndPriorityByte({ invokeId: 5, serviceClass: 'confirmed', priority: 'normal', raw: 0xff })).to.equal(0x75);
  });

  it('refuses an invoke-id above 15', () => {
    expect(() => encodeInvokeIdAndPriority(new ByteWriter(), { invokeId: 16, serviceClass: 'confirmed', priority: 'high' })).to.throw(EncodeError);
  });

  it('round-trips every octet exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), (b) => {
        const w = new ByteWriter();
        encodeInvokeIdAndPriority(w, decodeInvokeIdAndPriority(new ByteReader(Uint8Array.of(b))));
        expect(w.finish()).to.deep.equal(Uint8Array.of(b));
      }),
      { seed: 42, numRuns: 256 },
    );
  });
});

describe('Long-Invoke-Id-And-Priority', () => {
  it('splits the 32 bits into invoke-id, self-descriptive, processing option, service class and priority', () => {
    const v = decodeLongInvokeIdAndPriority(new ByteReader(Uint8Array.of(0xf0, 0x00, 0x00, 0x2a)));
    expect(v).to.deep.equal({
      invokeId: 42,
      selfDescriptive: true,
      processingOption: 'break-on-error',
      serviceClass: 'confirmed',
      priority: 'high',
      raw: 0xf000002a,
    });
    expect(longInvokeIdAndPriorityNumber({ ...v, raw: 0 })).to.equal(0xf000002a);
  });

  it('round-trips every value exactly, reserved bits included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        const w = new ByteWriter().u32(n);
        const out = new ByteWriter();
        encodeLongInvokeIdAndPriority(out, decodeLongInvokeIdAndPriority(new ByteReader(w.finish())));
        expect(toHex(out.finish())).to.equal(toHex(w.finish()));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
