import { expect } from 'chai';
import type { Data } from '../../dlms/axdr/data';
import { Inapplicable } from '../engine/verdict';
import type { StepContext } from './context';
import { undefinedVariableName } from './sn-names';

/** A context whose current Association SN object_list is already read (sn-names.ts caches it in ctx.vars). */
function withList(entries: readonly { base: number; classId: number }[]): StepContext {
  const list: Data = {
    type: 'array',
    items: entries.map((e, i) => ({
      type: 'structure',
      items: [
        { type: 'long', value: (e.base << 16) >> 16 },
        { type: 'long-unsigned', value: e.classId },
        { type: 'unsigned', value: 0 },
        { type: 'octet-string', value: Uint8Array.of(0, 0, 96, 1, i & 0xff, 255) },
      ],
    })),
  };
  return { vars: new Map([['$snObjectList', list]]) } as unknown as StepContext;
}

const ASSOCIATION_SN = { base: 0xfa00, classId: 12 };

describe('choosing a short name no object has (undefinedVariableName)', () => {
  it('takes a multiple of 8 above every listed object and its methods', async () => {
    const n = await undefinedVariableName(withList([ASSOCIATION_SN, { base: 0x0100, classId: 1 }, { base: 0x0200, classId: 3 }]));
    expect(n % 8).to.equal(0);
    expect(n)
      .to.be.greaterThan(0x0200 + 3 * 8)
      .and.lessThan(0xfa00);
  });

  it('takes a gap between objects when an object sits just below 0xFA00', async () => {
    const n = await undefinedVariableName(withList([ASSOCIATION_SN, { base: 0x0100, classId: 1 }, { base: 0xf9f0, classId: 0x7000 }]));
    expect(n).to.be.lessThan(0xf9f0);
    expect(n < 0x0100 || n >= 0x0100 + 20 * 8, `0x${n.toString(16)} is outside the Data object's range`).to.equal(true);
  });

  it('is inapplicable, with the reason, when the objects may use every name below 0xFA00', async () => {
    const spread = Array.from({ length: 0xfa }, (_, i) => ({ base: i * 0x100, classId: 0x7000 }));
    const e = await undefinedVariableName(withList([ASSOCIATION_SN, ...spread])).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).to.be.instanceOf(Inapplicable);
    expect((e as Error).message).to.contain('no short name below 0xFA00');
  });
});
