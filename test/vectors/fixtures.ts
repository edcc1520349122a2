/**
 * Values decoded from the recordings, shared by the tests that check them from different layers
 * (the conformance block, the InitiateRequest, the AARQ, the whole trace, the client replay).
 */
import type { Conformance } from '../../dlms/xdlms/conformance';
import type { InitiateRequest } from '../../dlms/xdlms/initiate';

/** The conformance the recorded client proposes (c_hdlc_none.trace line 12: 5F1F 04 00 401E1D). */
export const RECORDED_PROPOSED_CONFORMANCE: Conformance = [
  'general-protection',
  'block-transfer-with-get-or-read',
  'block-transfer-with-set-or-write',
  'block-transfer-with-action',
  'multiple-references',
  'get',
  'set',
  'selective-access',
  'action',
];

/**
 * The InitiateRequest in the recorded AARQ user-information (c_hdlc_none.trace line 12):
 * 01 initiate-request, 00 no dedicated-key, 00 response-allowed DEFAULT, 00 no quality-of-service,
 * 06 DLMS version 6, 5F1F0400401E1D conformance, FFFF client-max-receive-pdu-size 65535.
 */
export const RECORDED_INITIATE_REQUEST: InitiateRequest = {
  type: 'initiate-request',
  proposedDlmsVersionNumber: 6,
  proposedConformance: RECORDED_PROPOSED_CONFORMANCE,
  clientMaxReceivePduSize: 0xffff,
};
