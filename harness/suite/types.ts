/**
 * A suite, loaded (DESIGN.md, Suites): cases with a stable id, the clause, the requirement, the
 * simulator faults they must catch, and steps already checked against each step's schema.
 */
import type { Authentication, Framing } from '../../client/api';
import type { Place } from '../../config/error';
import type { TransportKind } from '../profile/types';

/** What a suite or a case needs from the profile; unmet, the case is inapplicable with the reason. */
export interface Requires {
  readonly framing?: Framing;
  readonly transport?: readonly TransportKind[];
  /** Every one of these profile features must be true. */
  readonly features?: readonly string[];
  /** The profile must declare at least one association with this mechanism. */
  readonly authentication?: Authentication;
  /**
   * Logical or short name referencing. A case with `forEach: association` runs once per
   * association that uses it (default ln); any case that names it needs the profile to declare
   * one, or it is inapplicable.
   */
  readonly referencing?: 'ln' | 'sn';
  /** The profile must state these expectations. */
  readonly expect?: readonly ('logicalDeviceName' | 'dlmsVersion')[];
}

/**
 * What a case uses that an association must grant (issue 8, item 1): the engine picks an
 * association granting all of it (steps name it `$granted`), or the case is inapplicable.
 */
export interface Needs {
  /** Conformance-block names, as CONFORMANCE_BITS in dlms/xdlms/conformance.ts. */
  readonly services?: readonly string[];
  readonly access?: readonly { readonly obis: string; readonly class: number; readonly attribute: number; readonly right: 'read' | 'write' | 'read-only' }[];
  readonly selectors?: readonly { readonly obis: string; readonly class: number; readonly attribute: number; readonly selector: number }[];
  /**
   * Targets the object list must offer by its access rights (harness/steps/targets.ts): an
   * attribute with plain write access (`writable`), one with read access only (`read-only`).
   */
  readonly targets?: readonly ('writable' | 'read-only')[];
  /** Profile secrets: password, blockCipherKey, authenticationKey, masterKey, broadcastKey, signingKey, dedicatedKey. */
  readonly secrets?: readonly string[];
  /** The security suite the association uses (Green Book 9.2.3.7): a case about suite 1 or 2 runs only there. */
  readonly suite?: 0 | 1 | 2;
}

/** When a case runs in the plan (harness/engine/plan.ts): `last` after every other case. */
export type CaseOrder = 'last';

export interface StepCall {
  readonly name: string;
  /** Checked against the step's schema at load time; the step's own type is its business. */
  readonly args: Readonly<Record<string, unknown>>;
  readonly place: Place;
}

/** `association`: once per association of the profile; `unciphered-association`: once per association without ciphering. */

export interface CaseDef {
  readonly id: string;
  readonly title: string;
  readonly spec: string;
  readonly requirement: string;
  /**
   * The clause and requirement an instance over short names cites instead, where the LN ones name
   * LN services (GET, SET, ACTION) and the SN instance uses READ or WRITE (harness/steps/rule.ts).
   */
  readonly sn?: { readonly spec: string; readonly requirement: string };
  /** Names of simulator faults this case must catch (it fails against each of them). */
  readonly detects: readonly string[];
  /** For each fault of `detects` that names it, the step (1-based) at which the case must fail. */
  readonly detectsAt?: Readonly<Record<string, number>>;
  readonly tags: readonly string[];
  readonly requires: Requires;
  /** Capabilities the case uses (suite-level needs merged in). */
  readonly needs?: Needs;
  /** What the case runs once for, each instance reported on its own (`$each` names its association in steps). */
  readonly forEach?: ForEach;
  /**
   * `last`: the case runs after every case without it, whatever the file names (a state-changing
   * case that destroys what other cases read); the suite's `order` unless the case says its own.
   */
  readonly order?: CaseOrder;
  readonly steps: readonly StepCall[];
  /** The suite's name, and where the case starts, for messages. */
  readonly suite: string;
  readonly place: Place;
}

/**
 * `association`: once per association the profile declares (id `ID[association name]`);
 * `unciphered-association`: once per association without ciphering (where protection is not the
 * case's subject, ciphering is noise);
 * `{ authentication: [...] }`: once per mechanism listed, with the profile's association of that
 * authentication (id `ID[mechanism]`; inapplicable, on its own, where the profile has none);
 * `{ association: [{ suite?, authentication? }, ...] }`: once per association selector, the same
 * way (id `ID[mechanism-suite-N]`).
 */
export type ForEach =
  'association' | 'unciphered-association' | { readonly authentication: readonly Authentication[] } | { readonly association: readonly AssociationSelector[] };

/** An association chosen by what it does: its security suite (Green Book 9.2.3.7) and its mechanism. */
export interface AssociationSelector {
  readonly suite?: 0 | 1 | 2;
  readonly authentication?: Authentication;
}

export interface SuiteDef {
  readonly suite: string;
  readonly title: string;
  readonly spec: string;
  readonly requires: Requires;
  readonly cases: readonly CaseDef[];
  readonly file: string;
}
