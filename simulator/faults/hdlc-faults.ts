/** The HDLC link faults (suites/hdlc/), one file each; simulator/faults/index.ts lists them with the rest. */
import { hdlcIgnoresInterFrameTimeout } from './hdlc-ignores-inter-frame-timeout';
import { hdlcIgnoresInactivityTimeout } from './hdlc-ignores-inactivity-timeout';
import { hdlcAcceptsMalformedFrames } from './hdlc-accepts-malformed-frames';
import { hdlcAcceptsBadAddressLength } from './hdlc-accepts-bad-address-length';
import { hdlcUnknownControlDisconnects } from './hdlc-unknown-control-disconnects';
import { hdlcAnswersOtherAddress } from './hdlc-answers-other-address';
import { hdlcAcceptsAnyAddressSize } from './hdlc-accepts-any-address-size';
import { hdlcNoDmInNdm } from './hdlc-no-dm-in-ndm';
import { hdlcAcceptsLongClientAddress } from './hdlc-accepts-long-client-address';
import { hdlcWrongResponseAddress } from './hdlc-wrong-response-address';
import { hdlcUaExceedsProposal } from './hdlc-ua-exceeds-proposal';
import { hdlcUaParamsMismatch } from './hdlc-ua-params-mismatch';
import { hdlcOversizedInfoField } from './hdlc-oversized-info-field';
import { hdlcIgnoresWindow } from './hdlc-ignores-window';
import { hdlcAcceptsOversizedInfo } from './hdlc-accepts-oversized-info';
import { hdlcIgnoresInvalidNr } from './hdlc-ignores-invalid-nr';
import { hdlcWrongNs } from './hdlc-wrong-ns';
import { hdlcBadSendSequence } from './hdlc-bad-send-sequence';
import { hdlcRepeatedFrameProcessed } from './hdlc-repeated-frame-processed';
import { hdlcNoReassembly } from './hdlc-no-reassembly';
import type { Fault } from './types';

export const HDLC_FAULTS: readonly Fault[] = [
  hdlcIgnoresInterFrameTimeout,
  hdlcIgnoresInactivityTimeout,
  hdlcAcceptsMalformedFrames,
  hdlcAcceptsBadAddressLength,
  hdlcUnknownControlDisconnects,
  hdlcAnswersOtherAddress,
  hdlcAcceptsAnyAddressSize,
  hdlcNoDmInNdm,
  hdlcAcceptsLongClientAddress,
  hdlcWrongResponseAddress,
  hdlcUaExceedsProposal,
  hdlcUaParamsMismatch,
  hdlcOversizedInfoField,
  hdlcIgnoresWindow,
  hdlcAcceptsOversizedInfo,
  hdlcIgnoresInvalidNr,
  hdlcWrongNs,
  hdlcBadSendSequence,
  hdlcRepeatedFrameProcessed,
  hdlcNoReassembly,
];
