import { expect } from 'chai';
import { createHash } from 'node:crypto';
import type { Data } from '../../dlms/axdr/data';
import { parseObis } from '../../dlms/cosem/obis';
import { loadMeterDefinition } from '../meter/load';
import { contextFor } from '../../test/support/simulator/testing';
import { imageIntact } from './image-transfer';
import { invokeMethod, readAttribute } from './store';

const LN = parseObis('0-0:44.0.0.255');
const BODY = new Uint8Array(150).map((_, i) => i);
const IMAGE = new Uint8Array([...BODY, ...createHash('sha256').update(BODY).digest()]);
const dlu = (value: number): Data => ({ type: 'double-long-unsigned', value });
const ZERO: Data = { type: 'integer', value: 0 };

describe('image transfer (class 18)', () => {
  const meter = loadMeterDefinition();
  const rw = () => contextFor('management', { meter });
  const read = (attribute: number) => {
    const r = readAttribute({ classId: 18, logicalName: LN, attribute }, rw());
    return r.kind === 'data' ? r.data : r.result;
  };
  const invoke = (method: number, parameters: Data) => invokeMethod({ classId: 18, logicalName: LN, method }, parameters, rw());
  const initiate = (size: number) => invoke(1, { type: 'structure', items: [{ type: 'octet-string', value: new Uint8Array([1]) }, dlu(size)] });
  const block = (n: number, image = IMAGE) =>
    invoke(2, { type: 'structure', items: [dlu(n), { type: 'octet-string', value: image.subarray(n * 64, (n + 1) * 64) }] });

  it('reads the image format: the last 32 octets the SHA-256 of the rest', () => {
    expect(imageIntact(IMAGE)).to.equal(true);
    expect(imageIntact(IMAGE.map((b, i) => (i === 3 ? b ^ 1 : b)))).to.equal(false);
    expect(imageIntact(new Uint8Array(32))).to.equal(false);
  });

  it('refuses blocks, verify and activate before a transfer is initiated', () => {
    expect(read(6)).to.deep.equal({ type: 'enum', value: 0 });
    expect(block(0)).to.deep.equal({ kind: 'error', result: 'temporary-failure' });
    expect(invoke(3, ZERO)).to.deep.equal({ kind: 'error', result: 'temporary-failure' });
  });

  it('takes blocks in any order, marking each, and verifies and activates the whole image (Blue Book 4.4.5)', () => {
    expect(initiate(IMAGE.length)).to.deep.equal({ kind: 'success' });
    expect(read(6)).to.deep.equal({ type: 'enum', value: 1 });
    expect(read(3)).to.deep.equal({ type: 'bit-string', length: 3, bytes: new Uint8Array([0]) });
    expect(block(2)).to.deep.equal({ kind: 'success' });
    expect(read(3)).to.deep.equal({ type: 'bit-string', length: 3, bytes: new Uint8Array([0x20]) });
    expect(read(4)).to.deep.equal(dlu(0));
    expect(block(0)).to.deep.equal({ kind: 'success' });
    expect(read(4)).to.deep.equal(dlu(1));
    expect(block(3)).to.deep.equal({ kind: 'error', result: 'other-reason' });
    expect(block(1)).to.deep.equal({ kind: 'success' });
    expect(read(4)).to.deep.equal(dlu(3));
    expect(invoke(3, ZERO)).to.deep.equal({ kind: 'success' });
    expect(read(6)).to.deep.equal({ type: 'enum', value: 3 });
    expect(invoke(4, ZERO)).to.deep.equal({ kind: 'success' });
    expect(read(6)).to.deep.equal({ type: 'enum', value: 6 });
  });

  it('fails verification of an image with a block missing or an octet changed, and then refuses to activate it', () => {
    expect(initiate(IMAGE.length)).to.deep.equal({ kind: 'success' });
    block(0);
    block(1);
    expect(invoke(3, ZERO)).to.deep.equal({ kind: 'error', result: 'other-reason' });
    expect(read(6)).to.deep.equal({ type: 'enum', value: 4 });
    expect(initiate(IMAGE.length)).to.deep.equal({ kind: 'success' });
    const wrong = IMAGE.map((b, i) => (i === 70 ? b ^ 0xff : b));
    [0, 1, 2].forEach((n) => block(n, wrong));
    expect(invoke(4, ZERO)).to.deep.equal({ kind: 'error', result: 'other-reason' });
    expect(read(6)).to.deep.equal({ type: 'enum', value: 7 });
  });
});
