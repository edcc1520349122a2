/**
 * Loads a profile: YAML with positions → schema check on the nodes (located errors) → typed
 * Profile with durations in milliseconds and secrets resolved. Every failure is a ConfigError
 * naming `file:line:col`, what was expected and what was found (secrets never shown).
 */
import * as path from 'node:path';
import type { Authentication, Framing } from '../../client/api';
import { manufacturerHlsNames, TEST_MANUFACTURER_HLS } from '../../dlms/security/hls-manufacturer';
import type { Secret } from '../../dlms/secret';
import { ConfigError } from '../../config/error';
import { parseDuration } from '../yaml/formats';
import { placeAtPath } from '../yaml/schema';
import { validateNode } from '../yaml/validate';
import { parseYaml, readYamlFile, type YamlSource } from '../../config/yaml-source';
import { shippedSchema } from '../yaml/json-schema';
import { resolveSecretRef, type SecretSources } from './secrets';
import { resolveKeyRef } from './keys';
import type { AssociationProfile, HdlcProfile, Profile, SecurityProfile, SerialOpening, TimeoutsProfile, TransportProfile } from './types';
import { UnknownVariantError, VARIANTS, variantsNamed } from '../../simulator/variants';

export interface ProfileOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Development credentials of the built-in simulator (see harness/builtin-secrets.ts). */
  readonly builtinSecrets?: (name: string) => Uint8Array | undefined;
  /**
   * A batch device's own secret for `association.field` (field: password, blockCipherKey, …),
   * used instead of the profile's reference, which is then not resolved (harness/batch/).
   */
  readonly secretOverride?: (association: string, field: string) => Secret | undefined;
}

/** Defaults when the profile is silent: Green Book 8.4 practice and the CTT's usual values. */
export const DEFAULT_TIMEOUTS: TimeoutsProfile = { responseMs: 5000, interFrameMs: 200, inactivityMs: 120_000, connectMs: 5000 };

export function loadProfile(file: string, opts: ProfileOptions = {}): Profile {
  return profileFrom(readYamlFile(file), opts);
}

export function parseProfile(text: string, file: string, opts: ProfileOptions = {}): Profile {
  return profileFrom(parseYaml(text, file), opts);
}

/* The shapes below mirror PROFILE_SCHEMA; they are only read after validation passed. */
interface RawAssociation {
  clientSap: number;
  referencing?: 'ln' | 'sn';
  authentication: Authentication;
  password?: string;
  hlsAlgorithm?: string;
  security?: Omit<SecurityProfile, 'blockCipherKey' | 'authenticationKey' | 'masterKey' | 'broadcastKey' | 'signingKey'> & {
    blockCipherKey?: string;
    authenticationKey?: string;
    masterKey?: string;
    broadcastKey?: string;
    signingKey?: string;
  };
}
interface RawProfile {
  device: Profile['device'];
  transport: {
    kind: TransportProfile['kind'];
    framing: Framing;
    meter?: string;
    faults?: string[];
    variants?: string[];
    host?: string;
    port?: number;
    path?: string;
    baudRate?: number;
    opening?: 'iec21-mode-e' | { kind: 'iec21-mode-e'; requireEnhancedId?: boolean };
  };
  hdlc?: HdlcProfile;
  timeouts?: { response?: string; interFrame?: string; inactivity?: string; connect?: string };
  associations: Record<string, RawAssociation>;
  expect?: Profile['expect'];
  features?: Record<string, boolean>;
  deviations?: string;
  imageTransfer?: { image: string; identifier: string };
  resettableProfiles?: string[];
  golden?: { snapshot: string; rules?: string };
}

