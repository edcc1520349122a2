/**
 * test/vectors/recordings/c_wrapper_gmac.trace (copied from /work/shared/vectors): an
 * independent client and meter (Gurux C examples) over the IEC 62056-47 wrapper, HLS-GMAC,
 * suite 0, authenticated and encrypted. Every ciphered APDU in it must decipher with the keys
 * of its header, and the HLS-GMAC passes 3 and 4 must verify.
 *
 * The ACSE codec lives in dlms/acse/ (written in parallel), so AARQ/AARE/RLRQ/RLRE fields are
 * found here with a minimal BER walk: one-byte tags, definite lengths.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecodeError } from '../../dlms/bytes/decode-error';
import { fromHex, toHex } from '../../dlms/bytes/hex';
import { ByteReader } from '../../dlms/bytes/reader';
import { securityControl } from '../../dlms/security/control';
import { type HlsExchange, type HlsMechanism, verifyHlsResponse } from '../../dlms/security/hls';
import { EMPTY_REPLAY_GUARD, type ReplayGuard, acceptInvocationCounter } from '../../dlms/security/invocation-counter';
import { keyFromHex } from '../../dlms/security/key';
import { type SecurityContext, type Unprotected, unprotectApdu } from '../../dlms/security/protect';
import { SECURITY_SUITES } from '../../dlms/security/suite';

const TRACE = join(__dirname, 'recordings/c_wrapper_gmac.trace');
const WRAPPER_HEADER = 8;

interface Frame {
  readonly line: number;
  readonly dir: 'C2S' | 'S2C';
  readonly apdu: Uint8Array;
}

/** Wrapper header (IEC 62056-47): version, source wPort, destination wPort, length, all u16. */
function readFrames(): Frame[] {
  const frames: Frame[] = [];
  readFileSync(TRACE, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const m = /^(C2S|S2C) ([0-9A-F]+)$/.exec(text.trim());
      if (m === null) return;
      const r = new ByteReader(fromHex(m[2]!));
      expect(r.u16('version'), `line ${i + 1}`).to.equal(1);
      const [source, destination] = [r.u16('source wPort'), r.u16('destination wPort')];
      expect(m[1] === 'C2S' ? [source, destination] : [destination, source], `line ${i + 1}`).to.deep.equal([1, 1]);
      const length = r.u16('length');
      expect(length, `line ${i + 1}: wrapper length`).to.equal(r.remaining);
      frames.push({ line: i + 1, dir: m[1] as 'C2S' | 'S2C', apdu: r.rest() });
    });
  return frames;
}

interface Tlv {
  readonly tag: number;
  readonly value: Uint8Array;
  /** Absolute offset of the value in the wrapper PDU. */
  readonly offset: number;
}

function readTlvs(r: ByteReader): Tlv[] {
  const out: Tlv[] = [];
  while (!r.done) {
    const tag = r.u8('BER tag');
    const length = r.length('BER length');
    const offset = r.offset;
    out.push({ tag, value: r.take(length, `BER value of tag 0x${tag.toString(16)}`), offset });
  }
  return out;
}

/** The fields of an ACSE APDU (AARQ 60, AARE 61, RLRQ 62, RLRE 63), by tag. */
function acseFields(apdu: Uint8Array): Map<number, Tlv> {
  const r = new ByteReader(apdu, WRAPPER_HEADER);
  r.u8('ACSE tag');
  const body = r.sub(r.length('ACSE length'), 'ACSE body');
  r.expectEnd('ACSE APDU');
  return new Map(readTlvs(body).map((t) => [t.tag, t]));
}

/** The one TLV inside a constructed field, e.g. the [0] of an authentication value. */
function only(t: Tlv | undefined, tag: number): Tlv {
  expect(t, 'field present').to.not.equal(undefined);
  const inner = readTlvs(new ByteReader(t!.value, t!.offset));
  expect(inner.map((x) => x.tag)).to.deep.equal([tag]);
  return inner[0]!;
}

const clientTitle = fromHex('4775727578313233');
const serverTitle = fromHex('4142434445464748');
const ek = keyFromHex('000102030405060708090A0B0C0D0E0F', 'trace header EK');
const ak = keyFromHex('D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF', 'trace header AK');
const base = { suite: SECURITY_SUITES[0], securityControl: securityControl(0, 'authenticated-encrypted'), invocationCounter: 0, ek, ak };
/** Who deciphers a frame: the meter deciphers C2S, the client S2C. */
const receiver: Record<Frame['dir'], SecurityContext> = {
  C2S: { ...base, ownSystemTitle: serverTitle, peerSystemTitle: clientTitle },
  S2C: { ...base, ownSystemTitle: clientTitle, peerSystemTitle: serverTitle },
};

