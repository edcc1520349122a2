/**
 * A profile, loaded: the device under test as the harness needs it (DESIGN.md, Profiles).
 * Durations are milliseconds and secret references are resolved into `Secret`s, so nothing
 * downstream parses text or touches the environment.
 */
import type { Authentication, Framing } from '../../client/api';
import type { Secret } from '../../dlms/secret';

export type TransportProfile =
  | { readonly kind: 'builtin'; readonly framing: Framing; readonly meter?: string; readonly faults: readonly string[] }
  | { readonly kind: 'tcp'; readonly framing: Framing; readonly host: string; readonly port: number }
  | { readonly kind: 'serial'; readonly framing: 'hdlc'; readonly path: string; readonly baudRate: number; readonly opening?: 'iec21-mode-e' };

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
  readonly systemTitle?: string;
  readonly blockCipherKey?: Secret;
  readonly authenticationKey?: Secret;
}

export interface AssociationProfile {
  readonly name: string;
  readonly clientSap: number;
  readonly referencing: 'ln' | 'sn';
  readonly authentication: Authentication;
  readonly password?: Secret;
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
}
