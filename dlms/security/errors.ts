import { DecodeError } from '../bytes/decode-error';

/**
 * Every failure raised under dlms/security/, as a stable code. Each is documented in
 * docs/error-codes/security.md. Security failures reuse DecodeError: a deciphering failure is a
 * decoding failure of the protected APDU, and it carries the offset of the byte at fault (the
 * tag, the security control byte, …). Failures that are not about received bytes (a key of the
 * wrong length handed in by the harness) carry offset 0; the caller knows the attribution.
 */
export type SecurityErrorCode =
  | 'SECURITY_BAD_KEY'
  | 'SECURITY_BAD_KEY_LENGTH'
  | 'SECURITY_BAD_SYSTEM_TITLE'
  | 'SECURITY_UNKNOWN_SUITE'
  | 'SECURITY_SUITE_MISMATCH'
  | 'SECURITY_BAD_HEADER'
  | 'SECURITY_POLICY_MISMATCH'
  | 'SECURITY_COMPRESSION_UNSUPPORTED'
  | 'SECURITY_KEY_MISSING'
  | 'SECURITY_TAG_MISMATCH'
  | 'SECURITY_NOT_CIPHERED'
  | 'SECURITY_NO_CIPHERED_FORM'
  | 'SECURITY_SYSTEM_TITLE_MISMATCH'
  | 'SECURITY_UNKNOWN_KEY_INFO'
  | 'SECURITY_COUNTER_REPLAYED'
  | 'SECURITY_COUNTER_EXHAUSTED'
  | 'SECURITY_BAD_COUNTER'
  | 'SECURITY_KEY_UNWRAP_FAILED'
  | 'SECURITY_BAD_KEY_DATA'
  | 'SECURITY_BAD_PUBLIC_KEY'
  | 'SECURITY_BAD_PRIVATE_KEY'
  | 'SECURITY_BAD_SIGNATURE_LENGTH'
  | 'SECURITY_BAD_SIGNATURE'
  | 'SECURITY_NO_ECC'
  | 'SECURITY_BAD_POLICY'
  | 'SECURITY_BAD_CERTIFICATE'
  | 'HLS_BAD_RESPONSE_LENGTH'
  | 'HLS_BAD_SECURITY_CONTROL'
  | 'HLS_RESPONSE_MISMATCH'
  | 'HLS_BAD_SIGNATURE'
  | 'HLS_BAD_CHALLENGE';

export function securityError(code: SecurityErrorCode, offset: number, expected: string, actual: string): DecodeError {
  return new DecodeError(code, offset, expected, actual);
}

/** Throws the security error; `never`, so it can end an expression or a switch. */
export function fail(code: SecurityErrorCode, offset: number, expected: string, actual: string): never {
  throw securityError(code, offset, expected, actual);
}
