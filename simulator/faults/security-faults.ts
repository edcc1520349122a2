/**
 * The security faults (suites/security): each breaks one rule of Green Book 9.2 or of the
 * Security setup class, one file each, gathered here so the catalogue takes them in one line.
 */
import { authenticationAlwaysRequired } from './authentication-always-required';
import { badSignatureAccepted } from './bad-signature-accepted';
import { broadcastKeyIgnored } from './broadcast-key-ignored';
import { broadcastRequestAnswered } from './broadcast-request-answered';
import { certificateExportAltered } from './certificate-export-altered';
import { dedicatedKeyIgnored } from './dedicated-key-ignored';
import { generalCipheringKeyIgnored } from './general-ciphering-key-ignored';
import { gmacAcceptsBadTag } from './gmac-accepts-bad-tag';
import { hlsAcceptsWrongReply } from './hls-accepts-wrong-reply';
import { hlsServerReplyWrong } from './hls-server-reply-wrong';
import { invocationCounterObjectStale } from './invocation-counter-object-stale';
import { keyAgreementAnswerCorrupted } from './key-agreement-answer-corrupted';
import { policyNotEnforced } from './policy-not-enforced';
import { replayedInvocationCounterAccepted } from './replayed-invocation-counter-accepted';
import { responseCounterRepeated } from './response-counter-repeated';
import { securityChangesNotApplied } from './security-changes-not-applied';
import { securityMethodRefusalHidden } from './security-method-refusal-hidden';
import type { Fault } from './types';
import { unprotectedRlrqReleases } from './unprotected-rlrq-releases';
import { wrongSystemTitleAccepted } from './wrong-system-title-accepted';

export const SECURITY_FAULTS: readonly Fault[] = [
  hlsAcceptsWrongReply,
  hlsServerReplyWrong,
  gmacAcceptsBadTag,
  replayedInvocationCounterAccepted,
  policyNotEnforced,
  wrongSystemTitleAccepted,
  badSignatureAccepted,
  responseCounterRepeated,
  unprotectedRlrqReleases,
  dedicatedKeyIgnored,
  securityChangesNotApplied,
  securityMethodRefusalHidden,
  keyAgreementAnswerCorrupted,
  certificateExportAltered,
  invocationCounterObjectStale,
  generalCipheringKeyIgnored,
  authenticationAlwaysRequired,
  broadcastKeyIgnored,
  broadcastRequestAnswered,
];
