/**
 * Turns a secret reference from a profile into a `Secret`. The reference (`env:METER_LLS`) is
 * kept as the Secret's source, which is safe to show; the bytes never reach a message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromHex } from '../../dlms/bytes/hex';
import { Secret } from '../../dlms/secret';
import { ConfigError, type Place } from '../../config/error';
import { splitSecretRef } from '../yaml/formats';

export interface SecretSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative `file:` references are resolved from here (the profile's folder). */
  readonly baseDir: string;
  /** The built-in simulator's development credentials, by name; absent outside the simulator. */
  readonly builtin?: (name: string) => Uint8Array | undefined;
}

export function resolveSecretRef(ref: string, sources: SecretSources, place: Place): Secret {
  const tried: string[] = [];
  for (const alt of splitSecretRef(ref)) {
    const colon = alt.indexOf(':');
    const scheme = alt.slice(0, colon);
    const name = alt.slice(colon + 1);
    switch (scheme) {
      case 'env': {
        const v = sources.env[name];
        if (v !== undefined && v !== '') return Secret.fromText(v, alt);
        tried.push(`${name} is not set`);
        break;
      }
      case 'file': {
        const file = path.resolve(sources.baseDir, name);
        let text: string;
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch {
          tried.push(`${file} is not readable`);
          break;
        }
        // A .hex file holds bytes as hex (keys); anything else is the text itself (passwords).
        if (file.endsWith('.hex')) {
          try {
            return new Secret(fromHex(text.trim()), alt);
          } catch {
            throw ConfigError.at(place, 'SECRET_FILE_BAD', `${file} to hold hex digits, two per byte`, 'other characters (not shown)');
          }
        }
        return Secret.fromText(text.replace(/\r?\n$/, ''), alt);
      }
      case 'builtin': {
        if (!sources.builtin) {
          throw ConfigError.at(place, 'SECRET_BUILTIN_OUTSIDE_SIMULATOR', 'builtin: references only with transport kind builtin', alt);
        }
        const v = sources.builtin(name);
        if (v) return new Secret(v, alt);
        tried.push(`the simulator has no credential "${name}"`);
        break;
      }
      default:
        tried.push(`unknown scheme ${scheme}`);
    }
  }
  throw ConfigError.at(place, 'SECRET_UNRESOLVED', `a reference that resolves (${ref})`, tried.join('; '));
}
