import { expect } from 'chai';
import * as fs from 'node:fs';
import { decodeLayers, lineDecoder } from './decode-bytes';
import { fromHex } from '../../dlms/bytes';

const RECORDING = '/work/shared/vectors/recordings/c_hdlc_none.trace';

describe('decode, as people paste frames', () => {
  it('calls 7E and 7EA0 truncated HDLC frames, not unknown APDUs', () => {
    for (const hex of ['7E', '7EA0', '7EA00703']) {
      const layers = decodeLayers(fromHex(hex));
      expect(layers[0]!.layer, hex).to.equal('hdlc');
      expect(layers[0]!.error?.code, hex).to.equal('HDLC_TOO_SHORT');
    }
  });

  it('infers the direction from the frame type, the LLC header and then the HDLC addresses when no prefix gives it', () => {
    const d = lineDecoder();
    const dirs = [
      '7EA0070321930F017E', // SNRM: a command
      '7EA01E210373C37A818012050180060180070400000001080400000001533B7E', // UA: a response
      '7EA02B032110FBAFE6E600601DA109060760857405080101BE10040E01000000065F1F0400401E1DFFFFE7257E', // LLC E6 E6: request
      '7EA00703215111E47E', // RR between the same stations as the SNRM
    ].map((l) => d.decode(l)[0]!);
    expect(dirs.map((r) => r.dir)).to.deep.equal(['tx', 'rx', 'tx', 'tx']);
    expect(dirs.map((r) => r.note)).to.deep.equal([
      'direction inferred from the SNRM frame',
      'direction inferred from the UA frame',
      'direction inferred from the LLC header (request)',
      'direction inferred from the HDLC addresses',
    ]);
  });

  it('keeps a given C2S/S2C direction and takes times from the lines', () => {
    const d = lineDecoder();
    const a = d.decode('2026-11-24T10:00:00.000Z C2S 7EA0070321930F017E')[0]!;
    const b = d.decode('2026-11-24T10:00:01.250Z S2C 7EA01E210373C37A818012050180060180070400000001080400000001533B7E')[0]!;
    expect([a.at, a.dir, b.at, b.dir]).to.deep.equal([0, 'tx', 1250, 'rx']);
    expect(a.note).to.equal(undefined);
    const c = lineDecoder();
    expect(c.decode('10:00:00.5 7EA0070321930F017E')[0]!.at).to.equal(0);
    expect(c.decode('10:00:02.0 7EA0070321930F017E')[0]!.at).to.equal(1500);
  });

  it('joins segmented HDLC frames into one APDU, decoded once complete', function () {
    if (!fs.existsSync(RECORDING)) this.skip();
    const lines = fs
      .readFileSync(RECORDING, 'utf8')
      .split('\n')
      .slice(14, 21)
      .map((l) => l.replace(/^(C2S|S2C) /, ''));
    const d = lineDecoder();
    const records = lines.flatMap((l) => d.decode(l));
    const joined = records.filter((r) => r.dir === 'event');
    expect(joined).to.have.length(1);
    expect(joined[0]!.note).to.equal('APDU reassembled from 4 segments (server to client)');
    expect(joined[0]!.layers.map((l) => l.layer)).to.deep.equal(['llc', 'apdu']);
    expect(joined[0]!.layers[1]!.summary).to.match(/^get-response with-datablock/);
    // No segment is decoded as if it started an APDU.
    expect(records.flatMap((r) => r.layers).filter((l) => l.error)).to.deep.equal([]);
    expect(records.filter((r) => r.bytes?.[1] === 0xa8).every((r) => r.dir === 'rx')).to.equal(true);
  });
});
