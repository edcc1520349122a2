/**
 * A profile, loaded: the device under test as the harness needs it (DESIGN.md, Profiles).
 * Durations are milliseconds and secret references are resolved into `Secret`s, so nothing
 * downstream parses text or touches the environment.
 */
import type { Authentication, Framing } from '../../client/api';
import type { Secret } from '../../dlms/secret';

export type TransportProfile =
  | { readonly kind: 'builtin'; readonly framing: Framing; readonly meter?: string; readonly faults: readonly string[]; readonly variants: readonly string[] }
  | { readonly kind: 'tcp'; readonly framing: Framing; readonly host: string; readonly port: number }
  | { readonly kind: 'serial'; readonly framing: 'hdlc'; readonly path: string; readonly baudRate: number; readonly opening?: SerialOpening };

/** IEC 62056-21 mode E sign-on; `requireEnhancedId: false` acknowledges a meter without `\2` (a remark on every case). */
export interface SerialOpening {
  readonly kind: 'iec21-mode-e';
  readonly requireEnhancedId: boolean;
}

export type TransportKind = TransportProfile['kind'];

export interface HdlcProfile {
  readonly serverLogical: number;
  readonly serverPhysical?: number;
  readonly addressSize: 1 | 2 | 4;
  readonly maxInfo?: number;
  readonly window?: number;
}

export interface TimeoutsProfile {
  /** For one request to be answered (a silence verdict waits exactly this long). */
  readonly responseMs: number;
  /** Between bytes of one frame (IEC 62056-46 inter-character time-out). */
  readonly interFrameMs: number;
  /** The DUT's link inactivity time-out: the harness never idles longer. */
  readonly inactivityMs: number;
  /** For the transport to open (TCP connect, serial open, mode E hand-shake). */
  readonly connectMs: number;
}

export interface SecurityProfile {
  readonly suite: 0 | 1 | 2;
  readonly policy: string;
  /** The client system title (calling-AP-title), 16 hex digits. */
  readonly systemTitle?: string;
  /** The server system title the AARE must carry, when known. */
  readonly serverSystemTitle?: string;
  readonly blockCipherKey?: Secret;
  readonly authenticationKey?: Secret;
  /** The master key (KEK) that wraps keys for global_key_transfer (Green Book 9.2.3.5). */
  readonly masterKey?: Secret;
  /** The global broadcast key, for requests protected with the key-set bit set (Green Book 9.2.7.2.3). */
  readonly broadcastKey?: Secret;
  /** Application context with or without ciphering; default: ciphered when the policy protects anything. */
  readonly context?: 'ciphered' | 'plain';
  /** Propose a dedicated key in the AARQ and use ded- APDUs. */
  readonly dedicatedKey?: boolean;
  readonly envelope?: 'service-specific' | 'general' | 'general-ciphering';
  /** Suites 1, 2: the client's ECDSA private key and the server's public key (hex x || y). */
  readonly signingKey?: Secret;
  readonly serverSigningKey?: string;
  /** Read the DUT's invocation counter object through another association before associating. */
  readonly invocationCounter?: { readonly read: string; readonly via: string };
  /** The Security setup object (class 64) of this association; default 0-0:43.0.0.255. */
  readonly securitySetup?: string;
}

export interface AssociationProfile {
  readonly name: string;
  readonly clientSap: number;
  readonly referencing: 'ln' | 'sn';
  readonly authentication: Authentication;
  readonly password?: Secret;
  /** HLS mechanism 2: the registry name of the manufacturer's algorithm (dlms/security/hls-manufacturer.ts). */
  readonly hlsAlgorithm?: string;
  readonly security?: SecurityProfile;
}

export interface Profile {
  /** The file it came from, for messages. */
  readonly file: string;
  readonly device: { readonly name: string; readonly manufacturer?: string; readonly model?: string; readonly firmware?: string };
  readonly transport: TransportProfile;
  readonly hdlc: HdlcProfile;
  readonly timeouts: TimeoutsProfile;
  /** In the order the profile declares them. */
  readonly associations: readonly AssociationProfile[];
  readonly expect: { readonly logicalDeviceName?: string; readonly dlmsVersion?: number };
  /** Feature flags for applicability (`lls: true`); an absent flag is false. */
  readonly features: Readonly<Record<string, boolean>>;
  /** A harmless image for the Image transfer cases (state-changing), its file resolved from the profile's folder. */
  readonly imageTransfer?: { readonly image: string; readonly identifier: string };
  /**
   * Profile generic objects (OBIS as text) whose entries the owner lets PROFILE-RESET clear: the
   * entries a reset clears cannot be put back, so no other profile is ever reset.
   */
  readonly resettableProfiles?: readonly string[];
  /** A known-deviations file (harness/engine/deviations.ts), resolved from the profile's folder. */
  readonly deviations?: string;
  /**
   * The approved golden sample (dlmsct read) and optional diff rules, resolved from the
   * profile's folder: every run then adds a golden-sample case per association (docs/acceptance.md).
   */
  readonly golden?: { readonly snapshot: string; readonly rules?: string };
}
