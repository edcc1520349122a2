/**
 * The server's side of APDU protection (Green Book 9.2.7.2): a protected request in, its plain
 * APDU out with how it was protected, or the refusal; a plain response in, protected as the
 * request was (same envelope and keying, at least what the policy asks of responses).
 *
 * Refusals (exception-response, Green Book 9.5; see docs/decisions/security-refusals.md):
 *   tag, keys, system title, signature, or less protection than the policy → service-not-allowed,
 *   deciphering-error; an invocation counter not above the last accepted → service-not-allowed,
 *   invocation-counter-error carrying the lowest counter the server would accept.
 */
import { encodePduBytes } from '../../dlms/pdu/pdu';
import { isDecodeError, type DecodeError } from '../../dlms/bytes';
import { decodeCipheredApduBytes, encodeCipheredApduBytes, type CipheredApdu, type GeneralCiphering, type KeyInfo } from '../../dlms/security/ciphered-apdu';
import { agreedKeyOf } from '../../dlms/security/convey-key';
import { fail } from '../../dlms/security/errors';
import { isProtectedTag } from '../../dlms/security/ciphered-tags';
import { securityControl as makeSecurityControl, type SecurityControl } from '../../dlms/security/control';
import { gcmUnprotect } from '../../dlms/security/gcm';
import type { Key } from '../../dlms/security/key';
import { requestMeetsPolicy } from '../../dlms/security/policy';
import { protectApdu, protectGeneralCiphering, signApdu, unprotectApdu, type SecurityContext } from '../../dlms/security/protect';
import { AUTHENTICATION_TAG_LENGTH } from '../../dlms/security/suite';
import type { ActiveSecurityHooks } from '../faults/security-hooks';
import { takeServerCounter, type SecurityState } from '../objects/security-state';

/** How a request was protected: the response is protected the same way. */
export interface Protection {
  readonly envelope: 'plain' | 'service-specific' | 'general' | 'general-ciphering';
  readonly dedicated: boolean;
  readonly securityControl?: SecurityControl;
  readonly signed: boolean;
  /** general-ciphering: the transaction-id to echo. */
  readonly transactionId?: Uint8Array;
}

export type Unprotected =
  { readonly kind: 'plain'; readonly apdu: Uint8Array; readonly protection: Protection } | { readonly kind: 'refused'; readonly response: Uint8Array };

export interface ChannelKeys {
  readonly state: SecurityState;
  readonly clientSystemTitle: Uint8Array;
  readonly dedicatedKey: Key | undefined;
}

function exception(kind: 'deciphering-error' | 'operation-not-possible'): Uint8Array {
  return encodePduBytes({ type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind } });
}

function counterError(expected: number): Uint8Array {
  return encodePduBytes({
    type: 'exception-response',
    stateError: 'service-not-allowed',
    serviceError: { kind: 'invocation-counter-error', invocationCounter: expected },
  });
}

export function isProtected(apdu: Uint8Array): boolean {
  return apdu.length > 0 && isProtectedTag(apdu[0]!);
}

function contextFor(k: ChannelKeys, hooks: ActiveSecurityHooks, peerTitle: Uint8Array | undefined): SecurityContext {
  const s = k.state;
  const dedicated = hooks.useDedicatedKey(true) ? k.dedicatedKey : s.keys.ek;
  return {
    suite: s.suite,
    securityControl: makeSecurityControl(s.suite.id, 'authenticated-encrypted'),
    ownSystemTitle: s.serverSystemTitle,
    ...(peerTitle ? { peerSystemTitle: peerTitle } : {}),
    invocationCounter: 0,
    ek: s.keys.ek,
    ak: s.keys.ak,
    kek: s.keys.kek,
    ...(s.keys.broadcastKey ? { broadcastKey: hooks.useBroadcastKey(true) ? s.keys.broadcastKey : s.keys.ek } : {}),
    ...(dedicated ? { dedicatedKey: dedicated } : {}),
    ...(s.clientSigningPublicKey ? { peerSigningKey: s.clientSigningPublicKey } : {}),
    agreedKey: (info, apdu) => agreedContentKey(s, info, apdu),
    // The policy is judged here, against the Security setup's, not by equality with ours.
    strictPolicy: false,
  };
}

