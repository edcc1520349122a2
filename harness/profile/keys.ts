/**
 * Keys in a profile (Green Book 9.2.3.3): references like any secret, whose text is the key in
 * hex (`env:METER_EK` holding `000102…`, `builtin:sim-ek`), except `file:*.hex`, which the
 * secret resolver already turns into bytes. A reference that does not hold hex is a profile
 * error; the message never shows the text.
 */
import { Secret } from '../../dlms/secret';
import { ConfigError, type Place } from '../../config/error';
import { resolveSecretRef, type SecretSources } from './secrets';

const HEX = /^(?:[0-9A-Fa-f]{2})+$/;

export function resolveKeyRef(ref: string, sources: SecretSources, place: Place): Secret {
  const secret = resolveSecretRef(ref, sources, place);
  if (/^file:.*\.hex$/.test(secret.source)) return secret;
  const text = new TextDecoder().decode(secret.reveal()).replace(/[\s:]/g, '');
  if (!HEX.test(text))
    throw ConfigError.at(place, 'KEY_NOT_HEX', `the key behind ${secret.source} in hex, two digits per byte`, 'other characters (not shown)');
  return new Secret(Buffer.from(text, 'hex'), secret.source);
}
