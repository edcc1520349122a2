import { BUILTIN_SECRETS } from '../secrets';
import { expect } from 'chai';
import { NO_FAULTS } from '../faults';
import { aarqBytes, DEFAULT, getBytes, getNextBytes, pdu, RLRQ, T0 } from '../../test/support/simulator/testing';
import { encodePduBytes } from '../../dlms/pdu/pdu';
import { fromHex } from '../../dlms/bytes';
import { decodeDataBytes } from '../../dlms/axdr/data-codec';
import { createSession, type Session } from './session';
import { visibleTo } from '../objects/store';

const PUBLIC_SAP = 16;
const MANAGEMENT_SAP = 1;

function session(): Session {
  return createSession(DEFAULT, NO_FAULTS, T0);
}

function associated(sap = PUBLIC_SAP, maxPdu = 0xffff): Session {
  const s = session();
  const aare = pdu(s.handleApdu(aarqBytes({ maxPdu, ...(sap === MANAGEMENT_SAP && { password: BUILTIN_SECRETS['sim-lls']! }) }), sap, T0));
  if (aare.type !== 'aare' || aare.result !== 'accepted') throw new Error('association refused');
  return s;
}

describe('server session (application layer)', () => {
  describe('association establishment (Green Book 9.3.2)', () => {
    it('accepts the public client without authentication and negotiates proposed ∩ offered conformance', () => {
      const aare = pdu(session().handleApdu(aarqBytes(), PUBLIC_SAP, T0));
      expect(aare).to.deep.include({ type: 'aare', result: 'accepted', resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'null' } });
      if (aare.type !== 'aare') throw new Error();
      expect(aare.userInformation?.apdu).to.deep.equal({
        type: 'initiate-response',
        negotiatedDlmsVersionNumber: 6,
        negotiatedConformance: ['block-transfer-with-get-or-read', 'get', 'set', 'selective-access'],
        serverMaxReceivePduSize: 1024,
        vaaName: 7,
      });
    });

    it('accepts the management client with the right LLS password', () => {
      const aare = pdu(session().handleApdu(aarqBytes({ password: BUILTIN_SECRETS['sim-lls']! }), MANAGEMENT_SAP, T0));
      expect(aare).to.deep.include({ type: 'aare', result: 'accepted' });
    });

    it('refuses a wrong LLS password: rejected-permanent, authentication-failure', () => {
      const aare = pdu(session().handleApdu(aarqBytes({ password: 'wrong' }), MANAGEMENT_SAP, T0));
      expect(aare).to.deep.include({
        type: 'aare',
        result: 'rejected-permanent',
        resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'authentication-failure' },
      });
    });

    it('refuses LLS association without a mechanism: authentication-required', () => {
      const aare = pdu(session().handleApdu(aarqBytes(), MANAGEMENT_SAP, T0));
      expect(aare).to.deep.include({
        result: 'rejected-permanent',
        resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'authentication-required' },
      });
    });

    it('refuses an application context it does not serve: application-context-name-not-supported', () => {
      const aare = pdu(session().handleApdu(aarqBytes({ context: '2.16.756.5.8.1.2' }), PUBLIC_SAP, T0));
      expect(aare).to.deep.include({
        result: 'rejected-permanent',
        resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'application-context-name-not-supported' },
      });
    });

    it('refuses a client SAP no association is defined for', () => {
      const aare = pdu(session().handleApdu(aarqBytes(), 99, T0));
      expect(aare).to.deep.include({ result: 'rejected-permanent', resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'no-reason-given' } });
    });

    it('reports a DLMS version below 6 as initiateError dlms-version-too-low', () => {
      const aare = pdu(session().handleApdu(aarqBytes({ dlmsVersion: 5 }), PUBLIC_SAP, T0));
      if (aare.type !== 'aare') throw new Error();
      expect(aare.result).to.equal('rejected-permanent');
      expect(aare.userInformation?.apdu).to.deep.equal({
        type: 'confirmed-service-error',
        service: 'initiateError',
        error: { kind: 'initiate', value: 'dlms-version-too-low' },
      });
    });

    it('reports a proposal with no service in common as incompatible-conformance', () => {
      const aare = pdu(session().handleApdu(aarqBytes({ conformance: ['action', 'access'] }), PUBLIC_SAP, T0));
      if (aare.type !== 'aare') throw new Error();
      expect(aare.userInformation?.apdu).to.deep.include({ error: { kind: 'initiate', value: 'incompatible-conformance' } });
    });

    it('releases with RLRE reason normal, after which GET is refused again', () => {
      const s = associated();
      expect(pdu(s.handleApdu(RLRQ, PUBLIC_SAP, T0))).to.deep.equal({ type: 'rlre', reason: 'normal' });
      expect(pdu(s.handleApdu(getBytes(3, '1-0:1.8.0.255', 2), PUBLIC_SAP, T0)).type).to.equal('exception-response');
    });
  });

  describe('GET (Green Book 9.3.6)', () => {
    it('answers GET without an association with exception-response service-not-allowed / operation-not-possible', () => {
      expect(pdu(session().handleApdu(getBytes(3, '1-0:1.8.0.255', 2), PUBLIC_SAP, T0))).to.deep.equal({
        type: 'exception-response',
        stateError: 'service-not-allowed',
        serviceError: { kind: 'operation-not-possible' },
      });
    });

    it('serves a register value and echoes the invoke-id', () => {
      const r = pdu(associated().handleApdu(getBytes(3, '1-0:1.8.0.255', 2, 9), PUBLIC_SAP, T0));
      expect(r).to.deep.include({ type: 'get-response', variant: 'normal', result: { kind: 'data', data: { type: 'double-long-unsigned', value: 1234567 } } });
      if (r.type !== 'get-response') throw new Error();
      expect(r.invokeIdAndPriority.invokeId).to.equal(9);
    });

    it('answers object-undefined for an object the meter does not have', () => {
      const r = pdu(associated().handleApdu(getBytes(3, '1-0:99.8.0.255', 2), PUBLIC_SAP, T0));
      expect(r).to.deep.include({ result: { kind: 'data-access-result', result: 'object-undefined' } });
    });

    it('answers read-write-denied for the association secret', () => {
      const r = pdu(associated().handleApdu(getBytes(15, '0-0:40.0.0.255', 7), PUBLIC_SAP, T0));
      expect(r).to.deep.include({ result: { kind: 'data-access-result', result: 'read-write-denied' } });
    });

    it('serves the logical device name as an octet-string', () => {
      const r = pdu(associated().handleApdu(getBytes(1, '0-0:42.0.0.255', 2), PUBLIC_SAP, T0));
      expect(r).to.deep.include({ result: { kind: 'data', data: { type: 'octet-string', value: new TextEncoder().encode('DLM0000000001') } } });
    });

    it('describes the current association: partners, context, mechanism, status', () => {
      const s = associated(MANAGEMENT_SAP);
      const value = (attribute: number) => {
        const r = pdu(s.handleApdu(getBytes(15, '0-0:40.0.0.255', attribute), MANAGEMENT_SAP, T0));
        if (r.type !== 'get-response' || r.variant !== 'normal' || r.result.kind !== 'data') throw new Error(`attribute ${attribute}`);
        return r.result.data;
      };
      expect(value(3)).to.deep.equal({
        type: 'structure',
        items: [
          { type: 'integer', value: 1 },
          { type: 'long-unsigned', value: 1 },
        ],
      });
      // Golden: the BER value of 2.16.756.5.8.1.1 as the independent meter reports it (c_hdlc_none.trace line 165).
      expect(value(4)).to.deep.equal({ type: 'octet-string', value: fromHex('60857405080101') });
      expect(value(6)).to.deep.equal({ type: 'octet-string', value: fromHex('60857405080201') });
      expect(value(8)).to.deep.equal({ type: 'enum', value: 2 });
      expect(value(5)).to.deep.include({ type: 'structure' });
    });

    it('lists the association object in its own object list with per-association access rights', () => {
      const r = pdu(associated().handleApdu(getBytes(15, '0-0:40.0.0.255', 2), PUBLIC_SAP, T0));
      if (r.type !== 'get-response' || r.variant !== 'normal' || r.result.kind !== 'data' || r.result.data.type !== 'array')
        throw new Error('expected an array');
      expect(r.result.data.items).to.have.length(DEFAULT.objects.filter((o) => visibleTo(o, DEFAULT.associations[0]!)).length);
      const first = r.result.data.items[0]!;
      if (first.type !== 'structure') throw new Error();
      expect(first.items.slice(0, 3)).to.deep.equal([
        { type: 'long-unsigned', value: 15 },
        { type: 'unsigned', value: 0 },
        { type: 'octet-string', value: Uint8Array.of(0, 0, 40, 0, 0, 255) },
      ]);
    });

    it('refuses services outside the negotiated conformance with service-not-supported', () => {
      const set = encodePduBytes({
        type: 'set-request',
        variant: 'normal',
        invokeIdAndPriority: { invokeId: 1, serviceClass: 'confirmed', priority: 'high' },
        attribute: { classId: 3, instanceId: Uint8Array.of(1, 0, 1, 8, 0, 255), attributeId: 2 },
        value: { type: 'double-long-unsigned', value: 0 },
      });
      // The public association offers no ACTION (simulator/meters/default.yaml).
      const action = encodePduBytes({
        type: 'action-request',
        variant: 'normal',
        invokeIdAndPriority: { invokeId: 1, serviceClass: 'confirmed', priority: 'high' },
        method: { classId: 3, instanceId: Uint8Array.of(1, 0, 1, 8, 0, 255), methodId: 1 },
      });
      expect(pdu(associated().handleApdu(action, PUBLIC_SAP, T0))).to.deep.equal({
        type: 'exception-response',
        stateError: 'service-not-allowed',
        serviceError: { kind: 'service-not-supported' },
      });
      expect(pdu(associated().handleApdu(set, PUBLIC_SAP, T0))).to.deep.include({ type: 'set-response', result: 'read-write-denied' });
    });

    it('answers bytes that are no APDU with service-unknown', () => {
      expect(pdu(associated().handleApdu(fromHex('FF0102'), PUBLIC_SAP, T0))).to.deep.include({ type: 'exception-response', stateError: 'service-unknown' });
    });
  });

  describe('GET with block transfer (Green Book 9.4.6)', () => {
    const LONG = '0-0:128.0.0.255';

    it('sends a value longer than the client max receive PDU in blocks, each within the limit', () => {
      const s = associated(PUBLIC_SAP, 256);
      const raw: Uint8Array[] = [];
      let response = s.handleApdu(getBytes(1, LONG, 2, 3), PUBLIC_SAP, T0)!;
      for (let block = 1; ; block++) {
        expect(response.length).to.be.at.most(256);
        const r = pdu(response);
        if (r.type !== 'get-response' || r.variant !== 'with-datablock' || r.result.result.kind !== 'raw-data') throw new Error('expected a data block');
        expect(r.result.blockNumber).to.equal(block);
        expect(r.invokeIdAndPriority.invokeId).to.equal(3);
        raw.push(r.result.result.rawData);
        if (r.result.lastBlock) break;
        response = s.handleApdu(getNextBytes(block, 3), PUBLIC_SAP, T0)!;
      }
      expect(raw.length).to.equal(3);
      const whole = Uint8Array.from(raw.flatMap((b) => [...b]));
      const data = decodeDataBytes(whole);
      expect(data.type).to.equal('octet-string');
      if (data.type === 'octet-string') expect(data.value.length).to.equal(600);
    });

    it('answers a wrong block number with data-block-number-invalid', () => {
      const s = associated(PUBLIC_SAP, 256);
      s.handleApdu(getBytes(1, LONG, 2), PUBLIC_SAP, T0);
      const r = pdu(s.handleApdu(getNextBytes(5), PUBLIC_SAP, T0));
      expect(r).to.deep.include({
        variant: 'with-datablock',
        result: { lastBlock: true, blockNumber: 5, result: { kind: 'data-access-result', result: 'data-block-number-invalid' } },
      });
    });

    it('answers get-request-next with no long GET in progress with no-long-get-in-progress', () => {
      const r = pdu(associated().handleApdu(getNextBytes(1), PUBLIC_SAP, T0));
      expect(r).to.deep.include({
        variant: 'with-datablock',
        result: { lastBlock: true, blockNumber: 1, result: { kind: 'data-access-result', result: 'no-long-get-in-progress' } },
      });
    });

    it('sends the same value in one response when it fits', () => {
      const r = pdu(associated(PUBLIC_SAP, 1024).handleApdu(getBytes(1, LONG, 2), PUBLIC_SAP, T0));
      expect(r).to.deep.include({ type: 'get-response', variant: 'normal' });
    });
  });
});
