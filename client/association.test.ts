import { expect } from 'chai';
import fc from 'fast-check';
import { decodePduBytes, encodePduBytes, type Pdu } from '../dlms/pdu/pdu';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from '../dlms/acse/names';
import { userInformationFor } from '../dlms/acse/user-information';
import { encodeAcseBytes } from '../dlms/pdu/pdu';
import { fromHex, toHex } from '../dlms/bytes/hex';
import { Secret } from '../dlms/secret';
import type { AssociationParams } from './api';
import { associate, bitStringFromText, buildAarq, buildRlrq, initiateRequestFor, release } from './association';
import type { ApduArrival, Link } from './link';

const PUBLIC: AssociationParams = { name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' };
const LLS: AssociationParams = { name: 'reader', clientSap: 1, referencing: 'ln', authentication: 'low', password: Secret.fromText('12345678', 'test') };

/** A Link that answers every exchange with the next PDU of a script and keeps what was sent. */
function scripted(...answers: (Pdu | ApduArrival)[]): Link & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return {
    sent,
    open: async () => ({ kind: 'open', note: '' }),
    async exchange(apdu) {
      sent.push(apdu);
      const next = answers.shift();
      if (!next) return { kind: 'silence', waitedMs: 10 };
      return 'kind' in next ? next : { kind: 'apdu', bytes: encodePduBytes(next) };
    },
    receive: async () => ({ kind: 'silence', waitedMs: 10 }),
    close: async () => undefined,
  };
}

