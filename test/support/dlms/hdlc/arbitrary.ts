/**
 * fast-check arbitraries for HDLC values: addresses, frames, parameter lists. Only tests import
 * this file (fast-check is a dev dependency). Every generated value encodes, and decodes back
 * deep-equal.
 */
import fc from 'fast-check';
import type { HdlcAddress } from '../../../../dlms/hdlc/address';
import type { HdlcFrame } from '../../../../dlms/hdlc/frame';
import { PARAMETER_ID, type HdlcParameter, type HdlcParameterName } from '../../../../dlms/hdlc/parameters';

export function arbAddress(): fc.Arbitrary<HdlcAddress> {
  return fc.oneof(
    fc.record({ size: fc.constant(1 as const), upper: fc.integer({ min: 0, max: 0x7f }) }),
    fc.record({ size: fc.constant(2 as const), upper: fc.integer({ min: 0, max: 0x7f }), lower: fc.integer({ min: 0, max: 0x7f }) }),
    fc.record({ size: fc.constant(4 as const), upper: fc.integer({ min: 0, max: 0x3fff }), lower: fc.integer({ min: 0, max: 0x3fff }) }),
  );
}

const seq = fc.integer({ min: 0, max: 7 });

/** Frames whose whole encoding fits the 11-bit length field. */
export function arbFrame(maxInfo = 300): fc.Arbitrary<HdlcFrame> {
  const base = { destination: arbAddress(), source: arbAddress(), pf: fc.boolean() };
  const info = fc.uint8Array({ maxLength: maxInfo });
  return fc.oneof(
    fc.record({ type: fc.constant('I' as const), ...base, ns: seq, nr: seq, segmented: fc.boolean(), info }),
    fc.record({ type: fc.constantFrom('RR' as const, 'RNR' as const), ...base, nr: seq }),
    fc.record({ type: fc.constantFrom('SNRM' as const, 'UA' as const, 'FRMR' as const), ...base, info }),
    fc.record({ type: fc.constant('UI' as const), ...base, segmented: fc.boolean(), info }),
    fc.record({ type: fc.constantFrom('DISC' as const, 'DM' as const), ...base }),
  );
}

export function arbParameterList(): fc.Arbitrary<HdlcParameter[]> {
  const names = Object.keys(PARAMETER_ID) as HdlcParameterName[];
  return fc
    .subarray(names)
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((name) =>
          fc
            .integer({ min: 1, max: 4 })
            .chain((size) => fc.record({ name: fc.constant(name), size: fc.constant(size), value: fc.integer({ min: 0, max: 2 ** (8 * size) - 1 }) })),
        ),
      ),
    )
    .map((ps) => [...ps]);
}
