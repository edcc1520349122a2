import { expect } from 'chai';
import { decodeWrapper, encodeWrapper, encodeRawWrapper } from '../../dlms/wrapper/header';
import { NO_FAULTS } from '../faults';
import { aarqBytes, DEFAULT, getBytes, pdu, T0 } from '../../test/support/simulator/testing';
import { createSession } from './session';
import { createWrapperServerLink } from './wrapper-link';

const link = () => createWrapperServerLink(DEFAULT.wrapper, createSession(DEFAULT, NO_FAULTS, T0));

describe('wrapper server link (IEC 62056-47)', () => {
  it('answers from its own wPort to the client wPort, which is the client SAP', () => {
    const [out, ...more] = link().handlePdu(encodeWrapper({ source: 16, destination: 1, apdu: aarqBytes() }), T0);
    expect(more).to.deep.equal([]);
    const response = decodeWrapper(out!);
    expect([response.source, response.destination]).to.deep.equal([1, 16]);
    expect(pdu(response.apdu)).to.deep.include({ type: 'aare', result: 'accepted' });
  });

  it('uses the source wPort to pick the association', () => {
    const [out] = link().handlePdu(encodeWrapper({ source: 1, destination: 1, apdu: aarqBytes() }), T0);
    expect(pdu(decodeWrapper(out!).apdu)).to.deep.include({
      result: 'rejected-permanent',
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'authentication-required' },
    });
  });

  it('ignores PDUs for another server wPort and PDUs that do not decode', () => {
    const l = link();
    expect(l.handlePdu(encodeWrapper({ source: 16, destination: 2, apdu: aarqBytes() }), T0)).to.deep.equal([]);
    expect(l.handlePdu(encodeRawWrapper({ source: 16, destination: 1, apdu: aarqBytes() }, { version: 2 }), T0)).to.deep.equal([]);
  });

  it('serves GET after the association on the same link', () => {
    const l = link();
    l.handlePdu(encodeWrapper({ source: 16, destination: 1, apdu: aarqBytes() }), T0);
    const [out] = l.handlePdu(encodeWrapper({ source: 16, destination: 1, apdu: getBytes(3, '1-0:32.7.0.255', 2) }), T0);
    expect(pdu(decodeWrapper(out!).apdu)).to.deep.include({ result: { kind: 'data', data: { type: 'long-unsigned', value: 2301 } } });
  });
});