function profileFrom(src: YamlSource, opts: ProfileOptions): Profile {
  validateNode(src, src.root, shippedSchema('profile'), src.placeOf(src.root));
  const raw = src.doc.toJS() as RawProfile;
  const baseDir = path.dirname(path.resolve(src.file));
  const transport = transportFrom(raw.transport, baseDir);
  // builtin: references only make sense when the harness starts the simulator itself.
  const sources: SecretSources = {
    env: opts.env ?? process.env,
    baseDir,
    ...(transport.kind === 'builtin' ? { builtin: opts.builtinSecrets ?? (() => undefined) } : {}),
  };
  const secretAt = (ref: string, at: (string | number)[]) => resolveSecretRef(ref, sources, placeAtPath(src, at));

  const associations = Object.entries(raw.associations).map(([name, a]): AssociationProfile => {
    const at = ['associations', name];
    if (a.authentication === 'low' && a.password === undefined) {
      throw ConfigError.at(placeAtPath(src, at), 'PASSWORD_MISSING', 'a password reference for authentication low (Green Book 9.2.7.4, LLS)', 'no password');
    }
    if (a.authentication === 'hls-manufacturer' && !manufacturerHlsNames().includes(a.hlsAlgorithm ?? TEST_MANUFACTURER_HLS)) {
      throw ConfigError.at(
        placeAtPath(src, [...at, 'hlsAlgorithm']),
        'PROFILE_UNKNOWN_HLS_ALGORITHM',
        `a manufacturer-specific HLS algorithm of the registry (${manufacturerHlsNames().join(', ')})`,
        a.hlsAlgorithm ?? '',
      );
    }
    let security: SecurityProfile | undefined;
    if (a.security) {
      const s = a.security;
      const keyAt = (ref: string | undefined, field: string) =>
        ref === undefined ? {} : { [field]: opts.secretOverride?.(name, field) ?? resolveKeyRef(ref, sources, placeAtPath(src, [...at, 'security', field])) };
      const { blockCipherKey, authenticationKey, masterKey, broadcastKey, signingKey, systemTitle, serverSystemTitle, serverSigningKey, ...rest } = s;
      security = {
        ...rest,
        ...(systemTitle === undefined ? {} : { systemTitle: systemTitle.toUpperCase() }),
        ...(serverSystemTitle === undefined ? {} : { serverSystemTitle: serverSystemTitle.toUpperCase() }),
        ...(serverSigningKey === undefined ? {} : { serverSigningKey: serverSigningKey.toUpperCase() }),
        ...keyAt(blockCipherKey, 'blockCipherKey'),
        ...keyAt(authenticationKey, 'authenticationKey'),
        ...keyAt(masterKey, 'masterKey'),
        ...keyAt(broadcastKey, 'broadcastKey'),
        ...keyAt(signingKey, 'signingKey'),
      };
    }
    return {
      name,
      clientSap: a.clientSap,
      referencing: a.referencing ?? 'ln',
      authentication: a.authentication,
      ...(a.password === undefined ? {} : { password: opts.secretOverride?.(name, 'password') ?? secretAt(a.password, [...at, 'password']) }),
      ...(a.hlsAlgorithm === undefined ? {} : { hlsAlgorithm: a.hlsAlgorithm }),
      ...(security ? { security } : {}),
    };
  });

  const t = raw.timeouts ?? {};
  const timeouts: TimeoutsProfile = {
    responseMs: t.response === undefined ? DEFAULT_TIMEOUTS.responseMs : parseDuration(t.response),
    interFrameMs: t.interFrame === undefined ? DEFAULT_TIMEOUTS.interFrameMs : parseDuration(t.interFrame),
    inactivityMs: t.inactivity === undefined ? DEFAULT_TIMEOUTS.inactivityMs : parseDuration(t.inactivity),
    connectMs: t.connect === undefined ? DEFAULT_TIMEOUTS.connectMs : parseDuration(t.connect),
  };
  for (const [key, ms] of [
    ['response', timeouts.responseMs],
    ['interFrame', timeouts.interFrameMs],
    ['connect', timeouts.connectMs],
  ] as const) {
    if (ms <= 0) throw ConfigError.at(placeAtPath(src, ['timeouts', key]), 'DURATION_BAD', 'a duration above zero', `${ms} ms`);
  }
  if (raw.hdlc === undefined && transport.framing === 'hdlc') {
    throw ConfigError.at(placeAtPath(src, ['transport']), 'HDLC_ADDRESSING_MISSING', 'an hdlc: section (serverLogical at least) for HDLC framing', 'none');
  }

  return {
    file: src.file,
    device: raw.device,
    transport,
    hdlc: withVariantHdlc({ ...(raw.hdlc ?? { serverLogical: 1 }), addressSize: raw.hdlc?.addressSize ?? 1 }, transport, src),
    timeouts,
    associations,
    expect: raw.expect ?? {},
    features: raw.features ?? {},
    ...(raw.deviations === undefined ? {} : { deviations: path.resolve(baseDir, raw.deviations) }),
    ...(raw.imageTransfer === undefined
      ? {}
      : { imageTransfer: { image: path.resolve(baseDir, raw.imageTransfer.image), identifier: raw.imageTransfer.identifier } }),
    ...(raw.resettableProfiles === undefined ? {} : { resettableProfiles: raw.resettableProfiles }),
    ...(raw.golden === undefined
      ? {}
      : {
          golden: {
            snapshot: path.resolve(baseDir, raw.golden.snapshot),
            ...(raw.golden.rules === undefined ? {} : { rules: path.resolve(baseDir, raw.golden.rules) }),
          },
        }),
  };
}

/** The plain form `opening: iec21-mode-e` is the object form with every default. */
function openingFrom(o: NonNullable<RawProfile['transport']['opening']>): SerialOpening {
  return typeof o === 'string' ? { kind: o, requireEnhancedId: true } : { kind: o.kind, requireEnhancedId: o.requireEnhancedId ?? true };
}

function transportFrom(t: RawProfile['transport'], baseDir: string): TransportProfile {
  switch (t.kind) {
    case 'builtin':
      return {
        kind: 'builtin',
        framing: t.framing,
        ...(t.meter === undefined ? {} : { meter: path.resolve(baseDir, t.meter) }),
        faults: t.faults ?? [],
        variants: t.variants ?? [],
      };
    case 'tcp':
      return { kind: 'tcp', framing: t.framing, host: t.host as string, port: t.port as number };
    case 'serial':
      return {
        kind: 'serial',
        framing: 'hdlc',
        path: t.path as string,
        baudRate: t.baudRate as number,
        ...(t.opening ? { opening: openingFrom(t.opening) } : {}),
      };
    default: {
      const never: never = t.kind;
      throw new Error(`transport kind ${String(never)}`);
    }
  }
}

/**
 * The built-in meter with legal variants (simulator/variants/) is addressed as those variants
 * say (a meter that answers only its four-byte address is described with addressSize 4): the
 * variant's profile settings win over the profile's.
 */
function withVariantHdlc(hdlc: HdlcProfile, transport: TransportProfile, src: YamlSource): HdlcProfile {
  if (transport.kind !== 'builtin' || transport.variants.length === 0) return hdlc;
  let variants;
  try {
    variants = variantsNamed(transport.variants);
  } catch (e) {
    if (e instanceof UnknownVariantError)
      throw ConfigError.at(
        placeAtPath(src, ['transport', 'variants']),
        'VARIANT_UNKNOWN',
        `a simulator variant: ${VARIANTS.map((v) => v.name).join(', ')}`,
        JSON.stringify(e.variant),
      );
    throw e;
  }
  return variants.reduce<HdlcProfile>((h, v) => ({ ...h, ...v.profile?.hdlc }), hdlc);
}
