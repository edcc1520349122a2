/**
 * The legal variants: every named variant, one file each (types.ts says what a variant is).
 * A list, not a switch: adding a variant is adding a file and a line here.
 */
import { aareRespondingTitle } from './aare-responding-title';
import { cipheredContextAuthenticationFailure } from './ciphered-context-authentication-failure';
import { classVersionUnknown } from './class-version-unknown';
import { clockDeviationUnspecified } from './clock-deviation-unspecified';
import { clockStatusDst } from './clock-status-dst';
import { closeAfterDisc } from './close-after-disc';
import { closeAfterRelease } from './close-after-release';
import { counterErrorServiceUnknown } from './counter-error-service-unknown';
import { decipheringErrorServiceUnknown } from './deciphering-error-service-unknown';
import { dedicatedKeyAfterHls } from './dedicated-key-after-hls';
import { dummyAttributes } from './dummy-attributes';
import { emptyProfileBuffer } from './empty-profile-buffer';
import { imageTransferAsynchronous } from './image-transfer-asynchronous';
import { monitorAsynchronous } from './monitor-asynchronous';
import { monitorValueChangeOnly } from './monitor-value-change-only';
import { hdlcDiscardsInvalidFrames } from './hdlc-discards-invalid-frames';
import { hdlcFourByteAddress } from './hdlc-four-byte-address';
import { hdlcFrmrOnSequenceError } from './hdlc-frmr-on-sequence-error';
import { hdlcMaxInfo2030 } from './hdlc-max-info-2030';
import { hdlcOffersLess } from './hdlc-offers-less';
import { hdlcTwoByteAddress } from './hdlc-two-byte-address';
import { hdlcWindow7 } from './hdlc-window-7';
import { hlsRefusalSuccessEmpty } from './hls-refusal-success-empty';
import { idleSilence } from './idle-silence';
import { invocationCounterObjectAhead } from './invocation-counter-object-ahead';
import { llsWithoutAuthenticationFu } from './lls-without-authentication-fu';
import { noGeneralProtection } from './no-general-protection';
import { objectListReversed } from './object-list-reversed';
import { publicGetOnly } from './public-get-only';
import { refusalCodesNotPreferred } from './refusal-codes-not-preferred';
import { registerUnitCount } from './register-unit-count';
import { registersScalerZero } from './registers-scaler-zero';
import { rlreWithoutReason } from './rlre-without-reason';
import { securityPolicyNone } from './security-policy-none';
import { smallBlocks } from './small-blocks';
import { smallServerPdu } from './small-server-pdu';
import { undefinedHardwareFault } from './undefined-hardware-fault';
import { undefinedReadWriteDenied } from './undefined-read-write-denied';
import { unknownMechanismNoReason } from './unknown-mechanism-no-reason';
import { unprotectedRlrqException } from './unprotected-rlrq-exception';
import type { Variant } from './types';

export type { Variant, VariantProfile, MeterYaml } from './types';

export const VARIANTS: readonly Variant[] = [
  aareRespondingTitle,
  cipheredContextAuthenticationFailure,
  classVersionUnknown,
  clockDeviationUnspecified,
  clockStatusDst,
  closeAfterDisc,
  closeAfterRelease,
  counterErrorServiceUnknown,
  decipheringErrorServiceUnknown,
  dedicatedKeyAfterHls,
  dummyAttributes,
  emptyProfileBuffer,
  imageTransferAsynchronous,
  monitorAsynchronous,
  monitorValueChangeOnly,
  hdlcDiscardsInvalidFrames,
  hdlcFourByteAddress,
  hdlcFrmrOnSequenceError,
  hdlcMaxInfo2030,
  hdlcOffersLess,
  hdlcTwoByteAddress,
  hdlcWindow7,
  hlsRefusalSuccessEmpty,
  idleSilence,
  invocationCounterObjectAhead,
  llsWithoutAuthenticationFu,
  noGeneralProtection,
  objectListReversed,
  publicGetOnly,
  refusalCodesNotPreferred,
  registerUnitCount,
  registersScalerZero,
  rlreWithoutReason,
  securityPolicyNone,
  smallBlocks,
  smallServerPdu,
  undefinedHardwareFault,
  undefinedReadWriteDenied,
  unknownMechanismNoReason,
  unprotectedRlrqException,
];

const BY_NAME = new Map(VARIANTS.map((v) => [v.name, v]));

export class UnknownVariantError extends Error {
  override readonly name = 'UnknownVariantError';
  constructor(readonly variant: string) {
    super(`unknown simulator variant ${JSON.stringify(variant)}; known variants: ${VARIANTS.map((v) => v.name).join(', ')}`);
  }
}

/** The variants named, in order; an unknown name is an error that lists the known ones. */
export function variantsNamed(names: readonly string[]): readonly Variant[] {
  return names.map((n) => {
    const v = BY_NAME.get(n);
    if (!v) throw new UnknownVariantError(n);
    return v;
  });
}
