import { ByteReader, ByteWriter } from '../bytes';
import { tag, type BerBitString, type BerElement } from '../ber';
import {
  authenticationValue,
  decodeAcseApdu,
  encodeAcseApdu,
  explicitInteger,
  explicitOctetString,
  explicitOid,
  field,
  implicitBitString,
  implicitBytes,
  implicitOid,
  type AuthenticationValue,
  type AcseApduSpec,
  type FieldSpec,
} from './fields';
import { userInformation, type UserInformation } from './user-information';

/**
 * AARQ-apdu ::= [APPLICATION 0] IMPLICIT SEQUENCE (Green Book 9.3, ISO/IEC 8650-1): the client's
 * request to open an association. Every field of the ASN.1 is here; OIDs are dotted strings
 * (names in names.ts), AP-titles and AE-qualifiers bytes (the system title, the certificate).
 */
export interface Aarq {
  readonly type: 'aarq';
  /** protocol-version BIT STRING {version1(0)} DEFAULT {version1}: absent when the sender left the DEFAULT. */
  readonly protocolVersion?: BerBitString;
  readonly applicationContextName: string;
  readonly calledApTitle?: Uint8Array;
  readonly calledAeQualifier?: Uint8Array;
  readonly calledApInvocationId?: number;
  readonly calledAeInvocationId?: number;
  /** The client's system title, with ciphered contexts and HLS-GMAC. */
  readonly callingApTitle?: Uint8Array;
  /** The client's public key certificate, with HLS-ECDSA. */
  readonly callingAeQualifier?: Uint8Array;
  readonly callingApInvocationId?: number;
  readonly callingAeInvocationId?: number;
  /** ACSE-requirements BIT STRING {authentication(0)}: present when a mechanism is used. */
  readonly senderAcseRequirements?: BerBitString;
  readonly mechanismName?: string;
  /** The LLS password or the HLS challenge: secret material, never shown in traces. */
  readonly callingAuthenticationValue?: AuthenticationValue;
  readonly implementationInformation?: Uint8Array;
  readonly userInformation?: UserInformation;
  /** Elements with tag numbers this table does not know, kept so re-encoding reproduces them. */
  readonly unknownFields?: readonly BerElement[];
}

/** [APPLICATION 0] constructed = 0x60. */
export const AARQ_TAG = tag('application', true, 0);

export const AARQ_FIELDS: readonly FieldSpec[] = [
  field<Aarq, 'protocolVersion'>(0, 'protocolVersion', 'protocol-version', implicitBitString),
  field<Aarq, 'applicationContextName'>(1, 'applicationContextName', 'application-context-name', explicitOid, true),
  field<Aarq, 'calledApTitle'>(2, 'calledApTitle', 'called-AP-title', explicitOctetString),
  field<Aarq, 'calledAeQualifier'>(3, 'calledAeQualifier', 'called-AE-qualifier', explicitOctetString),
  field<Aarq, 'calledApInvocationId'>(4, 'calledApInvocationId', 'called-AP-invocation-id', explicitInteger),
  field<Aarq, 'calledAeInvocationId'>(5, 'calledAeInvocationId', 'called-AE-invocation-id', explicitInteger),
  field<Aarq, 'callingApTitle'>(6, 'callingApTitle', 'calling-AP-title', explicitOctetString),
  field<Aarq, 'callingAeQualifier'>(7, 'callingAeQualifier', 'calling-AE-qualifier', explicitOctetString),
  field<Aarq, 'callingApInvocationId'>(8, 'callingApInvocationId', 'calling-AP-invocation-id', explicitInteger),
  field<Aarq, 'callingAeInvocationId'>(9, 'callingAeInvocationId', 'calling-AE-invocation-id', explicitInteger),
  field<Aarq, 'senderAcseRequirements'>(10, 'senderAcseRequirements', 'sender-acse-requirements', implicitBitString),
  field<Aarq, 'mechanismName'>(11, 'mechanismName', 'mechanism-name', implicitOid),
  field<Aarq, 'callingAuthenticationValue'>(12, 'callingAuthenticationValue', 'calling-authentication-value', authenticationValue),
  field<Aarq, 'implementationInformation'>(29, 'implementationInformation', 'implementation-information', implicitBytes),
  field<Aarq, 'userInformation'>(30, 'userInformation', 'user-information', userInformation),
];

const AARQ: AcseApduSpec = { type: 'aarq', tag: AARQ_TAG, fields: AARQ_FIELDS };

/** Decodes the AARQ element at the reader's position (its tag included). */
export function decodeAarq(r: ByteReader): Aarq {
  return decodeAcseApdu<Aarq>(r, AARQ);
}

export function encodeAarq(w: ByteWriter, v: Aarq): void {
  encodeAcseApdu(w, AARQ, v);
}
