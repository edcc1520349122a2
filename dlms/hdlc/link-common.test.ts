import { expect } from 'chai';
import { clientAddress, serverAddress } from './address';
import { update } from './link-common';
import { initialLinkState, type LinkState } from './link';
import { DEFAULT_SETTINGS } from './parameters';

const state: LinkState = {
  ...initialLinkState({
    role: 'client',
    local: clientAddress(16),
    remote: serverAddress(1),
    settings: DEFAULT_SETTINGS,
    responseTimeoutMs: 1000,
    maxRetries: 0,
  }),
  mode: 'NRM',
  deadline: 1234.5,
  rejection: new Uint8Array([1, 2, 3]),
};

describe('HDLC link state update', () => {
  it('gives the same state as an object spread, field for field and in the same order', () => {
    const changes = { vs: 3, vr: 5, poll: true, pending: [], received: 2, retries: 1 } as const;
    const updated = update(state, changes);
    expect(updated).to.deep.equal({ ...state, ...changes });
    expect(Object.keys(updated)).to.deep.equal(Object.keys(state));
  });

  it('sets a field given as undefined to undefined, as a spread would', () => {
    const updated = update(state, { deadline: undefined, rejection: undefined, peer: undefined });
    expect(updated.deadline).to.equal(undefined);
    expect(updated.rejection).to.equal(undefined);
    expect(updated.peer).to.equal(undefined);
    expect(update(state, {})).to.deep.equal(state);
  });

  it('keeps falsy values given (0, false, the empty mode fields) rather than the old ones', () => {
    const busy = update(state, { vs: 4, poll: true, retries: 2 });
    expect(update(busy, { vs: 0, poll: false, retries: 0 })).to.include({ vs: 0, poll: false, retries: 0 });
  });
});
