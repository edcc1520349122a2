/**
 * One device of a batch as a profile: the batch's profile, loaded with the device's own secrets
 * in place of the profile's references, and its addressing overridden. A device secret is
 * resolved where the devices file names it, so an unset variable is reported at that cell; a
 * row that overrides something the profile does not have is an error too, never ignored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Secret } from '../../dlms/secret';
import { ConfigError, type Place } from '../../config/error';
import { resolveKeyRef } from '../profile/keys';
import { loadProfile, type ProfileOptions } from '../profile/load';
import { resolveSecretRef, type SecretSources } from '../profile/secrets';
import type { AssociationProfile, Profile, TransportProfile } from '../profile/types';
import type { DeviceList, DeviceRow, DeviceSecret } from './devices';

export interface DeviceProfileOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly builtinSecrets?: ProfileOptions['builtinSecrets'];
}

export function profileForDevice(profileFile: string, list: DeviceList, d: DeviceRow, opts: DeviceProfileOptions = {}): Profile {
  // Relative `file:` references in the devices file are resolved from its own folder.
  const sources: SecretSources = { env: opts.env ?? process.env, baseDir: path.dirname(path.resolve(list.file)) };
  const used = new Set<DeviceSecret>();
  const secretOverride = (association: string, field: string): Secret | undefined => {
    const s = d.secrets.find((x) => x.association === association && x.field === field);
    if (!s) return undefined;
    used.add(s);
    return field === 'password' ? resolveSecretRef(s.ref, sources, s.place) : resolveKeyRef(s.ref, sources, s.place);
  };
  const base = loadProfile(profileFile, {
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.builtinSecrets ? { builtinSecrets: opts.builtinSecrets } : {}),
    secretOverride,
  });
  for (const s of d.secrets) {
    if (!used.has(s)) throw unusedSecret(base, s);
  }
  const hdlc = d.serverPhysical === undefined ? base.hdlc : { ...base.hdlc, serverPhysical: d.serverPhysical };
  if (d.serverPhysical !== undefined && base.transport.framing !== 'hdlc') {
    throw notFor(d.places.serverPhysical ?? d.place, 'serverPhysical', 'HDLC framing', `${base.transport.framing} framing`);
  }
  const device: Profile = {
    ...base,
    // The id keeps devices apart wherever the profile's name is a key (invocation counters, reports).
    device: { ...base.device, name: `${base.device.name} [${d.id}]` },
    transport: transportFor(base.transport, d),
    hdlc,
    expect: d.logicalDeviceName === undefined ? base.expect : { ...base.expect, logicalDeviceName: d.logicalDeviceName },
  };
  return withDeviceGolden(device, list, d);
}

/**
 * The row's `golden` cell: the meter's own golden sample, resolved from the devices file's folder
 * and checked to exist now, at its cell, rather than failing the meter's golden-sample cases later.
 */
function deviceGolden(list: DeviceList, d: DeviceRow): { snapshot: string } | undefined {
  if (d.golden === undefined) return undefined;
  const snapshot = path.resolve(path.dirname(path.resolve(list.file)), d.golden);
  if (!fs.existsSync(snapshot)) {
    throw ConfigError.at(
      d.places.golden ?? d.place,
      'DEVICE_GOLDEN_MISSING',
      'a golden sample file (written by dlmsct read --out)',
      `${snapshot} does not exist`,
    );
  }
  return { snapshot };
}

/**
 * The row's golden sample over one named elsewhere (`--golden` names one for the whole batch; a
 * row names its meter's own): what `run` applies last. The rules stay the batch's.
 */
export function withDeviceGolden(p: Profile, list: DeviceList, d: DeviceRow): Profile {
  const golden = deviceGolden(list, d);
  return golden === undefined ? p : { ...p, golden: { ...golden, ...(p.golden?.rules === undefined ? {} : { rules: p.golden.rules }) } };
}

function transportFor(t: TransportProfile, d: DeviceRow): TransportProfile {
  for (const k of ['host', 'port'] as const) {
    if (d[k] !== undefined && t.kind !== 'tcp') throw notFor(d.places[k] ?? d.place, k, 'a profile with transport kind tcp', `kind ${t.kind}`);
  }
  if (d.path !== undefined && t.kind !== 'serial') throw notFor(d.places.path ?? d.place, 'path', 'a profile with transport kind serial', `kind ${t.kind}`);
  switch (t.kind) {
    case 'tcp':
      return { ...t, ...(d.host === undefined ? {} : { host: d.host }), ...(d.port === undefined ? {} : { port: d.port }) };
    case 'serial':
      return d.path === undefined ? t : { ...t, path: d.path };
    case 'builtin':
      return t;
    default: {
      const never: never = t;
      throw new Error(`transport ${JSON.stringify(never)}`);
    }
  }
}

function notFor(place: Place, field: string, expected: string, actual: string): ConfigError {
  return ConfigError.at(place, 'DEVICE_FIELD_NOT_APPLICABLE', `${field} only with ${expected}`, `a profile with ${actual}`);
}

function unusedSecret(profile: Profile, s: DeviceSecret): ConfigError {
  const a: AssociationProfile | undefined = profile.associations.find((x) => x.name === s.association);
  const where = s.field === 'password' ? 'password' : `security.${s.field}`;
  const actual = !a
    ? `no association "${s.association}" in ${profile.file} (it has ${profile.associations.map((x) => x.name).join(', ')})`
    : `association ${s.association} of ${profile.file} has no ${where}`;
  return ConfigError.at(s.place, 'DEVICE_SECRET_UNUSED', `a secret the profile uses (an association with ${where})`, actual);
}
