export { type Aarq, AARQ_TAG, AARQ_FIELDS, decodeAarq, encodeAarq } from './aarq';
export { type Aare, type ResultSourceDiagnostic, AARE_TAG, AARE_FIELDS, decodeAare, encodeAare } from './aare';
export { type Rlrq, type Rlre, decodeRlrq, decodeRlre, encodeRlrq, encodeRlre } from './release';
export { type AuthenticationValue, type DecodeFailure } from './fields';
export { type UserInformation, userInformationOf, userInformationFor } from './user-information';
export * from './names';
