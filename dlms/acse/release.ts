import { ByteReader, ByteWriter } from '../bytes';
import { expectTag, readElement, tag, writeElement, type BerElement } from '../ber';
import { decodeFields, encodeFields, field, implicitNamedInteger, type FieldSpec } from './fields';
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

export function decodeRlrq(r: ByteReader): Rlrq {
  const el = readElement(r, 'RLRQ');
  expectTag(el, RLRQ_TAG, 'RLRQ');
  return { type: 'rlrq', ...decodeFields(el, RLRQ_FIELDS, 'RLRQ') } as unknown as Rlrq;
}

export function encodeRlrq(w: ByteWriter, v: Rlrq): void {
  writeElement(w, RLRQ_TAG, (c) => encodeFields(c, v as unknown as Record<string, unknown>, RLRQ_FIELDS, v.unknownFields));
}

export function decodeRlre(r: ByteReader): Rlre {
  const el = readElement(r, 'RLRE');
  expectTag(el, RLRE_TAG, 'RLRE');
  return { type: 'rlre', ...decodeFields(el, RLRE_FIELDS, 'RLRE') } as unknown as Rlre;
}

export function encodeRlre(w: ByteWriter, v: Rlre): void {
  writeElement(w, RLRE_TAG, (c) => encodeFields(c, v as unknown as Record<string, unknown>, RLRE_FIELDS, v.unknownFields));
}
