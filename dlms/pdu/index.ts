/** A PDU of the application layer, ACSE or xDLMS: the union, its codec and its one-line descriptions. */
export {
  type AcseApdu,
  type Pdu,
  ACSE_TAG,
  isAcse,
  decodeAcse,
  decodeAcseBytes,
  encodeAcse,
  encodeAcseBytes,
  decodePdu,
  decodePduBytes,
  encodePdu,
  encodePduBytes,
} from './pdu';
export { describeApdu, describeAcse, describePdu, describeConformance } from './describe';
