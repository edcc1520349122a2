/**
 * The client's security session for one association (Green Book 9.2.7.2): keys, system titles,
 * the send counter and the replay guard for what the server sends. It protects every request as
 * the profile's policy says (glo-, ded- or general-glo/ded-ciphering, optionally signed), and
 * checks every response: envelope, tag, system title, a counter strictly above the last one, and
 * at least the protection of the request. Negative cases use `protect` with overrides and
 * `exchangeRaw` to send what a correct client never would.
 */
import { randomBytes } from 'node:crypto';
import { DecodeError, isDecodeError } from '../dlms/bytes/decode-error';
import { LINK_CLOSED } from './outcomes';
import { toHex } from '../dlms/bytes/hex';
import { decodeCipheredApduBytes } from '../dlms/security/ciphered-apdu';
import { isProtectedTag } from '../dlms/security/ciphered-tags';
import { policyOf, securityControl, type SecurityControl, type SecurityPolicy } from '../dlms/security/control';
import type { ManufacturerHls } from '../dlms/security/hls';
import { keyFromBytes } from '../dlms/security/key';
import { protectApdu, protectGeneralCiphering, signApdu, unprotectApdu, type SecurityContext } from '../dlms/security/protect';
import { SECURITY_SUITES, type SecuritySuite, type SecuritySuiteId } from '../dlms/security/suite';
import type { Secret } from '../dlms/secret';
import type { CounterStore } from './counters';
import { conveyKey } from '../dlms/security/convey-key';
import type { ApduArrival, Link } from './link';

export type Envelope = 'service-specific' | 'general' | 'general-ciphering';

/** What a profile says about an association's security (DESIGN.md, Profiles). */
export interface SecurityParams {
  readonly suite: SecuritySuiteId;
  /** The protection of every request (Green Book 9.2.7.2.3 security control). */
  readonly policy: SecurityPolicy;
  /** Application context with ciphering; default: when the policy protects anything. */
  readonly ciphered?: boolean;
  readonly clientSystemTitle: Uint8Array;
  /** When set, the AARE's responding-AP-title must be this. */
  readonly serverSystemTitle?: Uint8Array;
  readonly blockCipherKey?: Secret;
  readonly authenticationKey?: Secret;
  readonly masterKey?: Secret;
  readonly broadcastKey?: Secret;
  /** Propose a dedicated key in the InitiateRequest (a fresh random one, or this one) and use it: ded- APDUs. */
  readonly dedicatedKey?: true | Secret;
  /**
   * service-specific (glo-/ded- tags, the default), general (general-glo/ded-ciphering) or
   * general-ciphering (a fresh key conveyed in every request: wrapped for suite 0, agreed for 1, 2).
   */
  readonly envelope?: Envelope;
  /** Suites 1, 2: the client's ECDSA private key and the server's public key (x || y). */
  readonly signingKey?: Secret;
  readonly serverSigningPublicKey?: Uint8Array;
  /** Wrap every request in general-signing (suites 1, 2). */
  readonly sign?: boolean;
  /** The first counter to use (e.g. the meter's counter object + 1); the store's next is used when higher. */
  readonly invocationCounter?: number;
}

/** HLS (Green Book 9.2.7.4) besides the keys: the secret of mechanisms 3, 4, 6, mechanism 2's algorithm, deliberate mistakes. */
export interface HlsParams {
  readonly secret?: Secret;
  readonly manufacturer?: ManufacturerHls;
  /** Send a wrong f(StoC) in pass 3 (negative cases). */
  readonly corruptPass3?: boolean;
}

/** Deliberate departures from the association's protection, for negative cases. */
export interface ProtectOverrides {
  readonly policy?: SecurityPolicy;
  /** Use exactly this counter (a replay: the last one used; a lower one); the send counter does not move. */
  readonly invocationCounter?: number;
  /** Carry this system title (general envelope) / compute the IV with it. */
  readonly systemTitle?: Uint8Array;
  readonly envelope?: Envelope;
  /** general-ciphering: cipher with the global key, not the key the key-info conveys. */
  readonly unconveyedKey?: boolean;
  /** Protect with the global broadcast key (security control key-set bit, Green Book 9.2.7.2.3). */
  readonly broadcast?: boolean;
  readonly dedicated?: boolean;
  /** ded- protection with this key (one never agreed), or with the global key (`globalAsDedicated`). */
  readonly dedicatedKey?: Secret;
  readonly globalAsDedicated?: boolean;
  /** Flip a bit of the authentication tag (or the last byte of the ciphertext when there is no tag). */
  readonly tamper?: boolean;
  /** Protect with other keys than the association's. */
  readonly blockCipherKey?: Secret;
  readonly authenticationKey?: Secret;
  /** Sign (general-signing), optionally with a broken signature. */
  readonly sign?: boolean;
  readonly badSignature?: boolean;
}

