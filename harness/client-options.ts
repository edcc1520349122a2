/** A profile, said the way client/ wants it: link settings, the transport, the secrets to mask. */
import type { ClientOptions } from '../client';
import type { LinkSettings } from '../client/api';
import type { TransportSpec } from '../client/open-transport';
import type { Secret } from '../dlms/secret';
import type { Profile } from './profile/types';

export function linkSettingsFor(profile: Profile): LinkSettings {
  const h = profile.hdlc;
  return {
    framing: profile.transport.framing,
    serverLogical: h.serverLogical,
    ...(h.serverPhysical === undefined ? {} : { serverPhysical: h.serverPhysical }),
    addressSize: h.addressSize,
    ...(h.maxInfo === undefined ? {} : { maxInfoTx: h.maxInfo, maxInfoRx: h.maxInfo }),
    ...(h.window === undefined ? {} : { window: h.window }),
    responseTimeoutMs: profile.timeouts.responseMs,
    interFrameTimeoutMs: profile.timeouts.interFrameMs,
  };
}

/** Every secret of the profile: the client masks them in every trace record it makes. */
export function profileSecrets(profile: Profile): Secret[] {
  const out: Secret[] = [];
  for (const a of profile.associations) {
    if (a.password) out.push(a.password);
    if (a.security?.blockCipherKey) out.push(a.security.blockCipherKey);
    if (a.security?.authenticationKey) out.push(a.security.authenticationKey);
    if (a.security?.masterKey) out.push(a.security.masterKey);
    if (a.security?.broadcastKey) out.push(a.security.broadcastKey);
    if (a.security?.signingKey) out.push(a.security.signingKey);
  }
  return out;
}

export function clientOptionsFor(profile: Profile, transport: TransportSpec): ClientOptions {
  return {
    transport,
    link: linkSettingsFor(profile),
    connectTimeoutMs: profile.timeouts.connectMs,
    secrets: profileSecrets(profile),
  };
}
