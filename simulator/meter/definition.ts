/**
 * A meter definition as the simulator uses it, after loading and validation: plain readonly
 * data. The YAML form is described in simulator/meters/default.yaml; load.ts turns one into
 * the other and reports mistakes with file:line:col.
 */
import type { Conformance } from '../../dlms/xdlms/conformance';
import type { ClassBehaviour, ObjectBehaviour } from '../objects/types';
import type { AssociationSecurity, HlsAuthentication } from './security';

export interface HdlcSettings {
  /** Server upper (logical device) address, Green Book 8.4.2.2; 1 = management logical device. */
  readonly serverLogical: number;
  /** Server lower (physical device) address. */
  readonly serverPhysical: number;
  /** What the server offers in UA when the SNRM proposes nothing (Green Book 8.4.5.3.2 defaults are 128/1). */
  readonly maxInfoTx: number;
  readonly maxInfoRx: number;
  readonly windowTx: number;
  readonly windowRx: number;
  /** Blue Book 4.5.3 IEC HDLC setup values, reported by class 23. */
  readonly commSpeed: number;
  readonly interOctetTimeoutMs: number;
  readonly inactivityTimeoutS: number;
}

export interface WrapperSettings {
  /** IEC 62056-47 wPort of the management logical device. */
  readonly wPort: number;
}

/** The attribute access an association grants by default (Blue Book 4.4.3 access_mode). */
export type AssociationAccess = 'read-only' | 'read-write';

export type SimAuthentication = 'none' | 'low' | HlsAuthentication;

export interface AssociationDefinition {
  readonly name: string;
  readonly clientSap: number;
  /** Logical or short name referencing (Green Book 9.4.2.2 application context names). */
  readonly referencing: 'ln' | 'sn';
  readonly authentication: SimAuthentication;
  /** The LLS secret, resolved from its reference (`builtin:sim-lls`, `env:NAME`). */
  readonly password?: { readonly ref: string; readonly bytes: Uint8Array };
  /** HLS associations: the Security setup object and the application context (meter/security.ts). */
  readonly security?: AssociationSecurity;
  /** Services the server offers in this association (Green Book 9.4.6.1 names). */
  readonly conformance: Conformance;
  /** Server max receive PDU size (Green Book 9.4.6.2). */
  readonly maxPduSize: number;
  readonly access: AssociationAccess;
  readonly dlmsVersion: number;
}

/** One object: its identity, its class and the behaviour its class built from the entry. */
export interface ObjectDefinition {
  /** As written in the definition (`1-0:1.8.0.255`). */
  readonly obis: string;
  /** The six value groups A..F (Blue Book 4.1.8.1 logical_name). */
  readonly logicalName: Uint8Array;
  readonly cosemClass: ClassBehaviour;
  /** Associations that see the object; absent = all. */
  readonly visibleTo?: readonly string[];
  readonly behaviour: ObjectBehaviour;
  /** Where the entry is, for messages about it. */
  readonly line: number;
}

export interface MeterDefinition {
  readonly file: string;
  readonly logicalDeviceName: string;
  readonly hdlc: HdlcSettings;
  readonly wrapper: WrapperSettings;
  readonly associations: readonly AssociationDefinition[];
  readonly objects: readonly ObjectDefinition[];
  /** Legal variants the meter shows (simulator/variants/), by name. */
  readonly variants: readonly string[];
}
