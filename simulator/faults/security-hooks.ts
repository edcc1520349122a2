/**
 * Interception points of the server's security layer (server/security*.ts), one per rule a
 * security fault may break. Like the other hooks, each receives what the correct server decided
 * and returns what the faulty one does. Methods of the Security setup object are faulted through
 * the general `transformResponse` hook instead.
 */
export interface SecurityHooks {
  /** HLS pass 3 (Green Book 9.2.7.4): whether the client's f(StoC) is accepted, given whether it verified. */
  readonly acceptHlsReply?: (verified: boolean) => boolean;
  /** HLS pass 4: the f(CtoS) the server returns, given the right one. */
  readonly hlsServerReply?: (reply: Uint8Array) => Uint8Array;
  /** Green Book 9.2.7.2.4: whether an APDU whose authentication tag fails is served (deciphered without the check). */
  readonly acceptBadTag?: (tagVerified: boolean) => boolean;
  /** Green Book 9.2.7.2.4: whether an invocation counter not above the last accepted one is taken. */
  readonly acceptCounter?: (fresh: boolean) => boolean;
  /** Green Book 9.2.7.2.2: whether a request protected less than the security policy asks is served. */
  readonly acceptPolicy?: (met: boolean) => boolean;
  /** Whether a request with the key-set bit set is deciphered with the broadcast key (a faulty meter uses the unicast key). */
  readonly useBroadcastKey?: (use: boolean) => boolean;
  /** Whether an unconfirmed request protected with the broadcast key gets an answer (Green Book: none). */
  readonly answerBroadcast?: (answer: boolean) => boolean;
  /** Whether an authentication tag is required of every request, whatever the security policy asks (Green Book 9.2.7.2.2). */
  readonly requireAuthentication?: (required: boolean) => boolean;
  /** Whether a general-glo/ded-ciphering APDU carrying another system title than the client's is served. */
  readonly acceptSystemTitle?: (matches: boolean) => boolean;
  /** Whether a general-signing APDU whose signature fails is served (suites 1, 2). */
  readonly acceptSignature?: (valid: boolean) => boolean;
  /** The invocation counter of a protected response, given the correct (next) one and the last one sent. */
  readonly responseCounter?: (next: number, last: number | undefined) => number;
  /** Green Book 9.3.3: whether an RLRQ whose user-information is less protected than the association releases it. */
  readonly acceptRlrq?: (protectedEnough: boolean) => boolean;
  /** Whether ded- APDUs are deciphered with the dedicated key (a faulty meter keeps the global key). */
  readonly useDedicatedKey?: (use: boolean) => boolean;
  /** general-ciphering (Green Book 9.2.7.2.4): whether the key its key-info conveys is used (a faulty meter keeps the global key). */
  readonly useConveyedKey?: (use: boolean) => boolean;
  /** Whether what a Security setup method changed (keys, policy) takes effect after its response. */
  readonly applyChanges?: (apply: boolean) => boolean;
  /** A ded- APDU before HLS completed (pass 3 itself) is refused with D8 02 05: the dedicated key is in force only after pass 4 (a legal variant). */
  readonly refuseDedicatedBeforeHls?: boolean;
  /** Every association starts the server's invocation counter again from where the first one started (the same key, so the same nonces). */
  readonly restartServerCounter?: boolean;
  /** How an RLRQ without protected user-information is refused in a ciphered association (a legal variant: an exception-response). */
  readonly unprotectedRlrqRefusal?: 'exception';
}

/** Every security hook made required, defaulting to the correct decision (an unprotected RLRQ is refused with an RLRE). */
export type ActiveSecurityHooks = {
  readonly [K in keyof SecurityHooks]-?: K extends 'unprotectedRlrqRefusal' ? 'rlre' | NonNullable<SecurityHooks[K]> : NonNullable<SecurityHooks[K]>;
};

type BoolKey =
  | 'acceptHlsReply'
  | 'acceptBadTag'
  | 'acceptCounter'
  | 'acceptPolicy'
  | 'acceptSystemTitle'
  | 'acceptSignature'
  | 'acceptRlrq'
  | 'useDedicatedKey'
  | 'applyChanges'
  | 'useConveyedKey'
  | 'requireAuthentication'
  | 'useBroadcastKey'
  | 'answerBroadcast';

function chainBool(hooks: readonly SecurityHooks[], key: BoolKey): (v: boolean) => boolean {
  const fns = hooks.map((h) => h[key]).filter((f): f is (v: boolean) => boolean => f !== undefined);
  return (v) => fns.reduce((acc, f) => f(acc), v);
}

export function activeSecurityHooks(all: readonly (SecurityHooks | undefined)[]): ActiveSecurityHooks {
  const hooks = all.filter((h): h is SecurityHooks => h !== undefined);
  const replies = hooks.map((h) => h.hlsServerReply).filter((f): f is (r: Uint8Array) => Uint8Array => f !== undefined);
  const counters = hooks.map((h) => h.responseCounter).filter((f): f is (n: number, l: number | undefined) => number => f !== undefined);
  return {
    acceptHlsReply: chainBool(hooks, 'acceptHlsReply'),
    hlsServerReply: (r) => replies.reduce((acc, f) => f(acc), r),
    acceptBadTag: chainBool(hooks, 'acceptBadTag'),
    acceptCounter: chainBool(hooks, 'acceptCounter'),
    acceptPolicy: chainBool(hooks, 'acceptPolicy'),
    acceptSystemTitle: chainBool(hooks, 'acceptSystemTitle'),
    acceptSignature: chainBool(hooks, 'acceptSignature'),
    responseCounter: (next, last) => counters.reduce((acc, f) => f(acc, last), next),
    acceptRlrq: chainBool(hooks, 'acceptRlrq'),
    useDedicatedKey: chainBool(hooks, 'useDedicatedKey'),
    unprotectedRlrqRefusal: hooks.some((h) => h.unprotectedRlrqRefusal === 'exception') ? 'exception' : 'rlre',
    applyChanges: chainBool(hooks, 'applyChanges'),
    useConveyedKey: chainBool(hooks, 'useConveyedKey'),
    requireAuthentication: chainBool(hooks, 'requireAuthentication'),
    useBroadcastKey: chainBool(hooks, 'useBroadcastKey'),
    answerBroadcast: chainBool(hooks, 'answerBroadcast'),
    restartServerCounter: hooks.some((h) => h.restartServerCounter === true),
    refuseDedicatedBeforeHls: hooks.some((h) => h.refuseDedicatedBeforeHls === true),
  };
}