export type RawSecuredAnswer =
  | { readonly kind: 'apdu'; readonly plain: Uint8Array; readonly protected: boolean }
  | { readonly kind: 'silence'; readonly waitedMs: number }
  | { readonly kind: 'malformed'; readonly error: DecodeError };

/** What steps see of the session of the open association. */
export interface SecureSession {
  readonly suite: SecuritySuite;
  readonly policy: SecurityPolicy;
  readonly clientSystemTitle: Uint8Array;
  readonly serverSystemTitle: Uint8Array;
  readonly dedicated: boolean;
  /** The counter the next protected request carries. */
  readonly nextCounter: number;
  /** The last counter used in a request, and the last one accepted from the server. */
  readonly lastSentCounter: number | undefined;
  readonly lastServerCounter: number | undefined;
  /** The first counter the server used in this association (its AARE, in a ciphered context). */
  readonly firstServerCounter: number | undefined;
  readonly masterKey: Secret | undefined;
  protect(plain: Uint8Array, overrides?: ProtectOverrides): Uint8Array;
  /** Sends the bytes exactly as given; the answer comes back deciphered and checked when protected. */
  exchangeRaw(bytes: Uint8Array): Promise<RawSecuredAnswer>;
  /** Keys changed (global_key_transfer, key_agreement): used from the next APDU on. */
  rekey(keys: { readonly blockCipherKey?: Secret; readonly authenticationKey?: Secret; readonly masterKey?: Secret }): void;
}

export interface ChannelDeps {
  readonly counters: CounterStore;
  /** Names the device in the counter store (`profile device name @ transport`). */
  readonly deviceKey: string;
  /** The link the channel sends raw bytes on. */
  readonly link: () => Link | undefined;
}

/** Green Book 9.5: the InitiateRequest APDU tag, carried in the AARQ and RLRQ user-information. */
const INITIATE_REQUEST = 0x01;
/** The transaction-id of a general-ciphering request: 8 random bytes (Green Book 9.2.7.2.4 leaves the length open). */
const TRANSACTION_ID_LENGTH = 8;

function secureFail(code: string, offset: number, expected: string, actual: string): never {
  throw new DecodeError(code, offset, expected, actual);
}

const RANK: Readonly<Record<SecurityPolicy, { a: boolean; e: boolean }>> = {
  none: { a: false, e: false },
  authenticated: { a: true, e: false },
  encrypted: { a: false, e: true },
  'authenticated-encrypted': { a: true, e: true },
};

export class SecureChannel implements SecureSession {
  readonly suite: SecuritySuite;
  readonly policy: SecurityPolicy;
  readonly clientSystemTitle: Uint8Array;
  serverSystemTitle: Uint8Array = new Uint8Array(0);
  readonly ciphered: boolean;
  dedicatedKey: Secret | undefined;
  private ek: Secret | undefined;
  private ak: Secret | undefined;
  private kek: Secret | undefined;
  private next: number;
  lastSentCounter: number | undefined;
  lastServerCounter: number | undefined;
  firstServerCounter: number | undefined;
  private readonly counterKey: string;

  constructor(
    readonly params: SecurityParams,
    private readonly deps: ChannelDeps,
  ) {
    this.suite = SECURITY_SUITES[params.suite];
    this.policy = params.policy;
    this.clientSystemTitle = params.clientSystemTitle;
    this.ciphered = params.ciphered ?? params.policy !== 'none';
    this.ek = params.blockCipherKey;
    this.ak = params.authenticationKey;
    this.kek = params.masterKey;
    this.counterKey = `${deps.deviceKey}|${toHex(params.clientSystemTitle)}`;
    const stored = deps.counters.last(this.counterKey);
    this.next = Math.max(params.invocationCounter ?? 1, stored === undefined ? 1 : stored + 1);
    if (params.dedicatedKey !== undefined) {
      this.dedicatedKey =
        params.dedicatedKey === true
          ? keyFromBytes(new Uint8Array(randomBytes(this.suite.keyLength)), 'dedicated key (random, this association)')
          : params.dedicatedKey;
    }
  }

  get dedicated(): boolean {
    return this.dedicatedKey !== undefined;
  }

  get nextCounter(): number {
    return this.next;
  }

  get masterKey(): Secret | undefined {
    return this.kek;
  }

  get blockCipherKey(): Secret | undefined {
    return this.ek;
  }

  get authenticationKey(): Secret | undefined {
    return this.ak;
  }

