import { ByteReader, ByteWriter } from '../bytes';
import { tag, type BerElement } from '../ber';
import { decodeAcseApdu, encodeAcseApdu, field, implicitNamedInteger, type AcseApduSpec, type FieldSpec } from './fields';
import { RELEASE_REQUEST_REASON, RELEASE_RESPONSE_REASON, type ReleaseRequestReason, type ReleaseResponseReason } from './names';
import { userInformation, type UserInformation } from './user-information';

/**
 * RLRQ-apdu ::= [APPLICATION 2] and RLRE-apdu ::= [APPLICATION 3] IMPLICIT SEQUENCE (Green Book
 * 9.3): reason [0] IMPLICIT INTEGER OPTIONAL and user-information [30] OPTIONAL (a ciphered
 * InitiateRequest/-Response when the association was ciphered).
 */
export interface Rlrq {
  readonly type: 'rlrq';
  readonly reason?: ReleaseRequestReason;
  readonly userInformation?: UserInformation;
  readonly unknownFields?: readonly BerElement[];
}

export interface Rlre {
  readonly type: 'rlre';
  readonly reason?: ReleaseResponseReason;
  readonly userInformation?: UserInformation;
  readonly unknownFields?: readonly BerElement[];
}

/** [APPLICATION 2] constructed = 0x62, [APPLICATION 3] constructed = 0x63. */
export const RLRQ_TAG = tag('application', true, 2);
export const RLRE_TAG = tag('application', true, 3);

export const RLRQ_FIELDS: readonly FieldSpec[] = [
  field<Rlrq, 'reason'>(0, 'reason', 'reason', implicitNamedInteger(RELEASE_REQUEST_REASON)),
  field<Rlrq, 'userInformation'>(30, 'userInformation', 'user-information', userInformation),
];

export const RLRE_FIELDS: readonly FieldSpec[] = [
  field<Rlre, 'reason'>(0, 'reason', 'reason', implicitNamedInteger(RELEASE_RESPONSE_REASON)),
  field<Rlre, 'userInformation'>(30, 'userInformation', 'user-information', userInformation),
];

const RLRQ: AcseApduSpec = { type: 'rlrq', tag: RLRQ_TAG, fields: RLRQ_FIELDS };

/** Decodes the RLRQ element at the reader's position (its tag included). */
export function decodeRlrq(r: ByteReader): Rlrq {
  return decodeAcseApdu<Rlrq>(r, RLRQ);
}

export function encodeRlrq(w: ByteWriter, v: Rlrq): void {
  encodeAcseApdu(w, RLRQ, v);
}

const RLRE: AcseApduSpec = { type: 'rlre', tag: RLRE_TAG, fields: RLRE_FIELDS };

/** Decodes the RLRE element at the reader's position (its tag included). */
export function decodeRlre(r: ByteReader): Rlre {
  return decodeAcseApdu<Rlre>(r, RLRE);
}

export function encodeRlre(w: ByteWriter, v: Rlre): void {
  encodeAcseApdu(w, RLRE, v);
}
