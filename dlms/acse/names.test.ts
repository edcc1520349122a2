import { expect } from 'chai';
import { ACSE_SERVICE_PROVIDER, ACSE_SERVICE_USER, APPLICATION_CONTEXT_NAME, applicationContextNameOf, MECHANISM_NAME, mechanismNameOf } from './names';

describe('ACSE names', () => {
  it('maps the DLMS application context names to their OIDs and back', () => {
    expect(APPLICATION_CONTEXT_NAME['logical-name-with-ciphering']).to.equal('2.16.756.5.8.1.3');
    expect(applicationContextNameOf('2.16.756.5.8.1.2')).to.equal('short-name');
    expect(applicationContextNameOf('1.2.3')).to.equal(undefined);
  });

  it('maps the eight authentication mechanism names to 2.16.756.5.8.2.0 … 7', () => {
    expect(Object.values(MECHANISM_NAME)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7].map((n) => `2.16.756.5.8.2.${n}`));
    expect(mechanismNameOf('2.16.756.5.8.2.5')).to.equal('gmac');
  });

  it('has the full acse-service-user and acse-service-provider diagnostic tables', () => {
    expect(ACSE_SERVICE_USER.names.length).to.equal(15);
    expect(ACSE_SERVICE_USER.name(11)).to.equal('authentication-mechanism-name-not-recognised');
    expect(ACSE_SERVICE_USER.name(13)).to.equal('authentication-failure');
    expect(ACSE_SERVICE_USER.name(14)).to.equal('authentication-required');
    expect(ACSE_SERVICE_PROVIDER.values).to.deep.equal({ null: 0, 'no-reason-given': 1, 'no-common-acse-version': 2 });
  });
});
