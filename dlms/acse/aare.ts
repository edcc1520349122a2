import { ByteReader, ByteWriter, DecodeError } from '../bytes';
import { contentReader, formatTag, readElement, tag, writeElement, type BerBitString, type BerElement } from '../ber';
import {
  authenticationValue,
  decodeAcseApdu,
  encodeAcseApdu,
  explicitInteger,
  explicitNamedInteger,
  explicitOctetString,
  explicitOid,
  field,
  implicitBitString,
  implicitBytes,
  implicitOid,
  type AuthenticationValue,
  type FieldCodec,
  type AcseApduSpec,
  type FieldSpec,
} from './fields';
import {
  ACSE_SERVICE_PROVIDER,
  ACSE_SERVICE_USER,
  ASSOCIATION_RESULT,
  type AcseServiceProviderDiagnostic,
  type AcseServiceUserDiagnostic,
  type AssociationResult,
} from './names';
import { userInformation, type UserInformation } from './user-information';

/**
 * Associate-source-diagnostic ::= CHOICE { acse-service-user [1] INTEGER {…}, acse-service-provider
 * [2] INTEGER {…} }, each alternative EXPLICIT (A1 03 02 01 00 on the wire).
 */
export type ResultSourceDiagnostic =
  | { readonly source: 'acse-service-user'; readonly diagnostic: AcseServiceUserDiagnostic }
  | { readonly source: 'acse-service-provider'; readonly diagnostic: AcseServiceProviderDiagnostic };

/**
 * AARE-apdu ::= [APPLICATION 1] IMPLICIT SEQUENCE (Green Book 9.3): the server's answer. The
 * result and its diagnostic are what conformance cases assert on, by name.
 */
export interface Aare {
  readonly type: 'aare';
  readonly protocolVersion?: BerBitString;
  readonly applicationContextName: string;
  readonly result: AssociationResult;
  readonly resultSourceDiagnostic: ResultSourceDiagnostic;
  /** The server's system title, with ciphered contexts and HLS-GMAC. */
  readonly respondingApTitle?: Uint8Array;
  readonly respondingAeQualifier?: Uint8Array;
  readonly respondingApInvocationId?: number;
  readonly respondingAeInvocationId?: number;
  readonly responderAcseRequirements?: BerBitString;
  readonly mechanismName?: string;
  /** The server's HLS challenge (StoC). */
  readonly respondingAuthenticationValue?: AuthenticationValue;
  readonly implementationInformation?: Uint8Array;
  readonly userInformation?: UserInformation;
  readonly unknownFields?: readonly BerElement[];
}

/** [APPLICATION 1] constructed = 0x61. */
export const AARE_TAG = tag('application', true, 1);

const SERVICE_USER = tag('context', true, 1);
const SERVICE_PROVIDER = tag('context', true, 2);

const resultSourceDiagnostic: FieldCodec<ResultSourceDiagnostic> = {
  constructed: true,
  decode: (el) => {
    const r = contentReader(el);
    const inner = readElement(r, 'result-source-diagnostic');
    r.expectEnd('result-source-diagnostic');
    if (inner.tag.cls === 'context' && inner.tag.constructed && inner.tag.number === SERVICE_USER.number) {
      return { source: 'acse-service-user', diagnostic: ACSE_SERVICE_USER.name(explicitInteger.decode(inner)) };
    }
    if (inner.tag.cls === 'context' && inner.tag.constructed && inner.tag.number === SERVICE_PROVIDER.number) {
      return { source: 'acse-service-provider', diagnostic: ACSE_SERVICE_PROVIDER.name(explicitInteger.decode(inner)) };
    }
    throw new DecodeError('ACSE_BAD_DIAGNOSTIC', inner.offset, 'acse-service-user [1] or acse-service-provider [2] (A1 or A2)', formatTag(inner.tag));
  },
  encode: (w, v) => {
    if (v.source === 'acse-service-user') writeElement(w, SERVICE_USER, (c) => explicitInteger.encode(c, ACSE_SERVICE_USER.value(v.diagnostic)));
    else writeElement(w, SERVICE_PROVIDER, (c) => explicitInteger.encode(c, ACSE_SERVICE_PROVIDER.value(v.diagnostic)));
  },
};

export const AARE_FIELDS: readonly FieldSpec[] = [
  field<Aare, 'protocolVersion'>(0, 'protocolVersion', 'protocol-version', implicitBitString),
  field<Aare, 'applicationContextName'>(1, 'applicationContextName', 'application-context-name', explicitOid, true),
  field<Aare, 'result'>(2, 'result', 'result', explicitNamedInteger(ASSOCIATION_RESULT), true),
  field<Aare, 'resultSourceDiagnostic'>(3, 'resultSourceDiagnostic', 'result-source-diagnostic', resultSourceDiagnostic, true),
  field<Aare, 'respondingApTitle'>(4, 'respondingApTitle', 'responding-AP-title', explicitOctetString),
  field<Aare, 'respondingAeQualifier'>(5, 'respondingAeQualifier', 'responding-AE-qualifier', explicitOctetString),
  field<Aare, 'respondingApInvocationId'>(6, 'respondingApInvocationId', 'responding-AP-invocation-id', explicitInteger),
  field<Aare, 'respondingAeInvocationId'>(7, 'respondingAeInvocationId', 'responding-AE-invocation-id', explicitInteger),
  field<Aare, 'responderAcseRequirements'>(8, 'responderAcseRequirements', 'responder-acse-requirements', implicitBitString),
  field<Aare, 'mechanismName'>(9, 'mechanismName', 'mechanism-name', implicitOid),
  field<Aare, 'respondingAuthenticationValue'>(10, 'respondingAuthenticationValue', 'responding-authentication-value', authenticationValue),
  field<Aare, 'implementationInformation'>(29, 'implementationInformation', 'implementation-information', implicitBytes),
  field<Aare, 'userInformation'>(30, 'userInformation', 'user-information', userInformation),
];

const AARE: AcseApduSpec = { type: 'aare', tag: AARE_TAG, fields: AARE_FIELDS };

/** Decodes the AARE element at the reader's position (its tag included). */
export function decodeAare(r: ByteReader): Aare {
  return decodeAcseApdu<Aare>(r, AARE);
}

export function encodeAare(w: ByteWriter, v: Aare): void {
  encodeAcseApdu(w, AARE, v);
}
