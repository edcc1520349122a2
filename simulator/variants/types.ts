/**
 * A legal variant: a behaviour the standard allows and real meters show, that the reference
 * meter does not show by default (DESIGN.md, The simulator). Faults prove a check can fail;
 * variants prove it does not fail a conforming meter unlike ours. A variant acts through the
 * same interception points as faults (faults/types.ts), on the meter definition, or both, and
 * says what a profile for such a meter states differently (a meter answering only its
 * four-byte address is described with `addressSize: 4`).
 */
import type { FaultHooks } from '../faults/types';

/** A meter definition in its YAML form (simulator/meters/*.yaml), before validation. */
export type MeterYaml = Record<string, unknown>;

/** What a profile describing such a meter says differently (only what variants need). */
export interface VariantProfile {
  readonly hdlc?: {
    readonly serverPhysical?: number;
    readonly addressSize?: 1 | 2 | 4;
    readonly maxInfo?: number;
    readonly window?: number;
  };
}

export interface Variant {
  /** Kebab-case, stable: `dlmsct simulate --variant NAME`, `variants:` in a meter definition or a builtin profile. */
  readonly name: string;
  /** One sentence: what the meter does. */
  readonly description: string;
  /** The clause that allows it. */
  readonly clause: string;
  /** The docs/decisions/ record, where allowing it rests on a reading of the standard. */
  readonly reading?: string;
  /** The real meter that showed it (a row of ../shared/vectors/real-meter.md), when one did. */
  readonly seen?: string;
  readonly hooks?: FaultHooks;
  /** The meter definition, changed (a copy: the argument is not touched). */
  readonly meter?: (definition: MeterYaml) => MeterYaml;
  readonly profile?: VariantProfile;
  /**
   * The suites (globs over suite names, `hdlc/*`) whose cases can meet the behaviour: the
   * proof test (test/conformance/variants.test.ts) runs these under the variant.
   */
  readonly affects: readonly string[];
  /**
   * Cases (ids or globs) that cannot judge this meter and say so: inconclusive, with the reason
   * (DESIGN.md, Verdicts: "a buffer too small for a range test"). Anything else must pass.
   */
  readonly inconclusive?: { readonly cases: readonly string[]; readonly why: string };
}

/** The meter's `hdlc` block with these settings changed. */
export function withHdlc(m: MeterYaml, settings: Record<string, number>): MeterYaml {
  return { ...m, hdlc: { ...(m['hdlc'] as Record<string, unknown> | undefined), ...settings } };
}

/** Every association entry of the meter passed through `change`. */
export function withAssociations(m: MeterYaml, change: (a: Record<string, unknown>) => Record<string, unknown>): MeterYaml {
  return { ...m, associations: (m['associations'] as Record<string, unknown>[]).map(change) };
}

/** Every object entry of the meter passed through `change`. */
export function withObjects(m: MeterYaml, change: (o: Record<string, unknown>) => Record<string, unknown>): MeterYaml {
  return { ...m, objects: (m['objects'] as Record<string, unknown>[]).map(change) };
}
