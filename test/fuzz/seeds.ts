/**
 * Seed inputs for the fuzz tests, one pool per decoder, all cut from the two independent
 * recordings (test/vectors/recordings): whole HDLC frames and wrapper PDUs, the APDUs they carry
 * (the wrapper recording's deciphered with the keys in its header), the A-XDR Data inside the
 * responses, SNRM/UA parameter fields, and the ciphered APDUs with the context that deciphers them.
 */
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { concatBytes, fromHex } from '../../dlms/bytes/hex';
import { decodeFrame } from '../../dlms/hdlc/frame';
import { stripLlc } from '../../dlms/hdlc/llc';
import { securityControl } from '../../dlms/security/control';
import { keyFromHex } from '../../dlms/security/key';
import { unprotectApdu, type SecurityContext } from '../../dlms/security/protect';
import { SECURITY_SUITES } from '../../dlms/security/suite';
import { decodeWrapper } from '../../dlms/wrapper/header';
import { readRecording } from '../vectors/recording';

export const HDLC_TRACE = 'c_hdlc_none.trace';
export const WRAPPER_TRACE = 'c_wrapper_gmac.trace';

/** Keys and titles from c_wrapper_gmac.trace's header; suite 0, authenticated and encrypted. */
const CLIENT_TITLE = fromHex('4775727578313233');
const SERVER_TITLE = fromHex('4142434445464748');
const base = {
  suite: SECURITY_SUITES[0],
  securityControl: securityControl(0, 'authenticated-encrypted'),
  invocationCounter: 0,
  ek: keyFromHex('000102030405060708090A0B0C0D0E0F', 'c_wrapper_gmac.trace EK'),
  ak: keyFromHex('D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF', 'c_wrapper_gmac.trace AK'),
};
/** Who deciphers: the meter deciphers what the client sent, the client what the meter sent. */
export const RECEIVER: Readonly<Record<'C2S' | 'S2C', SecurityContext>> = {
  C2S: { ...base, ownSystemTitle: SERVER_TITLE, peerSystemTitle: CLIENT_TITLE },
  S2C: { ...base, ownSystemTitle: CLIENT_TITLE, peerSystemTitle: SERVER_TITLE },
};

export interface Ciphered {
  readonly dir: 'C2S' | 'S2C';
  readonly bytes: Uint8Array;
}

export interface Seeds {
  readonly hdlcFrames: readonly Uint8Array[];
  readonly wrapperPdus: readonly Uint8Array[];
  /** Plain xDLMS and ACSE APDUs of both recordings. */
  readonly apdus: readonly Uint8Array[];
  /** Ciphered APDUs of the wrapper recording (everything but ACSE), with their direction. */
  readonly ciphered: readonly Ciphered[];
  /** A-XDR Data: the data of GET responses and the joined object-list blocks. */
  readonly data: readonly Uint8Array[];
  /** Information fields of SNRM and UA frames (Green Book 8.4.5.3.2 parameters). */
  readonly parameters: readonly Uint8Array[];
}

/** Tags of the ACSE APDUs (AARQ 60 … RLRE 63): their user-information is ciphered inside, not the APDU. */
const isAcse = (tag: number | undefined): boolean => tag !== undefined && tag >= 0x60 && tag <= 0x63;

/** get-response-normal (C4 01 invoke) with data (choice 0): the Data starts at byte 4. */
function dataOfResponse(apdu: Uint8Array): Uint8Array | undefined {
  return apdu[0] === 0xc4 && apdu[1] === 0x01 && apdu[3] === 0x00 ? apdu.subarray(4) : undefined;
}

/** get-response-with-datablock (C4 02 invoke last-block block-number(4) choice 0 length …): the raw data. */
function blockOfResponse(apdu: Uint8Array): Uint8Array | undefined {
  if (apdu[0] !== 0xc4 || apdu[1] !== 0x02 || apdu[8] !== 0x00) return undefined;
  // The octet-string length is A-XDR: one byte, or 0x8N and N bytes.
  const first = apdu[9];
  if (first === undefined) return undefined;
  const lengthBytes = first < 0x80 ? 0 : first & 0x7f;
  return apdu.subarray(10 + lengthBytes);
}

export function loadSeeds(): Seeds {
  const hdlc = readRecording(HDLC_TRACE);
  const wrapper = readRecording(WRAPPER_TRACE);
  const apdus: Uint8Array[] = [];
  const data: Uint8Array[] = [];
  const parameters: Uint8Array[] = [];
  const blocks: Uint8Array[] = [];
  const open: Record<'C2S' | 'S2C', Uint8Array[]> = { C2S: [], S2C: [] };
  for (const r of hdlc) {
    const f = decodeFrame(r.bytes);
    if ((f.type === 'SNRM' || f.type === 'UA') && f.info.length > 0) parameters.push(f.info);
    if (f.type !== 'I') continue;
    open[r.dir].push(f.info);
    if (f.segmented) continue;
    const apdu = stripLlc(concatBytes(...open[r.dir])).apdu;
    open[r.dir] = [];
    apdus.push(apdu);
    const d = dataOfResponse(apdu);
    if (d !== undefined) data.push(d);
    const block = blockOfResponse(apdu);
    if (block !== undefined) {
      blocks.push(block);
      if (apdu[3] !== 0x00) data.push(concatBytes(...blocks.splice(0)));
    }
  }
  const ciphered: Ciphered[] = [];
  for (const r of wrapper) {
    const apdu = decodeWrapper(r.bytes).apdu;
    apdus.push(apdu);
    if (isAcse(apdu[0])) continue;
    ciphered.push({ dir: r.dir, bytes: apdu });
    try {
      const plain = unprotectApdu(apdu, RECEIVER[r.dir]).plain;
      apdus.push(plain);
      const d = dataOfResponse(plain);
      if (d !== undefined) data.push(d);
    } catch (e) {
      if (!isDecodeError(e)) throw e;
    }
  }
  return { hdlcFrames: hdlc.map((r) => r.bytes), wrapperPdus: wrapper.map((r) => r.bytes), apdus, ciphered, data, parameters };
}