/**
 * The key of a general-ciphering agreed-key (One-Pass Diffie-Hellman, Green Book 9.2.3.4.6.3).
 * The server's static key-agreement key is its signing key (one ECC pair per suite in the
 * reference meter); a suite without ECC, or without the client's public key, cannot agree one.
 */
function agreedContentKey(s: SecurityState, info: Extract<KeyInfo, { type: 'agreed-key' }>, apdu: GeneralCiphering): Key {
  if (!s.serverSigningKey || !s.clientSigningPublicKey)
    return fail('SECURITY_KEY_MISSING', 0, 'ECC keys to agree a key with (suites 1, 2)', `suite ${s.suite.id} without them`);
  return agreedKeyOf(s.suite, s.serverSigningKey, s.clientSigningPublicKey, info, apdu.originatorSystemTitle, apdu.recipientSystemTitle);
}

/** Deciphers without the tag check: what a meter that ignores the tag would serve. */
function decipherIgnoringTag(bytes: Uint8Array, ctx: SecurityContext): Uint8Array | undefined {
  const apdu = decodeCipheredApduBytes(bytes);
  if (apdu.type === 'general-signing' || apdu.type === 'general-ciphering') return undefined;
  const { securityControl: sc, invocationCounter, information } = apdu.content;
  const title = apdu.type === 'service-specific' ? ctx.peerSystemTitle : apdu.systemTitle;
  const dedicated = apdu.type === 'general-ded-ciphering' || (apdu.type === 'service-specific' && apdu.keying === 'ded');
  const key = dedicated ? ctx.dedicatedKey : ctx.ek;
  if (!title || !key) return undefined;
  const body = sc.authenticated ? information.subarray(0, information.length - AUTHENTICATION_TAG_LENGTH) : information;
  if (!sc.encrypted) return new Uint8Array(body);
  return gcmUnprotect({ suite: ctx.suite, securityControl: { ...sc, authenticated: false }, systemTitle: title, invocationCounter, ek: key }, body);
}

function protectionOf(apdu: CipheredApdu, signed: boolean): Protection {
  switch (apdu.type) {
    case 'service-specific':
      return { envelope: 'service-specific', dedicated: apdu.keying === 'ded', securityControl: apdu.content.securityControl, signed };
    case 'general-glo-ciphering':
    case 'general-ded-ciphering':
      return { envelope: 'general', dedicated: apdu.type === 'general-ded-ciphering', securityControl: apdu.content.securityControl, signed };
    case 'general-ciphering':
      return { envelope: 'general-ciphering', dedicated: false, securityControl: apdu.content.securityControl, signed, transactionId: apdu.transactionId };
    case 'general-signing':
      return { envelope: 'plain', dedicated: false, signed: true };
  }
}

/**
 * Verifies and deciphers one request of a ciphered association. `ciphered` says whether the
 * context allows protection at all; a plain request passes only when the policy asks nothing.
 */
