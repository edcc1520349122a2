import { expect } from 'chai';
import { clientAddress, serverAddress } from './address';
import { draft } from './link-common';
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

describe('HDLC link state draft (the copy a link step changes)', () => {
  it('is a new object equal to the state, field for field and in the same order', () => {
    const copy = draft(state);
    expect(copy).to.not.equal(state);
    expect(copy).to.deep.equal(state);
    expect(Object.keys(copy)).to.deep.equal(Object.keys(state));
  });

  it('leaves the state it was made from alone when the step changes it, undefined and falsy values included', () => {
    const copy = draft(state);
    copy.vs = 0;
    copy.poll = false;
    copy.deadline = undefined;
    copy.rejection = undefined;
    expect(copy).to.include({ vs: 0, poll: false, deadline: undefined, rejection: undefined });
    expect(state.deadline).to.equal(1234.5);
    expect(state.rejection).to.deep.equal(new Uint8Array([1, 2, 3]));
  });
});
