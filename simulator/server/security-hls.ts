/**
 * HLS passes 3 and 4 on the server (Green Book 9.2.7.4): the client answers StoC through
 * reply_to_HLS_authentication (Association LN method 1) with f(StoC); the server verifies it and
 * answers f(CtoS) in the return parameters. Until pass 3 succeeds, that method is the only
 * service the association serves.
 */
import { randomBytes } from 'node:crypto';
import { isDecodeError } from '../../dlms/bytes';
import { computeHlsResponse, verifyHlsResponse, type HlsExchange, type HlsMechanism } from '../../dlms/security/hls';
import { manufacturerHls, TEST_MANUFACTURER_HLS } from '../../dlms/security/hls-manufacturer';
import { Secret } from '../../dlms/secret';
import type { ActiveSecurityHooks } from '../faults/security-hooks';
import type { HlsAuthentication } from '../meter/security';
import type { AssociationDefinition } from '../meter/definition';
import { takeServerCounter, type SecurityState } from '../objects/security-state';

/** Association LN (class 15) method 1, reply_to_HLS_authentication, on the current association. */
export const REPLY_TO_HLS = { classId: 15, logicalName: Uint8Array.of(0, 0, 40, 0, 0, 255), method: 1 } as const;

/** The server's challenge length: within Green Book 9.2.7.4's 8..64 bytes. */
const STOC_LENGTH = 16;

export interface HlsState {
  readonly mechanism: HlsAuthentication;
  readonly ctos: Uint8Array;
  readonly stoc: Uint8Array;
  readonly clientSystemTitle: Uint8Array;
}

export function newServerChallenge(): Uint8Array {
  return new Uint8Array(randomBytes(STOC_LENGTH));
}

/** The mechanism as the security library runs it, from the server's side. */
function mechanismFor(def: AssociationDefinition, state: SecurityState, forResponse: boolean): HlsMechanism {
  const a = def.authentication as HlsAuthentication;
  switch (a) {
    case 'hls-manufacturer': {
      const name = def.security?.algorithm ?? TEST_MANUFACTURER_HLS;
      const impl = manufacturerHls(name, new Secret(def.password?.bytes ?? new Uint8Array(0), def.password?.ref ?? 'no secret'));
      // The meter loader checked the name against the registry.
      if (!impl) throw new Error(`association ${def.name}: no manufacturer-specific HLS algorithm ${name}`);
      return { kind: 'hls-manufacturer', impl };
    }
    case 'hls-md5':
    case 'hls-sha1':
    case 'hls-sha256':
      return { kind: a, secret: new Secret(def.password?.bytes ?? new Uint8Array(0), def.password?.ref ?? 'no secret') };
    case 'hls-gmac':
      return { kind: 'hls-gmac', suite: state.suite, ek: state.keys.ek, ak: state.keys.ak, invocationCounter: forResponse ? takeServerCounter(state) : 0 };
    case 'hls-ecdsa':
      return {
        kind: 'hls-ecdsa',
        suite: state.suite,
        ...(state.serverSigningKey ? { privateKey: state.serverSigningKey } : {}),
        ...(state.clientSigningPublicKey ? { peerPublicKey: state.clientSigningPublicKey } : {}),
      };
    default: {
      const never: never = a;
      throw new Error(`unreachable mechanism ${String(never)}`);
    }
  }
}

function exchangeOf(hls: HlsState, state: SecurityState): HlsExchange {
  return { ownSystemTitle: state.serverSystemTitle, peerSystemTitle: hls.clientSystemTitle, ownChallenge: hls.stoc, peerChallenge: hls.ctos };
}

/** Pass 3 then pass 4: f(CtoS) when the client's f(StoC) verified (or a fault waved it through), else undefined. */
export function answerHlsReply(
  reply: Uint8Array,
  hls: HlsState,
  def: AssociationDefinition,
  state: SecurityState,
  hooks: ActiveSecurityHooks,
): Uint8Array | undefined {
  let verified: boolean;
  try {
    // HLS-GMAC: the counter inside f(StoC) is not judged for freshness; StoC is new, so f(StoC) cannot be a replay.
    verifyHlsResponse(mechanismFor(def, state, false), exchangeOf(hls, state), reply);
    verified = true;
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    verified = false;
  }
  if (!hooks.acceptHlsReply(verified)) return undefined;
  return hooks.hlsServerReply(computeHlsResponse(mechanismFor(def, state, true), exchangeOf(hls, state)));
}