describe('client association (AARQ/AARE, RLRQ/RLRE)', () => {
  it('builds the AARQ the independent client of c_hdlc_none.trace sent, byte for byte, given its conformance', () => {
    // c_hdlc_none.trace line 12 (Gurux C client): LN context, no authentication, InitiateRequest
    // version 6, conformance 401E1D, client max receive PDU 0xFFFF.
    const recorded = fromHex('601DA109060760857405080101BE10040E01000000065F1F0400401E1DFFFF');
    const theirs = decodePduBytes(recorded);
    if (theirs.type !== 'aarq' || theirs.userInformation?.apdu?.type !== 'initiate-request') throw new Error('not an AARQ');
    const ours = buildAarq({ ...PUBLIC, conformance: theirs.userInformation.apdu.proposedConformance });
    expect(toHex(encodeAcseBytes(ours))).to.equal(toHex(recorded));
  });

  it('builds the Green Book LLS AARQ example: authentication FU, mechanism low, the password as charstring', () => {
    // Green Book (AARQ with LLS, password "12345678", conformance 007E1F, client PDU 0x04B0).
    const golden = fromHex('6036A1090607608574050801018A0207808B0760857405080201AC0A80083132333435363738BE10040E01000000065F1F0400007E1F04B0');
    const theirs = decodePduBytes(golden);
    if (theirs.type !== 'aarq' || theirs.userInformation?.apdu?.type !== 'initiate-request') throw new Error('not an AARQ');
    const ours = buildAarq({ ...LLS, conformance: theirs.userInformation.apdu.proposedConformance, maxReceivePduSize: 0x04b0 });
    expect(toHex(encodeAcseBytes(ours))).to.equal(toHex(golden));
    expect(decodePduBytes(encodeAcseBytes(ours))).to.deep.equal(theirs);
  });

  it('sets every overridden ACSE field and InitiateRequest field, and only those', () => {
    const aarq = buildAarq({
      ...PUBLIC,
      dlmsVersion: 5,
      maxReceivePduSize: 11,
      aarq: {
        protocolVersion: '100001',
        applicationContextName: 'short-name-with-ciphering',
        calledApTitle: Uint8Array.of(1),
        calledAeQualifier: Uint8Array.of(2),
        calledApInvocationId: 3,
        calledAeInvocationId: 4,
        callingApTitle: Uint8Array.of(5),
        callingAeQualifier: Uint8Array.of(6),
        callingApInvocationId: 7,
        callingAeInvocationId: 8,
        acseRequirements: 'authentication',
        mechanismName: '2.16.756.5.8.2.99',
        dedicatedKey: new Secret(new Uint8Array(16), 'test'),
        proposedQualityOfService: 1,
        responseAllowed: true,
      },
    });
    expect(aarq).to.deep.include({
      protocolVersion: { length: 6, bytes: Uint8Array.of(0x84) },
      applicationContextName: APPLICATION_CONTEXT_NAME['short-name-with-ciphering'],
      calledApTitle: Uint8Array.of(1),
      calledAeQualifier: Uint8Array.of(2),
      calledApInvocationId: 3,
      calledAeInvocationId: 4,
      callingApTitle: Uint8Array.of(5),
      callingAeQualifier: Uint8Array.of(6),
      callingApInvocationId: 7,
      callingAeInvocationId: 8,
      mechanismName: '2.16.756.5.8.2.99',
    });
    expect(aarq.callingAuthenticationValue).to.equal(undefined);
    expect(aarq.userInformation?.apdu).to.deep.equal({
      type: 'initiate-request',
      dedicatedKey: new Uint8Array(16),
      responseAllowed: true,
      proposedQualityOfService: 1,
      proposedDlmsVersionNumber: 5,
      proposedConformance: initiateRequestFor(PUBLIC).proposedConformance,
      clientMaxReceivePduSize: 11,
    });
    // The whole AARQ survives the codec.
    expect(decodePduBytes(encodeAcseBytes(aarq))).to.deep.equal({
      ...aarq,
      userInformation: { raw: aarq.userInformation!.raw, apdu: aarq.userInformation!.apdu },
    });
  });

  it('keeps the authentication functional unit of an LLS association when only the mechanism is left out', () => {
    const aarq = buildAarq({ ...LLS, aarq: { mechanismName: 'absent' } });
    expect(aarq.senderAcseRequirements).to.deep.equal({ length: 1, bytes: Uint8Array.of(0x80) });
    expect(aarq.mechanismName).to.equal(undefined);
    expect(aarq.callingAuthenticationValue?.kind).to.equal('charstring');
    const noFu = buildAarq({ ...LLS, aarq: { acseRequirements: 'absent' } });
    expect(noFu.senderAcseRequirements).to.equal(undefined);
    expect(noFu.mechanismName).to.equal(MECHANISM_NAME.low);
  });

  it('proposes the SN services in a short-name association', () => {
    const aarq = buildAarq({ ...PUBLIC, referencing: 'sn' });
    expect(aarq.applicationContextName).to.equal(APPLICATION_CONTEXT_NAME['short-name']);
    expect(aarq.userInformation?.apdu).to.deep.include({ proposedConformance: initiateRequestFor({ ...PUBLIC, referencing: 'sn' }).proposedConformance });
    expect(initiateRequestFor({ ...PUBLIC, referencing: 'sn' }).proposedConformance).to.include.members(['read', 'write']);
  });

  it('refuses a protocol-version or an OID that is not one (a harness mistake, not a DUT outcome)', () => {
    expect(() => bitStringFromText('10x')).to.throw(/protocol-version/);
    expect(() => buildAarq({ ...PUBLIC, aarq: { applicationContextName: 'no-such-context' } })).to.throw(/application-context-name/);
  });

  it('turns any protocol-version text into the bits it names (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (bits) => {
        const text = bits.map((b) => (b ? '1' : '0')).join('');
        const bs = bitStringFromText(text);
        expect(bs.length).to.equal(bits.length);
        bits.forEach((b, i) => expect(((bs.bytes[i >> 3]! >> (7 - (i & 7))) & 1) === 1).to.equal(b));
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('reads an accepted AARE: negotiated conformance, PDU size, version, context and vaa-name', async () => {
    const link = scripted({
      type: 'aare',
      applicationContextName: APPLICATION_CONTEXT_NAME['short-name'],
      result: 'accepted',
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'null' },
      userInformation: userInformationFor({
        type: 'initiate-response',
        negotiatedDlmsVersionNumber: 6,
        negotiatedConformance: ['read'],
        serverMaxReceivePduSize: 512,
        vaaName: 0xfa00,
      }),
    });
    expect(await associate(link, { ...PUBLIC, referencing: 'sn' })).to.deep.equal({
      kind: 'accepted',
      negotiatedConformance: ['read'],
      serverMaxReceivePduSize: 512,
      dlmsVersion: 6,
      applicationContextName: 'short-name',
      vaaName: 0xfa00,
    });
  });

  it('reads a refusal: result, diagnostic source and name, and the initiate error of the user-information', async () => {
    const refusal = (ui?: Pdu) =>
      scripted({
        type: 'aare',
        applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'],
        result: 'rejected-permanent',
        resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'no-reason-given' },
        ...(ui && ui.type === 'confirmed-service-error' ? { userInformation: userInformationFor(ui) } : {}),
      });
    expect(
      await associate(
        refusal({ type: 'confirmed-service-error', service: 'initiateError', error: { kind: 'initiate', value: 'dlms-version-too-low' } }),
        PUBLIC,
      ),
    ).to.deep.equal({
      kind: 'rejected',
      result: 'rejected-permanent',
      diagnosticSource: 'acse-service-user',
      diagnostic: 'no-reason-given',
      initiateError: 'dlms-version-too-low',
    });
    expect(
      await associate(refusal({ type: 'confirmed-service-error', service: 'read', error: { kind: 'access', value: 'hardware-fault' } }), PUBLIC),
    ).to.deep.include({ initiateError: 'read: access hardware-fault' });
    const provider = scripted({
      type: 'aare',
      applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'],
      result: 'rejected-permanent',
      resultSourceDiagnostic: { source: 'acse-service-provider', diagnostic: 'no-common-acse-version' },
    });
    expect(await associate(provider, PUBLIC)).to.deep.equal({
      kind: 'rejected',
      result: 'rejected-permanent',
      diagnosticSource: 'acse-service-provider',
      diagnostic: 'no-common-acse-version',
    });
  });

  it('reports an answer that is no AARE, or an accepted AARE without InitiateResponse, as malformed with a code', async () => {
    expect(await associate(scripted({ type: 'rlre', reason: 'normal' }), PUBLIC)).to.deep.include({ kind: 'malformed', code: 'ACSE_UNEXPECTED_APDU' });
    const bare = scripted({
      type: 'aare',
      applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'],
      result: 'accepted',
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'null' },
    });
    expect(await associate(bare, PUBLIC)).to.deep.include({ kind: 'malformed', code: 'ACSE_NO_INITIATE_RESPONSE' });
    expect(await associate(scripted({ kind: 'silence', waitedMs: 5 }), PUBLIC)).to.deep.equal({ kind: 'silence', waitedMs: 5 });
  });

  it('builds the RLRQ of c_hdlc_none.trace (reason normal), and one with reason and user-information', () => {
    expect(toHex(encodeAcseBytes(buildRlrq()))).to.equal('6203800100');
    const withUi = buildRlrq({ reason: 'urgent', userInformation: true }, initiateRequestFor(PUBLIC));
    expect(withUi.reason).to.equal('urgent');
    expect(withUi.userInformation?.apdu).to.deep.equal(initiateRequestFor(PUBLIC));
  });

  it('reads an RLRE: its reason and the APDU type of its user-information', async () => {
    const rlre = scripted({
      type: 'rlre',
      reason: 'normal',
      userInformation: userInformationFor({
        type: 'initiate-response',
        negotiatedDlmsVersionNumber: 6,
        negotiatedConformance: ['get'],
        serverMaxReceivePduSize: 512,
        vaaName: 7,
      }),
    });
    expect(await release(rlre, { userInformation: true }, initiateRequestFor(PUBLIC))).to.deep.equal({
      kind: 'released',
      reason: 'normal',
      userInformation: 'initiate-response',
    });
    expect(
      await release(
        scripted({
          type: 'aare',
          applicationContextName: '2.16.756.5.8.1.1',
          result: 'accepted',
          resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'null' },
        }),
      ),
    ).to.deep.include({
      kind: 'malformed',
      code: 'ACSE_UNEXPECTED_APDU',
    });
  });

  it('reads an exception-response to an RLRQ as a refusal of the release, not as a malformed answer (real-meter.md section 2: D8 01 02)', async () => {
    const link = scripted({ kind: 'apdu', bytes: fromHex('D80102') });
    expect(await release(link)).to.deep.equal({ kind: 'exception', stateError: 'service-not-allowed', serviceError: 'service-not-supported' });
  });
});
