/**
 * The behaviour cases of the association and short-name faults, for faults.test.ts: what the
 * clean meter answers to an AARQ variation (or an SN request), then what the faulty one answers
 * instead. AARQs are built field by field here, so each case varies exactly one field.
 */
import { expect } from 'chai';
import type { Aarq } from '../../../../dlms/acse/aarq';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from '../../../../dlms/acse/names';
import { encodePduBytes, type Pdu } from '../../../../dlms/pdu/pdu';
import { userInformationFor } from '../../../../dlms/acse/user-information';
import { bitStringOf } from '../../../../dlms/ber/bit-string';
import type { Apdu } from '../../../../dlms/xdlms/apdu';
import type { ConformanceBit } from '../../../../dlms/xdlms/conformance';
import type { InitiateRequest } from '../../../../dlms/xdlms/initiate';
import { createServerConnection } from '../../../../simulator/server/connection';
import { BUILTIN_SECRETS } from '../../../../simulator/secrets';
import { DEFAULT, getBytes, HdlcTestClient, pdu, T0 } from '../testing';
import { activeHooks } from '../../../../simulator/faults/types';
import { faultsNamed } from '../../../../simulator/faults';
import { baseNames } from '../../../../simulator/objects/short-names';

const PUBLIC = 16;
const MANAGEMENT = 1;
const SHORT = 18;

const INITIATE: InitiateRequest = {
  type: 'initiate-request',
  proposedDlmsVersionNumber: 6,
  proposedConformance: ['get', 'set', 'read', 'write', 'block-transfer-with-get-or-read', 'multiple-references'],
  clientMaxReceivePduSize: 0xffff,
};

function aarq(fields: Partial<Aarq> = {}, initiate: Partial<InitiateRequest> = {}): Aarq {
  return {
    type: 'aarq',
    applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'],
    userInformation: userInformationFor({ ...INITIATE, ...initiate }),
    ...fields,
  };
}

/** LLS fields for the management association, the right password. */
function lls(fields: Partial<Aarq> = {}): Aarq {
  return aarq({
    senderAcseRequirements: bitStringOf(1, [0]),
    mechanismName: MECHANISM_NAME.low,
    callingAuthenticationValue: { kind: 'charstring', value: new TextEncoder().encode(BUILTIN_SECRETS['sim-lls']!) },
    ...fields,
  });
}

function connect(faults: readonly string[], sap: number): HdlcTestClient {
  const conn = createServerConnection({ meter: DEFAULT, framing: 'hdlc', hooks: activeHooks(faultsNamed(faults)), startedAt: T0 });
  const c = new HdlcTestClient(conn, () => T0, { size: 1, upper: sap });
  c.connect();
  return c;
}

function answer(faults: readonly string[], request: Aarq, sap = PUBLIC): Pdu {
  return pdu(connect(faults, sap).request(encodePduBytes(request)));
}

/** The clean AARE and the faulty one for the same AARQ. */
function both(fault: string, request: Aarq, sap = PUBLIC): [Pdu, Pdu] {
  return [answer([], request, sap), answer([fault], request, sap)];
}

const accepted = { type: 'aare', result: 'accepted' };
const refusedBy = (diagnostic: string) => ({ result: 'rejected-permanent', resultSourceDiagnostic: { source: 'acse-service-user', diagnostic } });

function initiateError(p: Pdu): unknown {
  return p.type === 'aare' ? p.userInformation?.apdu : undefined;
}

const errorOf = (value: string) => ({ type: 'confirmed-service-error', service: 'initiateError', error: { kind: 'initiate', value } });

/** An SN association of the default meter, and one request in it. */
function sn(faults: readonly string[], request: Apdu): Pdu {
  const c = connect(faults, SHORT);
  const aare = pdu(c.request(encodePduBytes(aarq({ applicationContextName: APPLICATION_CONTEXT_NAME['short-name'] }))));
  if (aare.type !== 'aare' || aare.result !== 'accepted') throw new Error('SN association refused');
  return pdu(c.request(encodePduBytes(request)));
}

/** The short name of the Clock's time (0-0:1.0.0.255 attribute 2) on the default meter. */
function clockTime(): number {
  const [, base] = [...baseNames(DEFAULT.objects)].find(([o]) => o.logicalName.join('.') === '0.0.1.0.0.255')!;
  return base + 8;
}

const LDN_VALUE = 0x0400 + 8; // 0-0:42.0.0.255 attribute 2 (fourth object: base 0x0400)
const UNDEFINED = 0x7ff8;