  /** The counter for the next protected APDU of the client (HLS-GMAC f(StoC) takes one too). */
  takeCounter(): number {
    const value = this.next;
    this.next = value + 1;
    this.lastSentCounter = value;
    this.deps.counters.used(this.counterKey, value);
    return value;
  }

  flush(): void {
    this.deps.counters.flush();
  }

  /** The library's context for protecting (`own` = client) or checking what the server sent. */
  context(sc: SecurityControl, counter: number, o: ProtectOverrides = {}): SecurityContext {
    const ek = o.blockCipherKey ?? this.ek;
    if (!ek) secureFail('CLIENT_KEY_MISSING', 0, 'a block cipher key (EK) for the association', 'none in the profile');
    const ak = o.authenticationKey ?? this.ak;
    const dedicatedKey = o.globalAsDedicated ? ek : (o.dedicatedKey ?? this.dedicatedKey);
    return {
      suite: this.suite,
      securityControl: sc,
      ownSystemTitle: o.systemTitle ?? this.clientSystemTitle,
      ...(this.serverSystemTitle.length > 0 ? { peerSystemTitle: this.serverSystemTitle } : {}),
      invocationCounter: counter,
      ek,
      ...(ak ? { ak } : {}),
      ...(this.kek ? { kek: this.kek } : {}),
      ...(this.params.broadcastKey ? { broadcastKey: this.params.broadcastKey } : {}),
      ...(dedicatedKey ? { dedicatedKey } : {}),
      ...(this.params.serverSigningPublicKey ? { peerSigningKey: this.params.serverSigningPublicKey } : {}),
      dedicated: o.dedicated ?? this.dedicated,
      envelope: (o.envelope ?? this.params.envelope) === 'general' ? 'general' : 'service-specific',
      strictPolicy: false,
    };
  }

  protect(plain: Uint8Array, o: ProtectOverrides = {}): Uint8Array {
    const policy = o.policy ?? this.policy;
    let out: Uint8Array;
    if (policy === 'none') out = plain;
    else {
      const counter = o.invocationCounter ?? this.takeCounter();
      const ctx = this.context(securityControl(this.suite.id, policy, o.broadcast ? { keySet: 'broadcast' } : {}), counter, o);
      // The InitiateRequest of the AARQ and RLRQ has only its glo- form (Green Book 9.2.7.2.3).
      const general = (o.envelope ?? this.params.envelope) === 'general-ciphering' && plain[0] !== INITIATE_REQUEST;
      out = general ? this.generalCiphering(plain, ctx, o) : protectApdu(plain, ctx);
      if (o.tamper) {
        out = out.slice();
        out[out.length - 1] = out[out.length - 1]! ^ 0x01;
      }
    }
    if (o.sign ?? this.params.sign) out = this.signed(out, o.badSignature === true);
    return out;
  }

  /** general-ciphering (Green Book 9.2.7.2.4): a new transaction, with a fresh key conveyed in its key-info. */
  private generalCiphering(plain: Uint8Array, ctx: SecurityContext, o: ProtectOverrides): Uint8Array {
    const conveyed = conveyKey({
      suite: this.suite,
      masterKey: this.kek,
      signingKey: this.params.signingKey,
      serverPublicKey: this.params.serverSigningPublicKey,
      originatorSystemTitle: ctx.ownSystemTitle,
      recipientSystemTitle: this.serverSystemTitle,
    });
    return protectGeneralCiphering(plain, ctx, {
      transactionId: new Uint8Array(randomBytes(TRANSACTION_ID_LENGTH)),
      recipientSystemTitle: this.serverSystemTitle,
      keyInfo: conveyed.keyInfo,
      contentKey: o.unconveyedKey ? ctx.ek : conveyed.key,
    });
  }

  private signed(content: Uint8Array, broken: boolean): Uint8Array {
    const key = this.params.signingKey;
    if (!key) secureFail('CLIENT_KEY_MISSING', 0, 'a signing key (suites 1, 2) for general-signing', 'none in the profile');
    let out = signApdu(content, this.suite, key, {
      transactionId: new Uint8Array(randomBytes(8)),
      originatorSystemTitle: this.clientSystemTitle,
      recipientSystemTitle: this.serverSystemTitle,
      dateTime: new Uint8Array(0),
      otherInformation: new Uint8Array(0),
    });
    if (broken) {
      out = out.slice();
      out[out.length - 1] = out[out.length - 1]! ^ 0x01;
    }
    return out;
  }

