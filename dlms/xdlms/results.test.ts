import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromHex, toHex } from '../bytes';
import { arbGetDataResult } from '../../test/support/dlms/xdlms/arbitrary';
import { ACTION_RESULT, DATA_ACCESS_RESULT, decodeDataBlockG, decodeGetDataResult, encodeDataBlockG, encodeGetDataResult } from './results';
import { decodeErrorOf } from '../../test/support/dlms/xdlms/test-support';

describe('results', () => {
  it('names every Data-Access-Result of Green Book 9.5', () => {
    expect(DATA_ACCESS_RESULT.values).to.deep.equal({
      success: 0,
      'hardware-fault': 1,
      'temporary-failure': 2,
      'read-write-denied': 3,
      'object-undefined': 4,
      'object-class-inconsistent': 9,
      'object-unavailable': 11,
      'type-unmatched': 12,
      'scope-of-access-violated': 13,
      'data-block-unavailable': 14,
      'long-get-aborted': 15,
      'no-long-get-in-progress': 16,
      'long-set-aborted': 17,
      'no-long-set-in-progress': 18,
      'data-block-number-invalid': 19,
      'other-reason': 250,
    });
    expect(ACTION_RESULT.name(15)).to.equal('long-action-aborted');
    expect(ACTION_RESULT.name(16)).to.equal('no-long-action-in-progress');
  });

  it('decodes Get-Data-Result data [0] and data-access-result [1]', () => {
    expect(decodeGetDataResult(new ByteReader(fromHex('01 04')))).to.deep.equal({ kind: 'data-access-result', result: 'object-undefined' });
    expect(decodeGetDataResult(new ByteReader(fromHex('00 1200 80')))).to.deep.equal({ kind: 'data', data: { type: 'long-unsigned', value: 128 } });
  });

  it('refuses a Get-Data-Result alternative other than 0 and 1', () => {
    const e = decodeErrorOf(() => decodeGetDataResult(new ByteReader(fromHex('02 00'), 9)));
    expect([e.code, e.offset]).to.deep.equal(['XDLMS_UNKNOWN_CHOICE', 9]);
  });

  it('decodes DataBlock-G with raw-data and re-encodes it', () => {
    // last-block true, block 2, raw-data [0] of 3 bytes
    const hex = '01 00000002 00 03 AABBCC';
    const b = decodeDataBlockG(new ByteReader(fromHex(hex)));
    expect(b).to.deep.equal({ lastBlock: true, blockNumber: 2, result: { kind: 'raw-data', rawData: fromHex('AABBCC') } });
    const w = new ByteWriter();
    encodeDataBlockG(w, b);
    expect(toHex(w.finish())).to.equal(hex.replace(/ /g, ''));
  });

  it('round-trips every Get-Data-Result', () => {
    fc.assert(
      fc.property(arbGetDataResult(), (v) => {
        const w = new ByteWriter();
        encodeGetDataResult(w, v);
        expect(decodeGetDataResult(new ByteReader(w.finish()))).to.deep.equal(v);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
