import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { fromHex, toHex } from '../bytes/hex';
import { ByteReader } from '../bytes/reader';
import { arbParameterList } from '../../test/support/dlms/hdlc/arbitrary';
import { DEFAULT_SETTINGS, decodeParameters, infoOfParameters, parameterList, parametersOfInfo, settingsOf, type HdlcParameterList } from './parameters';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('HDLC parameter negotiation field', () => {
  it('decodes the recorded UA parameters: 128-byte information fields, window 1 in four bytes', () => {
    // c_hdlc_none.trace line 11, UA information field:
    // 81 (format) 80 (group) 12 (18 bytes) | 05 01 80 | 06 01 80 | 07 04 00000001 | 08 04 00000001
    const info = fromHex('818012050180060180070400000001080400000001');
    const list: HdlcParameterList = [
      { name: 'maxInfoFieldLengthTransmit', value: 128, size: 1 },
      { name: 'maxInfoFieldLengthReceive', value: 128, size: 1 },
      { name: 'windowSizeTransmit', value: 1, size: 4 },
      { name: 'windowSizeReceive', value: 1, size: 4 },
    ];
    expect(parametersOfInfo(info)).to.deep.equal(list);
    expect(toHex(infoOfParameters(list))).to.equal(toHex(info));
  });

  it('decodes two-byte information field lengths (DLMS UA examples, Kmethy)', () => {
    // 81 80 14 | 05 02 0080 | 06 02 0080 | 07 04 00000001 | 08 04 00000001
    const info = fromHex('8180140502008006020080070400000001080400000001');
    const list = parametersOfInfo(info);
    expect(list[0]).to.deep.equal({ name: 'maxInfoFieldLengthTransmit', value: 128, size: 2 });
    expect(toHex(infoOfParameters(list))).to.equal(toHex(info));
  });

  it('reads an empty information field as no parameters, which means the defaults', () => {
    // c_hdlc_none.trace line 10: the client's SNRM carries no information field.
    expect(parametersOfInfo(new Uint8Array(0))).to.deep.equal([]);
    expect(settingsOf([])).to.deep.equal({
      maxInfoFieldLengthTransmit: 128,
      maxInfoFieldLengthReceive: 128,
      windowSizeTransmit: 1,
      windowSizeReceive: 1,
    });
  });

  it('applies the defaults only to absent parameters', () => {
    expect(settingsOf([{ name: 'maxInfoFieldLengthReceive', value: 512, size: 2 }])).to.deep.equal({ ...DEFAULT_SETTINGS, maxInfoFieldLengthReceive: 512 });
  });

  it('writes each value in the fewest bytes unless told a width', () => {
    const s = { ...DEFAULT_SETTINGS, maxInfoFieldLengthReceive: 0x200 };
    expect(toHex(infoOfParameters(parameterList(s)))).to.equal('81800D' + '050180' + '06020200' + '070101' + '080101');
    expect(toHex(infoOfParameters(parameterList(DEFAULT_SETTINGS, { windowSizeTransmit: 4, windowSizeReceive: 4 })))).to.equal(
      '818012050180060180070400000001080400000001',
    );
  });

  it('round-trips every parameter list', () => {
    fc.assert(
      fc.property(arbParameterList(), (list) => {
        expect(parametersOfInfo(infoOfParameters(list))).to.deep.equal(list);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('refuses a wrong format or group identifier', () => {
    expect(decodeErrorOf(() => parametersOfInfo(fromHex('828000'))).code).to.equal('HDLC_PARAM_BAD_FORMAT');
    const e = decodeErrorOf(() => parametersOfInfo(fromHex('81F000'), 20));
    expect(e.code).to.equal('HDLC_PARAM_BAD_GROUP');
    expect(e.offset).to.equal(21);
  });

  it('refuses an unknown, a repeated, or an oversized parameter', () => {
    expect(decodeErrorOf(() => parametersOfInfo(fromHex('818003090101'))).code).to.equal('HDLC_PARAM_UNKNOWN');
    expect(decodeErrorOf(() => parametersOfInfo(fromHex('818006070101070101'))).code).to.equal('HDLC_PARAM_DUPLICATE');
    expect(decodeErrorOf(() => parametersOfInfo(fromHex('81800707050000000001'))).code).to.equal('HDLC_PARAM_BAD_SIZE');
    expect(decodeErrorOf(() => parametersOfInfo(fromHex('8180020700'))).code).to.equal('HDLC_PARAM_BAD_SIZE');
  });

  it('refuses a group length beyond the field, and bytes after the group', () => {
    expect(decodeErrorOf(() => parametersOfInfo(fromHex('818009050180'))).code).to.equal('TRUNCATED');
    expect(decodeErrorOf(() => parametersOfInfo(fromHex('818003050180' + 'FF'))).code).to.equal('TRAILING_BYTES');
    expect(decodeErrorOf(() => decodeParameters(new ByteReader(fromHex('81800305')))).code).to.equal('TRUNCATED');
  });
});
