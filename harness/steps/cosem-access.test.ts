import { expect } from 'chai';
import type { ReadOutcome, SnVariable, SnWriteItem, WriteOutcome } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import { ExpectationFailure, Inapplicable } from '../engine/verdict';
import type { StepContext } from './context';
import { getAttribute, invokeMethod, ownMethodName, setAttribute } from './cosem-access';
import { snObjects } from './sn-objects';

const LN = (bytes: number[]): Data => ({ type: 'octet-string', value: Uint8Array.from(bytes) });
const element = (base: number, classId: number, version: number, ln: number[]): Data => ({
  type: 'structure',
  items: [{ type: 'long', value: (base << 16) >> 16 }, { type: 'long-unsigned', value: classId }, { type: 'unsigned', value: version }, LN(ln)],
});
const OBJECT_LIST: Data = {
  type: 'array',
  items: [element(0xfa00, 12, 2, [0, 0, 40, 0, 0, 255]), element(0x0200, 3, 0, [1, 0, 1, 8, 0, 255])],
};
const item = (id: number, mode: number): Data => ({
  type: 'structure',
  items: [{ type: 'integer', value: id }, { type: 'enum', value: mode }, { type: 'null-data' }],
});
const ACCESS_RIGHTS: Data = {
  type: 'array',
  items: [
    {
      type: 'structure',
      items: [
        { type: 'long', value: 0x0200 },
        { type: 'array', items: [item(1, 1), item(2, 3), item(3, 0)] },
        {
          type: 'array',
          items: [
            {
              type: 'structure',
              items: [
                { type: 'integer', value: 1 },
                { type: 'enum', value: 0 },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/** A context on an open SN association whose client answers READ from `values` by short name and records what it sent. */
function snContext(values: Map<number, Data>, answer?: (v: readonly SnVariable[]) => ReadOutcome) {
  const reads: SnVariable[][] = [];
  const writes: SnWriteItem[][] = [];
  const client = {
    read: async (v: readonly SnVariable[]): Promise<ReadOutcome> => {
      reads.push([...v]);
      if (answer) return answer(v);
      return {
        kind: 'read',
        blocks: 0,
        results: v.map((x) => {
          const d = values.get(x.variableName);
          return d ? { kind: 'data' as const, data: d } : { kind: 'data-access-result' as const, result: 'object-undefined' };
        }),
      };
    },
    write: async (items: readonly SnWriteItem[]): Promise<WriteOutcome> => {
      writes.push([...items]);
      return { kind: 'written', results: items.map(() => ({ kind: 'success' as const })) };
    },
  };
  const ctx = { association: { name: 'short', referencing: 'sn' }, vars: new Map(), client, note: () => undefined } as unknown as StepContext;
  return { ctx, reads, writes };
}

const REGISTER = { classId: 3, obis: '1-0:1.8.0.255' };

describe('addressing objects over SN (cosem-access, sn-objects)', () => {
  it('reads attribute n of an object at its base name + 8·(n − 1) and answers as a GET would', async () => {
    const { ctx, reads } = snContext(
      new Map<number, Data>([
        [0xfa08, OBJECT_LIST],
        [0x0208, { type: 'double-long-unsigned', value: 7 }],
      ]),
    );
    expect(await getAttribute(ctx, { ...REGISTER, attribute: 2 })).to.deep.equal({ kind: 'data', data: { type: 'double-long-unsigned', value: 7 }, blocks: 0 });
    expect(await getAttribute(ctx, { ...REGISTER, attribute: 3 })).to.deep.equal({ kind: 'data-access-result', result: 'object-undefined' });
    expect(reads.slice(1).map((r) => r[0]?.variableName)).to.deep.equal([0x0208, 0x0210]);
  });

  it('sends a selective access as parameterized access with the same selector and parameters', async () => {
    const { ctx, reads } = snContext(new Map<number, Data>([[0xfa08, OBJECT_LIST]]));
    const parameters: Data = { type: 'null-data' };
    await getAttribute(ctx, { ...REGISTER, attribute: 2, selector: { selector: 2, parameters } });
    expect(reads[1]).to.deep.equal([{ variableName: 0x0208, parameterized: { selector: 2, parameter: parameters } }]);
  });

  it('reports a ReadResponse of another number of results than asked as malformed', async () => {
    const { ctx } = snContext(new Map<number, Data>([[0xfa08, OBJECT_LIST]]), (v) =>
      v[0]?.variableName === 0xfa08 ? { kind: 'read', blocks: 0, results: [{ kind: 'data', data: OBJECT_LIST }] } : { kind: 'read', blocks: 0, results: [] },
    );
    expect(await getAttribute(ctx, { ...REGISTER, attribute: 2 })).to.include({ kind: 'malformed', code: 'SN_RESULT_COUNT' });
  });

  it('writes by WRITE of the short name and answers as a SET would', async () => {
    const { ctx, writes } = snContext(new Map<number, Data>([[0xfa08, OBJECT_LIST]]));
    expect(await setAttribute(ctx, { ...REGISTER, attribute: 2 }, { type: 'double-long-unsigned', value: 1 })).to.deep.equal({
      kind: 'set-result',
      result: 'success',
      blocks: 0,
    });
    expect(writes[0]?.[0]?.variableName).to.equal(0x0208);
  });

  it('invokes a method by READ of its short name (Register reset at base + 0x28), its parameter in parameterized access with selector 0', async () => {
    const { ctx, reads } = snContext(new Map<number, Data>([[0xfa08, OBJECT_LIST]]));
    const zero: Data = { type: 'integer', value: 0 };
    expect(await invokeMethod(ctx, { ...REGISTER, method: 1 }, zero)).to.deep.equal({ kind: 'action-result', result: 'object-undefined', blocks: 0 });
    expect(reads[1]).to.deep.equal([{ variableName: 0x0228, parameterized: { selector: 0, parameter: zero } }]);
    await invokeMethod(ctx, { ...REGISTER, method: 1 }, undefined);
    expect(reads[2]).to.deep.equal([{ variableName: 0x0228 }]);
  });

  it('answers a method READ as the ACTION it stands for: data is success with return data, null-data success without', async () => {
    const back: Data = { type: 'unsigned', value: 5 };
    const { ctx } = snContext(
      new Map<number, Data>([
        [0xfa08, OBJECT_LIST],
        [0x0228, back],
        [0x0230, { type: 'null-data' }],
      ]),
    );
    expect(await invokeMethod(ctx, { ...REGISTER, method: 1 }, undefined)).to.deep.equal({
      kind: 'action-result',
      result: 'success',
      blocks: 0,
      returnData: { kind: 'data', data: back },
    });
    expect(await invokeMethod(ctx, { ...REGISTER, method: 2 }, undefined)).to.deep.equal({ kind: 'action-result', result: 'success', blocks: 0 });
  });

  it('does not invoke a method of a class whose SN method offset is unknown: inapplicable, with the class', async () => {
    const list: Data = { type: 'array', items: [element(0xfa00, 12, 2, [0, 0, 40, 0, 0, 255]), element(0x0300, 1, 0, [0, 0, 96, 1, 0, 255])] };
    const { ctx, reads } = snContext(new Map<number, Data>([[0xfa08, list]]));
    const e = await invokeMethod(ctx, { classId: 1, obis: '0-0:96.1.0.255', method: 1 }, undefined).catch((x: unknown) => x);
    expect(e).to.be.instanceOf(Inapplicable);
    expect((e as Error).message).to.equal('SN method offset of class 1 unknown');
    expect(reads).to.have.length(1);
  });

  it('does not ask an undefined method whose short name may be another listed object (packed base names)', async () => {
    const list: Data = {
      type: 'array',
      items: [element(0xfa00, 12, 2, [0, 0, 40, 0, 0, 255]), element(0x0200, 3, 0, [1, 0, 1, 8, 0, 255]), element(0x0230, 1, 0, [0, 0, 96, 1, 0, 255])],
    };
    const { ctx } = snContext(new Map<number, Data>([[0xfa08, list]]));
    const e = await ownMethodName(ctx, { ...REGISTER, method: 2 }).catch((x: unknown) => x);
    expect(e).to.be.instanceOf(Inapplicable);
    expect((e as Error).message).to.contain('0-0:96.1.0.255');
  });

  it('takes each object access rights from access_rights_list (0xFA10), by base name', async () => {
    const { ctx } = snContext(
      new Map([
        [0xfa08, OBJECT_LIST],
        [0xfa10, ACCESS_RIGHTS],
      ]),
    );
    const { objects, accessVersion, assumed } = await snObjects(ctx);
    expect(assumed).to.equal(undefined);
    expect(accessVersion).to.equal(0);
    const register = objects.find((o) => o.obis === '1-0:1.8.0.255');
    expect(register?.attributes.map((a) => [a.id, a.mode])).to.deep.equal([
      [1, 1],
      [2, 3],
      [3, 0],
    ]);
    expect(register?.methods).to.deep.equal([{ id: 1, mode: 0 }]);
    expect(register?.accessAssumed).to.equal(undefined);
    // The association object itself has no access_right listed here: its attributes are assumed.
    expect(objects.find((o) => o.classId === 12)?.accessAssumed).to.equal(true);
  });

  it('assumes the catalogue attributes readable when access_rights_list is refused, and says why', async () => {
    const { ctx } = snContext(new Map<number, Data>([[0xfa08, OBJECT_LIST]]));
    const { objects, assumed } = await snObjects(ctx);
    expect(assumed).to.contain('access_rights_list (READ 0xFA10) not served');
    expect(objects.every((o) => o.accessAssumed)).to.equal(true);
    expect(objects.find((o) => o.classId === 3)?.attributes.map((a) => a.id)).to.deep.equal([1, 2, 3]);
  });

  it('fails, naming the element, on an access_right that is not a structure of three', async () => {
    const bad: Data = { type: 'array', items: [{ type: 'structure', items: [{ type: 'long', value: 0x0200 }] }] };
    const { ctx } = snContext(
      new Map([
        [0xfa08, OBJECT_LIST],
        [0xfa10, bad],
      ]),
    );
    const e = await snObjects(ctx).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).to.be.instanceOf(ExpectationFailure);
    expect((e as ExpectationFailure).expected).to.contain('access_rights_list[0]');
  });
});