  /**
   * Checks and deciphers what the server sent, given the protection the request had. A plain
   * exception-response is let through: a server that cannot decipher cannot protect its answer.
   */
  unprotect(bytes: Uint8Array, requested: SecurityPolicy = this.policy, base = 0): Uint8Array {
    const tag = bytes[0];
    if (tag === undefined || !isProtectedTag(tag)) {
      if (tag === 0xd8 || requested === 'none' || !this.ciphered) return bytes;
      return secureFail(
        'SECURITY_NOT_CIPHERED',
        base,
        `a protected response (the request was ${requested})`,
        `an unprotected APDU (tag 0x${(tag ?? 0).toString(16)})`,
      );
    }
    const u = unprotectApdu(bytes, this.context(securityControl(this.suite.id, requested), 0), base);
    if (u.apdu.type === 'general-signing') return this.unprotect(u.plain, requested, base);
    const sc = u.securityControl!;
    const want = RANK[requested];
    if ((want.a && !sc.authenticated) || (want.e && !sc.encrypted)) {
      secureFail('SECURITY_POLICY_MISMATCH', (u.invocationCounterOffset ?? 1) - 1, `a response protected at least as the request (${requested})`, policyOf(sc));
    }
    const ic = u.invocationCounter!;
    if (this.lastServerCounter !== undefined && ic <= this.lastServerCounter) {
      secureFail(
        'SECURITY_COUNTER_REPLAYED',
        u.invocationCounterOffset ?? 0,
        `an invocation counter above ${this.lastServerCounter} from ${toHex(this.serverSystemTitle)}`,
        String(ic),
      );
    }
    this.lastServerCounter = ic;
    this.firstServerCounter ??= ic;
    return u.plain;
  }

  /** An arrival from the link, deciphered and checked. */
  unprotectArrival(a: ApduArrival, requested: SecurityPolicy = this.policy): ApduArrival {
    if (a.kind !== 'apdu') return a;
    const tag = a.bytes[0];
    // ACSE APDUs (AARE, RLRE) are not protected as such: their user-information is.
    if (tag !== undefined && tag >= 0x60 && tag <= 0x63) return a;
    try {
      return { kind: 'apdu', bytes: this.unprotect(a.bytes, requested) };
    } catch (e) {
      if (isDecodeError(e)) return { kind: 'malformed', error: e };
      throw e;
    }
  }

  async exchangeRaw(bytes: Uint8Array): Promise<RawSecuredAnswer> {
    const link = this.deps.link();
    if (!link) return { kind: 'malformed', error: new DecodeError(LINK_CLOSED, 0, 'an open link', 'none') };
    const a = await link.exchange(bytes);
    switch (a.kind) {
      case 'silence':
        return a;
      case 'malformed':
        return a;
      case 'closed':
        return { kind: 'malformed', error: new DecodeError(LINK_CLOSED, 0, 'an answer', 'the meter closed the connection') };
      case 'apdu': {
        const wasProtected = a.bytes.length > 0 && isProtectedTag(a.bytes[0]!);
        const u = this.unprotectArrival(a, 'none');
        if (u.kind === 'apdu') return { kind: 'apdu', plain: u.bytes, protected: wasProtected };
        return u.kind === 'malformed' ? u : { kind: 'malformed', error: new DecodeError(LINK_CLOSED, 0, 'an answer', u.kind) };
      }
    }
  }

  rekey(keys: { readonly blockCipherKey?: Secret; readonly authenticationKey?: Secret; readonly masterKey?: Secret }): void {
    if (keys.blockCipherKey) this.ek = keys.blockCipherKey;
    if (keys.authenticationKey) this.ak = keys.authenticationKey;
    if (keys.masterKey) this.kek = keys.masterKey;
  }

  /** Deciphers an APDU for the trace, without touching counters; undefined when it is not protected. */
  decipherForTrace(apdu: Uint8Array, fromClient: boolean, senderTitle?: Uint8Array): { readonly plain?: Uint8Array; readonly error?: DecodeError } | undefined {
    const tag = apdu[0];
    if (tag === undefined || !isProtectedTag(tag)) return undefined;
    try {
      const sender = senderTitle ?? (fromClient ? this.clientSystemTitle : this.serverSystemTitle);
      const ctx: SecurityContext = { ...this.context(securityControl(this.suite.id, 'authenticated-encrypted'), 0), peerSystemTitle: sender };
      const head = decodeCipheredApduBytes(apdu);
      // A signature is checked where the APDU is judged; the trace shows what it carries.
      if (head.type === 'general-signing') return this.decipherForTrace(head.content, fromClient, senderTitle) ?? { plain: head.content };
      return { plain: unprotectApdu(apdu, ctx).plain };
    } catch (e) {
      if (isDecodeError(e)) return { error: e };
      throw e;
    }
  }
}
