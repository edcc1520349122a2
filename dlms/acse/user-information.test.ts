import { expect } from 'chai';
import { fromHex } from '../bytes';
import { userInformationFor, userInformationOf } from './user-information';

describe('user-information', () => {
  it('keeps the raw bytes and their decoding together', () => {
    const ui = userInformationOf(fromHex('0E010601'));
    expect(ui.raw).to.deep.equal(fromHex('0E010601'));
    expect(ui.apdu?.type).to.equal('confirmed-service-error');
    expect(ui.error).to.equal(undefined);
  });

  it('reports bytes after the xDLMS APDU as TRAILING_BYTES at their offset', () => {
    const ui = userInformationOf(fromHex('0E010601 00'), 40);
    expect(ui.apdu).to.equal(undefined);
    expect(ui.error).to.include({ code: 'TRAILING_BYTES', offset: 44 });
  });

  it('builds user-information from an APDU', () => {
    expect(userInformationFor({ type: 'exception-response', stateError: 'service-unknown', serviceError: { kind: 'other-reason' } }).raw).to.deep.equal(
      fromHex('D80203'),
    );
  });
});
