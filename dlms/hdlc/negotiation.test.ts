import { expect } from 'chai';
import { clientAccepts, mirrored, serverAccepts } from './negotiation';
import { DEFAULT_SETTINGS } from './parameters';

describe('HDLC parameter negotiation', () => {
  const big = { maxInfoFieldLengthTransmit: 1024, maxInfoFieldLengthReceive: 512, windowSizeTransmit: 7, windowSizeReceive: 3 };

  it('lets the server answer with the smaller of the proposal and what it supports, from its own side', () => {
    expect(serverAccepts(big, DEFAULT_SETTINGS)).to.deep.equal(DEFAULT_SETTINGS);
    expect(
      serverAccepts(big, { maxInfoFieldLengthTransmit: 2030, maxInfoFieldLengthReceive: 2030, windowSizeTransmit: 7, windowSizeReceive: 7 }),
    ).to.deep.equal(mirrored(big));
  });

  it('lets the client use the answer, seen from its side', () => {
    const ua = serverAccepts(big, DEFAULT_SETTINGS);
    expect(clientAccepts(big, ua)).to.deep.equal({ settings: DEFAULT_SETTINGS, exceeded: [] });
  });

  it('names the values a server raised above the proposal and keeps the proposal for them', () => {
    const ua = { ...mirrored(DEFAULT_SETTINGS), maxInfoFieldLengthTransmit: 256 };
    const out = clientAccepts(DEFAULT_SETTINGS, ua);
    expect(out.exceeded).to.deep.equal(['maxInfoFieldLengthReceive']);
    expect(out.settings.maxInfoFieldLengthReceive).to.equal(128);
  });
});