describe('c_wrapper_gmac.trace: an independent client and meter, HLS-GMAC, suite 0', () => {
  const frames = readFrames();

  it('holds 315 frames each way, as its header says', () => {
    expect(frames.filter((f) => f.dir === 'C2S').length).to.equal(315);
    expect(frames.filter((f) => f.dir === 'S2C').length).to.equal(315);
  });

  it('deciphers every ciphered APDU with the keys in its header, with counters that only grow', () => {
    const guards: Record<Frame['dir'], ReplayGuard> = { C2S: EMPTY_REPLAY_GUARD, S2C: EMPTY_REPLAY_GUARD };
    const seen: Record<number, number> = {};
    for (const f of frames) {
      const tag = f.apdu[0]!;
      const results: Unprotected[] = [];
      if (tag >= 0x60 && tag <= 0x63) {
        // ACSE: the xDLMS initiate or release APDU rides in user-information [30] as an OCTET STRING.
        const ui = tag === 0x63 ? rlreUserInformation(f.apdu) : only(acseFields(f.apdu).get(0xbe), 0x04);
        results.push(unprotectApdu(ui.value, receiver[f.dir], ui.offset));
      } else {
        results.push(unprotectApdu(f.apdu, receiver[f.dir], WRAPPER_HEADER));
      }
      for (const u of results) {
        const kind = u.apdu.type === 'service-specific' ? u.plain[0]! : tag;
        seen[kind] = (seen[kind] ?? 0) + 1;
        guards[f.dir] = acceptInvocationCounter(guards[f.dir], u.systemTitle, u.invocationCounter!, u.invocationCounterOffset);
      }
    }
    // initiate request/response (01, 08) twice each (associate and release), one ACTION pair
    // (C3, C7) for HLS, and 624 general-glo-ciphering APDUs (DB) for everything else.
    expect(seen).to.deep.equal({ 0x01: 2, 0x08: 2, 0xc3: 1, 0xc7: 1, 0xdb: 624 });
  });

  it('verifies the HLS-GMAC exchange: f(StoC) from the client and f(CtoS) from the meter', () => {
    const aarq = acseFields(frames[0]!.apdu);
    const aare = acseFields(frames[1]!.apdu);
    expect(toHex(only(aarq.get(0xa6), 0x04).value)).to.equal(toHex(clientTitle)); // calling-AP-title
    expect(toHex(only(aare.get(0xa4), 0x04).value)).to.equal(toHex(serverTitle)); // responding-AP-title
    expect(toHex(aarq.get(0x8b)!.value)).to.equal('60857405080205'); // mechanism-name: HLS-GMAC (5)
    const ctos = only(aarq.get(0xac), 0x80).value; // calling-authentication-value
    const stoc = only(aare.get(0xaa), 0x80).value; // responding-authentication-value
    expect([ctos.length, stoc.length]).to.deep.equal([16, 16]);

    // Pass 3: ACTION Association LN 0.0.40.0.0.255 method 1 (reply_to_HLS_authentication).
    const action = unprotectApdu(frames[2]!.apdu, receiver.C2S, WRAPPER_HEADER).plain;
    const a = new ByteReader(action);
    expect([a.u8(), a.u8(), a.u8()]).to.deep.equal([0xc3, 0x01, 0xc1]); // action-request-normal, invoke-id
    expect([a.u16('class'), toHex(a.take(6)), a.u8('method')]).to.deep.equal([15, '0000280000FF', 1]);
    expect([a.u8('parameters present'), a.u8('octet-string tag')]).to.deep.equal([1, 0x09]);
    const fStoC = a.take(a.length());
    a.expectEnd('action-request');

    // Pass 4: action-response-normal, success, return-parameters data octet-string.
    const response = unprotectApdu(frames[3]!.apdu, receiver.S2C, WRAPPER_HEADER).plain;
    const b = new ByteReader(response);
    expect([b.u8(), b.u8(), b.u8(), b.u8('result'), b.u8('present'), b.u8('data choice'), b.u8('octet-string tag')]).to.deep.equal([0xc7, 0x01, 0xc1, 0, 1, 0, 0x09]);
    const fCtoS = b.take(b.length());
    b.expectEnd('action-response');

    const gmac: HlsMechanism = { kind: 'hls-gmac', suite: SECURITY_SUITES[0], ek, ak, invocationCounter: 0 };
    const meterSide: HlsExchange = { ownSystemTitle: serverTitle, peerSystemTitle: clientTitle, ownChallenge: stoc, peerChallenge: ctos };
    const clientSide: HlsExchange = { ownSystemTitle: clientTitle, peerSystemTitle: serverTitle, ownChallenge: ctos, peerChallenge: stoc };
    expect(verifyHlsResponse(gmac, meterSide, fStoC)).to.deep.equal({ invocationCounter: 0x0a56 });
    expect(verifyHlsResponse(gmac, clientSide, fCtoS)).to.deep.equal({ invocationCounter: 2 });
  });

  it('finds the RLRE lengths inconsistent: the meter declares 36 and 34 bytes where 40 and 35 follow', () => {
    const rlre = frames[frames.length - 1]!.apdu;
    expect(rlre[0]).to.equal(0x63);
    const e = (() => {
      try {
        acseFields(rlre);
      } catch (err) {
        if (err instanceof DecodeError) return err;
        throw err;
      }
      throw new Error('expected the strict walk to fail');
    })();
    expect(e.code).to.equal('TRAILING_BYTES');
    expect([rlre[1], rlre.length - 2, rlre[6], rlre[8]! + 2]).to.deep.equal([0x24, 40, 0x22, 35]);
  });
});

/**
 * The RLRE of this meter carries wrong BER lengths (see the last test), so its
 * user-information is taken as the OCTET STRING its own length describes, past the bad
 * [30] length: 63 L 80 01 00 BE L 04 L' <ciphered initiate-response>.
 */
function rlreUserInformation(apdu: Uint8Array): Tlv {
  const r = new ByteReader(apdu, WRAPPER_HEADER);
  expect([r.u8(), r.length(), r.u8(), r.u8(), r.u8(), r.u8()]).to.deep.equal([0x63, 0x24, 0x80, 1, 0, 0xbe]);
  r.length();
  expect(r.u8()).to.equal(0x04);
  const length = r.length();
  const offset = r.offset;
  return { tag: 0x04, value: r.take(length), offset };
}
