import { expect } from 'chai';
import { fromHex } from '../bytes/hex';
import { clientAddress, serverAddress } from './address';
import { describeFrame, describeFrameBytes, summarizeFrame } from './describe';
import { decodeFrame } from './frame';

describe('HDLC frame description', () => {
  it('summarizes an I frame in one line', () => {
    const f = {
      type: 'I',
      destination: serverAddress(1),
      source: clientAddress(16),
      pf: true,
      ns: 1,
      nr: 2,
      segmented: true,
      info: new Uint8Array(128),
    } as const;
    expect(summarizeFrame(f)).to.equal('I N(S)=1 N(R)=2 P/F=1 seg 128 B');
    expect(summarizeFrame({ type: 'RR', destination: serverAddress(1), source: clientAddress(16), pf: false, nr: 3 })).to.equal('RR N(R)=3 P/F=0');
  });

  it('lists the fields of a recorded UA with byte ranges and its parameters', () => {
    // c_hdlc_none.trace line 11.
    const bytes = fromHex('7EA01E210373C37A818012050180060180070400000001080400000001533B7E');
    const layer = describeFrame(decodeFrame(bytes));
    expect(layer.layer).to.equal('hdlc');
    expect(layer.summary).to.equal('UA P/F=1 21 B');
    const byName = new Map(layer.fields!.map((f) => [f.name, f]));
    expect(byName.get('destination address')).to.deep.equal({ name: 'destination address', value: '16', range: [3, 4] });
    expect(byName.get('control')?.range).to.deep.equal([5, 6]);
    expect(byName.get('HCS')).to.deep.equal({ name: 'HCS', value: 'C37A', range: [6, 8] });
    expect(byName.get('information')?.range).to.deep.equal([8, 29]);
    expect(byName.get('FCS')).to.deep.equal({ name: 'FCS', value: '533B', range: [29, 31] });
    expect(byName.get('windowSizeTransmit')?.value).to.equal('1 (4 B)');
  });

  it('describes an undecodable frame by its error', () => {
    const layer = describeFrameBytes(fromHex('7EA0070321930F027E'));
    expect(layer.error?.code).to.equal('HDLC_BAD_FCS');
    expect(layer.summary).to.contain('HDLC_BAD_FCS');
  });

  it('reports undecodable SNRM parameters as a field rather than failing', () => {
    const bytes = fromHex('7EA00A00020023219318717E');
    expect(describeFrameBytes(bytes).summary).to.equal('SNRM P/F=1');
    const f = { type: 'UA', destination: clientAddress(16), source: serverAddress(1), pf: true, info: fromHex('828000') } as const;
    expect(describeFrame(f).fields!.find((x) => x.name === 'parameters')?.value).to.contain('HDLC_PARAM_BAD_FORMAT');
  });
});