export const ASSOCIATION_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'aarq-protocol-version-unchecked': () => {
    const [clean, faulty] = both('aarq-protocol-version-unchecked', aarq({ protocolVersion: bitStringOf(2, [1]) }));
    expect(clean).to.deep.include({
      result: 'rejected-permanent',
      resultSourceDiagnostic: { source: 'acse-service-provider', diagnostic: 'no-common-acse-version' },
    });
    expect(faulty).to.deep.include(accepted);
  },

  'aarq-protocol-version-strict': () => {
    const [clean, faulty] = both('aarq-protocol-version-strict', aarq({ protocolVersion: bitStringOf(6, [0, 5]) }));
    expect(clean).to.deep.include(accepted);
    expect(faulty).to.deep.include({ result: 'rejected-permanent' });
    expect(answer(['aarq-protocol-version-strict'], aarq({ protocolVersion: bitStringOf(1, [0]) }))).to.deep.include(accepted);
  },

  'aarq-context-unchecked': () => {
    const [clean, faulty] = both('aarq-context-unchecked', aarq({ applicationContextName: APPLICATION_CONTEXT_NAME['short-name'] }));
    expect(clean).to.deep.include(refusedBy('application-context-name-not-supported'));
    expect(faulty).to.deep.include(accepted);
  },

  'aarq-context-wrong-diagnostic': () => {
    const [clean, faulty] = both('aarq-context-wrong-diagnostic', aarq({ applicationContextName: '2.16.756.5.8.1.99' }));
    expect(clean).to.deep.include(refusedBy('application-context-name-not-supported'));
    expect(faulty).to.deep.include(refusedBy('no-reason-given'));
  },

  'aarq-titles-refused': () => {
    const [clean, faulty] = both('aarq-titles-refused', aarq({ callingApTitle: Uint8Array.of(0x4d, 0x4d, 0x4d, 0, 0, 0, 0, 1) }));
    expect(clean).to.deep.include(accepted);
    expect(faulty).to.deep.include(refusedBy('calling-AP-title-not-recognized'));
    expect(answer(['aarq-titles-refused'], aarq({ calledAeQualifier: Uint8Array.of(2) }))).to.deep.include(refusedBy('called-AE-qualifier-not-recognized'));
    expect(answer(['aarq-titles-refused'], aarq())).to.deep.include(accepted);
  },

  'lls-without-authentication-fu-accepted': () => {
    const { senderAcseRequirements: _fu, ...withoutFu } = lls();
    const [clean, faulty] = both('lls-without-authentication-fu-accepted', withoutFu, MANAGEMENT);
    expect(clean).to.deep.include(refusedBy('authentication-required'));
    expect(faulty).to.deep.include(accepted);
    // The defect: without the functional unit, not even the password is checked.
    const wrongWithoutFu: Aarq = { ...withoutFu, callingAuthenticationValue: { kind: 'charstring', value: new TextEncoder().encode('not-the-password') } };
    expect(answer(['lls-without-authentication-fu-accepted'], wrongWithoutFu, MANAGEMENT)).to.deep.include(accepted);
    expect(
      answer(
        ['lls-without-authentication-fu-accepted'],
        lls({ callingAuthenticationValue: { kind: 'charstring', value: new TextEncoder().encode('not-the-password') } }),
        MANAGEMENT,
      ),
    ).to.deep.include(refusedBy('authentication-failure'));
  },

  'mechanism-name-unchecked': () => {
    const { mechanismName: _m, ...withoutMechanism } = lls();
    const [clean, faulty] = both('mechanism-name-unchecked', withoutMechanism, MANAGEMENT);
    expect(clean).to.deep.include(refusedBy('authentication-mechanism-name-required'));
    expect(faulty).to.deep.include(accepted);
    expect(answer([], lls({ mechanismName: MECHANISM_NAME.high }), MANAGEMENT)).to.deep.include(refusedBy('authentication-mechanism-name-not-recognised'));
  },

  'dedicated-key-accepted-unciphered': () => {
    const [clean, faulty] = both('dedicated-key-accepted-unciphered', aarq({}, { dedicatedKey: new Uint8Array(16) }));
    expect(clean).to.deep.include(refusedBy('no-reason-given'));
    expect(initiateError(clean)).to.deep.equal(errorOf('other'));
    expect(faulty).to.deep.include(accepted);
  },

  'quality-of-service-refused': () => {
    const [clean, faulty] = both('quality-of-service-refused', aarq({}, { proposedQualityOfService: 1 }));
    expect(clean).to.deep.include(accepted);
    expect(faulty).to.deep.include(refusedBy('no-reason-given'));
    expect(answer(['quality-of-service-refused'], aarq())).to.deep.include(accepted);
  },

  'dlms-version-unchecked': () => {
    const [clean, faulty] = both('dlms-version-unchecked', aarq({}, { proposedDlmsVersionNumber: 5 }));
    expect(initiateError(clean)).to.deep.equal(errorOf('dlms-version-too-low'));
    expect(faulty).to.deep.include(accepted);
  },

  'initiate-error-not-reported': () => {
    const [clean, faulty] = both('initiate-error-not-reported', aarq({}, { clientMaxReceivePduSize: 11 }));
    expect(initiateError(clean)).to.deep.equal(errorOf('pdu-size-too-short'));
    expect(faulty).to.deep.include(refusedBy('no-reason-given'));
    expect(faulty).to.not.have.property('userInformation');
  },

  'conformance-not-intersected': () => {
    const [clean, faulty] = both('conformance-not-intersected', aarq({}, { proposedConformance: ['get'] as ConformanceBit[] }));
    const negotiated = (p: Pdu) =>
      p.type === 'aare' && p.userInformation?.apdu?.type === 'initiate-response' ? p.userInformation.apdu.negotiatedConformance : [];
    expect(negotiated(clean)).to.deep.equal(['get']);
    expect(negotiated(faulty)).to.have.members([...DEFAULT.associations[0]!.conformance]);
  },

  'client-pdu-size-unchecked': () => {
    const [clean, faulty] = both('client-pdu-size-unchecked', aarq({}, { clientMaxReceivePduSize: 11 }));
    expect(initiateError(clean)).to.deep.equal(errorOf('pdu-size-too-short'));
    expect(faulty).to.deep.include(accepted);
  },

  'client-pdu-size-signed': () => {
    const [clean, faulty] = both('client-pdu-size-signed', aarq({}, { clientMaxReceivePduSize: 0xffff }));
    expect(clean).to.deep.include(accepted);
    expect(initiateError(faulty)).to.deep.equal(errorOf('pdu-size-too-short'));
    expect(answer(['client-pdu-size-signed'], aarq({}, { clientMaxReceivePduSize: 1024 }))).to.deep.include(accepted);
  },

  'sn-read-wrong-error': () => {
    const read: Apdu = { type: 'read-request', variableAccessSpecification: [{ kind: 'variable-name', variableName: UNDEFINED }] };
    expect(sn([], read)).to.deep.equal({ type: 'read-response', results: [{ kind: 'data-access-error', error: 'object-undefined' }] });
    expect(sn(['sn-read-wrong-error'], read)).to.deep.equal({ type: 'read-response', results: [{ kind: 'data-access-error', error: 'hardware-fault' }] });
  },

  'sn-write-read-only-accepted': () => {
    const write: Apdu = {
      type: 'write-request',
      variableAccessSpecification: [{ kind: 'variable-name', variableName: 0x0400 }],
      listOfData: [{ type: 'octet-string', value: new Uint8Array(6) }],
    };
    expect(sn([], write)).to.deep.equal({ type: 'write-response', results: [{ kind: 'data-access-error', error: 'read-write-denied' }] });
    expect(sn(['sn-write-read-only-accepted'], write)).to.deep.equal({ type: 'write-response', results: [{ kind: 'success' }] });
  },

  'sn-read-date-time-day-zero': () => {
    const read: Apdu = { type: 'read-request', variableAccessSpecification: [{ kind: 'variable-name', variableName: clockTime() }] };
    const day = (p: Pdu) => {
      const r = p.type === 'read-response' ? p.results[0] : undefined;
      return r?.kind === 'data' && r.data.type === 'octet-string' ? r.data.value[3] : undefined;
    };
    expect(day(sn([], read))).to.be.within(1, 31);
    expect(day(sn(['sn-read-date-time-day-zero'], read))).to.equal(0);
  },

  'sn-read-list-first-only': () => {
    const read: Apdu = {
      type: 'read-request',
      variableAccessSpecification: [
        { kind: 'variable-name', variableName: LDN_VALUE },
        { kind: 'variable-name', variableName: UNDEFINED },
      ],
    };
    const results = (p: Pdu) => (p.type === 'read-response' ? p.results.map((r) => r.kind) : []);
    expect(results(sn([], read))).to.deep.equal(['data', 'data-access-error']);
    expect(results(sn(['sn-read-list-first-only'], read))).to.deep.equal(['data']);
  },

  'sap-assignment-missing-device': () => {
    const sap = (faults: readonly string[]) => {
      const c = connect(faults, PUBLIC);
      pdu(c.request(encodePduBytes(aarq())));
      const r = pdu(c.request(getBytes(17, '0-0:41.0.0.255', 2)));
      if (r.type !== 'get-response' || r.variant !== 'normal' || r.result.kind !== 'data' || r.result.data.type !== 'array')
        throw new Error('expected the SAP list');
      const first = r.result.data.items[0];
      return first?.type === 'structure' && first.items[0]?.type === 'long-unsigned' ? first.items[0].value : undefined;
    };
    expect(sap([])).to.equal(DEFAULT.hdlc.serverLogical);
    expect(sap(['sap-assignment-missing-device'])).to.equal(DEFAULT.hdlc.serverLogical + 1);
  },
};
