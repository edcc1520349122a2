import { expect } from 'chai';
import type { Aarq } from '../../dlms/acse/aarq';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from '../../dlms/acse/names';
import { userInformationFor } from '../../dlms/acse/user-information';
import { bitStringOf } from '../../dlms/ber/bit-string';
import type { InitiateRequest } from '../../dlms/xdlms/initiate';
import { NO_FAULTS } from '../faults';
import { BUILTIN_SECRETS } from '../secrets';
import { DEFAULT } from '../../test/support/simulator/testing';
import { answerAarq } from './association';

const INITIATE: InitiateRequest = {
  type: 'initiate-request',
  proposedDlmsVersionNumber: 6,
  proposedConformance: ['get', 'read', 'block-transfer-with-get-or-read'],
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

const LLS: Partial<Aarq> = {
  senderAcseRequirements: bitStringOf(1, [0]),
  mechanismName: MECHANISM_NAME.low,
  callingAuthenticationValue: { kind: 'charstring', value: new TextEncoder().encode(BUILTIN_SECRETS['sim-lls']!) },
};

const answer = (a: Aarq, sap = 16) => answerAarq(a, sap, DEFAULT, NO_FAULTS);

interface Row {
  readonly rule: string;
  readonly aarq: Aarq;
  readonly sap?: number;
  readonly source?: 'acse-service-user' | 'acse-service-provider';
  readonly diagnostic: string;
  readonly initiate?: string;
}

/** Every refusal rule of association.ts, one AARQ each (Green Book 9.3.2, 9.4.6). */
const REFUSALS: readonly Row[] = [
  {
    rule: 'protocol-version without version1',
    aarq: aarq({ protocolVersion: bitStringOf(2, [1]) }),
    source: 'acse-service-provider',
    diagnostic: 'no-common-acse-version',
  },
  { rule: 'an unknown application context', aarq: aarq({ applicationContextName: '2.16.756.5.8.1.99' }), diagnostic: 'application-context-name-not-supported' },
  {
    rule: 'the SN context for an LN association',
    aarq: aarq({ applicationContextName: APPLICATION_CONTEXT_NAME['short-name'] }),
    diagnostic: 'application-context-name-not-supported',
  },
  { rule: 'the LN context for the SN association', aarq: aarq(), sap: 18, diagnostic: 'application-context-name-not-supported' },
  {
    rule: 'a ciphered context',
    aarq: aarq({ applicationContextName: APPLICATION_CONTEXT_NAME['logical-name-with-ciphering'] }),
    diagnostic: 'application-context-name-not-supported',
  },
  { rule: 'a client SAP with no association', aarq: aarq(), sap: 99, diagnostic: 'no-reason-given' },
  {
    rule: 'a mechanism for the public association',
    aarq: aarq({ mechanismName: MECHANISM_NAME.low }),
    diagnostic: 'authentication-mechanism-name-not-recognised',
  },
  {
    rule: 'LLS without the authentication FU',
    aarq: aarq({ ...LLS, senderAcseRequirements: bitStringOf(1, []) }),
    sap: 1,
    diagnostic: 'authentication-required',
  },
  {
    rule: 'LLS without a mechanism',
    aarq: aarq({ senderAcseRequirements: LLS.senderAcseRequirements!, callingAuthenticationValue: LLS.callingAuthenticationValue! }),
    sap: 1,
    diagnostic: 'authentication-mechanism-name-required',
  },
  {
    rule: 'LLS with another mechanism',
    aarq: aarq({ ...LLS, mechanismName: MECHANISM_NAME.high }),
    sap: 1,
    diagnostic: 'authentication-mechanism-name-not-recognised',
  },
  {
    rule: 'LLS without a password',
    aarq: aarq({ senderAcseRequirements: LLS.senderAcseRequirements!, mechanismName: MECHANISM_NAME.low }),
    sap: 1,
    diagnostic: 'authentication-failure',
  },
  { rule: 'no InitiateRequest', aarq: { type: 'aarq', applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'] }, diagnostic: 'no-reason-given' },
  { rule: 'a dedicated key without ciphering', aarq: aarq({}, { dedicatedKey: new Uint8Array(16) }), diagnostic: 'no-reason-given', initiate: 'other' },
  { rule: 'DLMS version 5', aarq: aarq({}, { proposedDlmsVersionNumber: 5 }), diagnostic: 'no-reason-given', initiate: 'dlms-version-too-low' },
  {
    rule: 'no service in common',
    aarq: aarq({}, { proposedConformance: ['event-notification'] }),
    diagnostic: 'no-reason-given',
    initiate: 'incompatible-conformance',
  },
  { rule: 'a client PDU size of 11', aarq: aarq({}, { clientMaxReceivePduSize: 11 }), diagnostic: 'no-reason-given', initiate: 'pdu-size-too-short' },
];

describe('server association establishment (AARQ → AARE)', () => {
  for (const row of REFUSALS) {
    it(`refuses ${row.rule}: rejected-permanent, ${row.source ?? 'acse-service-user'} ${row.diagnostic}${row.initiate ? `, initiate ${row.initiate}` : ''}`, () => {
      const { aare, association } = answer(row.aarq, row.sap);
      expect(association).to.equal(undefined);
      expect(aare.result).to.equal('rejected-permanent');
      expect(aare.resultSourceDiagnostic).to.deep.equal({ source: row.source ?? 'acse-service-user', diagnostic: row.diagnostic });
      if (row.initiate) {
        expect(aare.userInformation?.apdu).to.deep.equal({
          type: 'confirmed-service-error',
          service: 'initiateError',
          error: { kind: 'initiate', value: row.initiate },
        });
      } else {
        expect(aare.userInformation).to.equal(undefined);
      }
    });
  }

  it('accepts version1 alone or with later versions, titles, qualifiers, invocation ids and a quality of service, all ignored', () => {
    const variants: Aarq[] = [
      aarq({ protocolVersion: bitStringOf(1, [0]) }),
      aarq({ protocolVersion: bitStringOf(6, [0, 5]) }),
      aarq({ calledApTitle: Uint8Array.of(1), calledAeQualifier: Uint8Array.of(2), calledApInvocationId: 3, calledAeInvocationId: 4 }),
      aarq({ callingApTitle: new Uint8Array(8), callingAeQualifier: Uint8Array.of(6), callingApInvocationId: 7, callingAeInvocationId: 8 }),
      aarq({}, { proposedQualityOfService: 1 }),
      aarq({ mechanismName: MECHANISM_NAME.lowest }),
    ];
    for (const a of variants) expect(answer(a).aare.result, JSON.stringify(Object.keys(a))).to.equal('accepted');
  });

  it('negotiates proposal ∩ offer, the client PDU size, version 6, and answers vaa-name 7 for LN', () => {
    const { aare, association } = answer(
      aarq({}, { proposedConformance: ['get', 'read', 'action', 'block-transfer-with-get-or-read'], clientMaxReceivePduSize: 0 }),
    );
    expect(aare).to.deep.include({
      result: 'accepted',
      applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'],
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'null' },
    });
    const ir = aare.userInformation?.apdu;
    if (ir?.type !== 'initiate-response') throw new Error('expected an InitiateResponse');
    expect(ir).to.deep.include({ negotiatedDlmsVersionNumber: 6, serverMaxReceivePduSize: 1024, vaaName: 7 });
    expect(ir.negotiatedConformance).to.have.members(['block-transfer-with-get-or-read', 'get']);
    expect(association).to.deep.include({ clientMaxReceivePduSize: 0, dlmsVersion: 6 });
  });

  it('accepts the SN context for the SN association and answers vaa-name 0xFA00', () => {
    const { aare } = answer(aarq({ applicationContextName: APPLICATION_CONTEXT_NAME['short-name'] }), 18);
    expect(aare.applicationContextName).to.equal(APPLICATION_CONTEXT_NAME['short-name']);
    expect(aare.userInformation?.apdu).to.deep.include({ type: 'initiate-response', vaaName: 0xfa00 });
  });

  it('accepts LLS with the functional unit, mechanism low and the right password', () => {
    expect(answer(aarq(LLS), 1).aare.result).to.equal('accepted');
  });
});
