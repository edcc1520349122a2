import { ByteReader, ByteWriter } from '../bytes';
import {
  readBoolean,
  readOctetString,
  readOptional,
  readPresence,
  writeBoolean,
  writeI8,
  writeOctetString,
  writeOptional,
  writeU16,
  writeU8,
} from './axdr-fields';
import { decodeConformance, encodeConformance, type Conformance } from './conformance';

/**
 * InitiateRequest [1] and InitiateResponse [8] (Green Book 9.4.6 / 9.5), the xDLMS APDUs an AARQ
 * and an AARE carry in user-information, A-XDR encoded. The tag octet is read by the dispatcher.
 */
export interface InitiateRequest {
  readonly type: 'initiate-request';
  /** Dedicated key for ded- ciphering: a secret, never shown in traces. */
  readonly dedicatedKey?: Uint8Array;
  /**
   * response-allowed BOOLEAN DEFAULT TRUE. Absent means the DEFAULT was used (encoded 0x00);
   * present means the sender encoded it explicitly (0x01 then the value), even when TRUE.
   */
  readonly responseAllowed?: boolean;
  readonly proposedQualityOfService?: number; // [0] IMPLICIT Integer8 OPTIONAL
  readonly proposedDlmsVersionNumber: number; // Unsigned8
  readonly proposedConformance: Conformance;
  readonly clientMaxReceivePduSize: number; // Unsigned16
}

export interface InitiateResponse {
  readonly type: 'initiate-response';
  readonly negotiatedQualityOfService?: number; // [0] IMPLICIT Integer8 OPTIONAL
  readonly negotiatedDlmsVersionNumber: number; // Unsigned8
  readonly negotiatedConformance: Conformance;
  readonly serverMaxReceivePduSize: number; // Unsigned16
  /**
   * ObjectName: 0x0007 for LN, the VAA's base name for SN. The ASN.1 says Integer16, but base
   * names are long-unsigned in the SN association's object list (Blue Book 4.4.3), so the two
   * octets are read unsigned, as every base name in this code base is.
   */
  readonly vaaName: number;
}

export function decodeInitiateRequest(r: ByteReader): InitiateRequest {
  const dedicatedKey = readOptional(r, 'dedicated-key', (x) => readOctetString(x, 'dedicated-key'));
  const responseAllowed = readPresence(r, 'response-allowed') ? readBoolean(r, 'response-allowed') : undefined;
  const proposedQualityOfService = readOptional(r, 'proposed-quality-of-service', (x) => x.i8('proposed-quality-of-service'));
  const proposedDlmsVersionNumber = r.u8('proposed-dlms-version-number');
  const proposedConformance = decodeConformance(r);
  const clientMaxReceivePduSize = r.u16('client-max-receive-pdu-size');
  return {
    type: 'initiate-request',
    ...(dedicatedKey !== undefined && { dedicatedKey }),
    ...(responseAllowed !== undefined && { responseAllowed }),
    ...(proposedQualityOfService !== undefined && { proposedQualityOfService }),
    proposedDlmsVersionNumber,
    proposedConformance,
    clientMaxReceivePduSize,
  };
}

export function encodeInitiateRequest(w: ByteWriter, v: InitiateRequest): void {
  writeOptional(w, v.dedicatedKey, writeOctetString);
  writeOptional(w, v.responseAllowed, writeBoolean);
  writeOptional(w, v.proposedQualityOfService, (x, q) => writeI8(x, q, 'initiate-request.proposed-quality-of-service'));
  writeU8(w, v.proposedDlmsVersionNumber, 'initiate-request.proposed-dlms-version-number');
  encodeConformance(w, v.proposedConformance);
  writeU16(w, v.clientMaxReceivePduSize, 'initiate-request.client-max-receive-pdu-size');
}

export function decodeInitiateResponse(r: ByteReader): InitiateResponse {
  const negotiatedQualityOfService = readOptional(r, 'negotiated-quality-of-service', (x) => x.i8('negotiated-quality-of-service'));
  const negotiatedDlmsVersionNumber = r.u8('negotiated-dlms-version-number');
  const negotiatedConformance = decodeConformance(r);
  const serverMaxReceivePduSize = r.u16('server-max-receive-pdu-size');
  const vaaName = r.u16('vaa-name');
  return {
    type: 'initiate-response',
    ...(negotiatedQualityOfService !== undefined && { negotiatedQualityOfService }),
    negotiatedDlmsVersionNumber,
    negotiatedConformance,
    serverMaxReceivePduSize,
    vaaName,
  };
}

export function encodeInitiateResponse(w: ByteWriter, v: InitiateResponse): void {
  writeOptional(w, v.negotiatedQualityOfService, (x, q) => writeI8(x, q, 'initiate-response.negotiated-quality-of-service'));
  writeU8(w, v.negotiatedDlmsVersionNumber, 'initiate-response.negotiated-dlms-version-number');
  encodeConformance(w, v.negotiatedConformance);
  writeU16(w, v.serverMaxReceivePduSize, 'initiate-response.server-max-receive-pdu-size');
  writeU16(w, v.vaaName, 'initiate-response.vaa-name');
}