export function unprotectRequest(bytes: Uint8Array, k: ChannelKeys, hooks: ActiveSecurityHooks, signed = false): Unprotected {
  const state = k.state;
  if (!isProtected(bytes)) {
    const met = requestMeetsPolicy(state.policy, undefined, signed);
    return hooks.acceptPolicy(met)
      ? { kind: 'plain', apdu: bytes, protection: { envelope: 'plain', dedicated: false, signed } }
      : { kind: 'refused', response: exception('deciphering-error') };
  }
  let apdu: CipheredApdu;
  try {
    apdu = decodeCipheredApduBytes(bytes);
  } catch (e) {
    if (isDecodeError(e)) return { kind: 'refused', response: exception('deciphering-error') };
    throw e;
  }
  if (apdu.type === 'general-signing') {
    // Suites 1 and 2: the signature first, then whatever the content is.
    let valid = false;
    try {
      unprotectApdu(bytes, contextFor(k, hooks, k.clientSystemTitle));
      valid = true;
    } catch (e) {
      if (!isDecodeError(e)) throw e;
    }
    if (!hooks.acceptSignature(valid)) return { kind: 'refused', response: exception('deciphering-error') };
    return unprotectRequest(apdu.content, k, hooks, true);
  }
  let plain: Uint8Array | undefined;
  let failure: DecodeError | undefined;
  // A meter that ignores the key-info of general-ciphering deciphers with its global key.
  let input = bytes;
  if (apdu.type === 'general-ciphering' && apdu.keyInfo && !hooks.useConveyedKey(true)) {
    const { keyInfo: _ignored, ...rest } = apdu;
    input = encodeCipheredApduBytes(rest);
  }
  try {
    plain = unprotectApdu(input, contextFor(k, hooks, k.clientSystemTitle)).plain;
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    failure = e;
  }
  if (failure?.code === 'SECURITY_SYSTEM_TITLE_MISMATCH' && hooks.acceptSystemTitle(false)) {
    failure = undefined;
    try {
      plain = unprotectApdu(bytes, contextFor(k, hooks, undefined)).plain;
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      failure = e;
    }
  }
  if (failure?.code === 'SECURITY_TAG_MISMATCH' && hooks.acceptBadTag(false)) {
    try {
      plain = decipherIgnoringTag(bytes, contextFor(k, hooks, k.clientSystemTitle));
      if (plain) failure = undefined;
    } catch (e) {
      if (!isDecodeError(e)) throw e;
    }
  }
  if (failure || !plain) return { kind: 'refused', response: exception('deciphering-error') };
  const sc = apdu.content.securityControl;
  if (!hooks.acceptPolicy(requestMeetsPolicy(state.policy, sc, signed))) return { kind: 'refused', response: exception('deciphering-error') };
  if (hooks.requireAuthentication(false) && !sc.authenticated) return { kind: 'refused', response: exception('deciphering-error') };
  const counter = apdu.content.invocationCounter;
  const fresh = state.lastClientCounter === undefined || counter > state.lastClientCounter;
  if (!hooks.acceptCounter(fresh)) return { kind: 'refused', response: counterError((state.lastClientCounter ?? 0) + 1) };
  if (fresh) state.lastClientCounter = counter;
  return { kind: 'plain', apdu: plain, protection: protectionOf(apdu, signed) };
}

/** The last counter the server sent, for the responseCounter hook. */
const lastSent = new WeakMap<SecurityState, number>();

function nextCounter(state: SecurityState, hooks: ActiveSecurityHooks): number {
  const value = hooks.responseCounter(takeServerCounter(state), lastSent.get(state));
  lastSent.set(state, value);
  return value;
}

/** The response, protected as `p` says (a plain request gets a plain response). */
export function protectResponse(plain: Uint8Array, p: Protection, k: ChannelKeys, hooks: ActiveSecurityHooks): Uint8Array {
  const state = k.state;
  let out = plain;
  if (p.envelope !== 'plain' && p.securityControl) {
    const policy = state.policy;
    const sc: SecurityControl = {
      ...p.securityControl,
      authenticated: p.securityControl.authenticated || policy.authenticatedResponse,
      encrypted: p.securityControl.encrypted || policy.encryptedResponse,
    };
    const ctx: SecurityContext = {
      ...contextFor(k, hooks, k.clientSystemTitle),
      securityControl: sc,
      invocationCounter: nextCounter(state, hooks),
      dedicated: p.dedicated,
    };
    const first = plain[0];
    if (p.envelope === 'general-ciphering') {
      out = protectGeneralCiphering(plain, ctx, {
        transactionId: p.transactionId ?? new Uint8Array(0),
        recipientSystemTitle: k.clientSystemTitle,
        keyInfo: { type: 'identified-key', keyId: 'global-unicast-encryption-key' },
      });
    } else if (p.envelope === 'general' || first === 0xd8) {
      // An exception-response has no glo-/ded- form: it goes in the general envelope.
      out = protectApdu(plain, { ...ctx, envelope: 'general' });
    } else {
      out = protectApdu(plain, ctx);
    }
  }
  if (p.signed && state.serverSigningKey) {
    out = signApdu(out, state.suite, state.serverSigningKey, {
      transactionId: p.transactionId ?? new Uint8Array(0),
      originatorSystemTitle: state.serverSystemTitle,
      recipientSystemTitle: k.clientSystemTitle,
      dateTime: new Uint8Array(0),
      otherInformation: new Uint8Array(0),
    });
  }
  return out;
}
