import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes';
import { decodeApduBytes } from './apdu';
import { arbShortName } from '../../test/support/dlms/xdlms/arbitrary';
import { decodeErrorOf, expectRoundTrip, expectVector } from '../../test/support/dlms/xdlms/test-support';

describe('short-name services', () => {
  it('decodes a read-request of two variable names', () => {
    // 05 readRequest, 02 specs, 02 variable-name FA00, 02 variable-name FA08
    expectVector('05 02 02FA00 02FA08', {
      type: 'read-request',
      variableAccessSpecification: [
        { kind: 'variable-name', variableName: 0xfa00 },
        { kind: 'variable-name', variableName: 0xfa08 },
      ],
    });
  });

  it('decodes parameterized access and block access', () => {
    expectVector('05 02 04 FA00 01 0F05 05 0002', {
      type: 'read-request',
      variableAccessSpecification: [
        { kind: 'parameterized-access', variableName: 0xfa00, selector: 1, parameter: { type: 'integer', value: 5 } },
        { kind: 'block-number-access', blockNumber: 2 },
      ],
    });
  });

  it('decodes a read-response with data, an error and a data block', () => {
    expectVector('0C 03 00 1200 2A 01 04 02 01 0001 02 ABCD', {
      type: 'read-response',
      results: [
        { kind: 'data', data: { type: 'long-unsigned', value: 42 } },
        { kind: 'data-access-error', error: 'object-undefined' },
        { kind: 'data-block-result', lastBlock: true, blockNumber: 1, rawData: fromHex('ABCD') },
      ],
    });
  });

  it('decodes write-request, unconfirmed-write-request and write-response', () => {
    const body = {
      variableAccessSpecification: [{ kind: 'variable-name' as const, variableName: 0x0108 }],
      listOfData: [{ type: 'unsigned' as const, value: 1 }],
    };
    expectVector('06 01 020108 01 1101', { type: 'write-request', ...body });
    expectVector('16 01 020108 01 1101', { type: 'unconfirmed-write-request', ...body });
    expectVector('0D 03 00 01 03 02 0004', {
      type: 'write-response',
      results: [{ kind: 'success' }, { kind: 'data-access-error', error: 'read-write-denied' }, { kind: 'block-number', blockNumber: 4 }],
    });
  });

  it('refuses the reserved detailed-access [3] alternative', () => {
    const e = decodeErrorOf(() => decodeApduBytes(fromHex('05 01 03 FA00')));
    expect([e.code, e.offset]).to.deep.equal(['XDLMS_UNKNOWN_CHOICE', 2]);
  });

  it('round-trips every short-name APDU', () => {
    fc.assert(fc.property(arbShortName(), expectRoundTrip), { seed: 42, numRuns: 300 });
  });
});
