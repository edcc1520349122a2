/**
 * Which attribute values a golden-sample comparison compares. The Blue Book marks every
 * attribute of every interface class static (configuration, set once) or dyn. (changes by
 * itself: measured values, counters, buffers, the time); a delivered meter must match the golden
 * sample in its static attributes, while its dynamic ones differ by nature. A third kind,
 * identity, is static for one meter but differs between meters of a batch by design (its
 * manufacturing number, its server system title). The default rules compare static attributes
 * and ignore the other two, each rule citing its clause; a rules file (rules-file.ts) adds or
 * removes attributes. Object lists, class versions and access rights are always compared.
 */
import { classById } from '../../dlms/cosem/catalogue/catalogue';

export type Nature = 'static' | 'dynamic' | 'identity';

export interface AttributeRule {
  readonly classId: number;
  readonly attribute: number;
  /** A logical name, or a pattern with `*` for a whole value group (`0-0:96.1.*.255`); absent: every instance. */
  readonly obis?: string;
  readonly compare: boolean;
  /** Why, with the clause: shown beside every value the rule leaves out. */
  readonly reason: string;
  /** `file:line:col` of a rules file entry; absent for a default rule. */
  readonly at?: string;
}

/** Dynamic ("dyn.") attributes per class, from the class's attribute table in the Blue Book. */
const DYNAMIC: Readonly<Record<number, readonly number[]>> = {
  3: [2], // Register: value
  4: [2, 4, 5], // Extended register: value, status, capture_time
  5: [2, 3, 5, 6, 7], // Demand register: current_average_value, last_average_value, status, capture_time, start_time_current
  7: [2, 7], // Profile generic: buffer, entries_in_use
  8: [2, 4], // Clock: time, status
  12: [8], // Association SN: association_status
  15: [8, 11], // Association LN: association_status, current_user
  18: [3, 4, 6, 7], // Image transfer: transferred blocks status, first not transferred, status, image_to_activate_info
  61: [2], // Register table: table_cell_values
  63: [2], // Status mapping: status_word
  70: [2, 3], // Disconnect control: output_state, control_state
};

/** Static attributes that identify one meter of a batch: equal in no two meters. */
const IDENTITY: Readonly<Record<number, readonly { readonly attribute: number; readonly why: string }[]>> = {
  64: [
    { attribute: 5, why: 'server_system_title: each meter has its own (Green Book 9.2.4.8.2)' },
    { attribute: 6, why: "certificates: each meter's own" },
  ],
};

/** Data objects (class 1, whose value the Blue Book leaves static or dynamic by instance) named by OBIS. */
const DATA_BY_OBIS: readonly { readonly obis: string; readonly nature: Nature; readonly why: string }[] = [
  { obis: '0-0:42.0.0.255', nature: 'identity', why: 'COSEM logical device name: unique per meter (Green Book 4.1.8.2)' },
  { obis: '0-0:96.1.*.255', nature: 'identity', why: 'Device ID (manufacturing number and the like): unique per meter (Blue Book 7.5, OBIS C=96 D=1)' },
  { obis: '0-0:43.1.*.255', nature: 'dynamic', why: 'invocation counter: grows with every protected message (Green Book 9.2.7.2.4.3)' },
];

function className(classId: number): string {
  const c = classById(classId);
  return c ? `Blue Book ${c.clause} ${c.name}` : `class ${classId}`;
}

function attributeName(classId: number, attribute: number): string {
  return classById(classId)?.attributes.find((a) => a.index === attribute)?.name ?? `attribute ${attribute}`;
}

export const DEFAULT_RULES: readonly AttributeRule[] = [
  ...Object.entries(DYNAMIC).flatMap(([c, attrs]) =>
    attrs.map((attribute) => ({
      classId: Number(c),
      attribute,
      compare: false,
      reason: `${className(Number(c))}: ${attributeName(Number(c), attribute)} is dyn. (changes by nature)`,
    })),
  ),
  ...Object.entries(IDENTITY).flatMap(([c, attrs]) =>
    attrs.map(({ attribute, why }) => ({ classId: Number(c), attribute, compare: false, reason: `${className(Number(c))}: ${why}` })),
  ),
  ...DATA_BY_OBIS.map((d) => ({ classId: 1, attribute: 2, obis: d.obis, compare: false, reason: `${d.nature}: ${d.why}` })),
];

function obisMatches(pattern: string, obis: string): boolean {
  const p = pattern.split(/[-:.]/);
  const o = obis.split(/[-:.]/);
  return p.length === o.length && p.every((g, i) => g === '*' || g === o[i]);
}

/** More specific first: an exact logical name, then a pattern, then the whole class. */
function specificity(r: AttributeRule): number {
  if (r.obis === undefined) return 0;
  return r.obis.includes('*') ? 1 : 2;
}

export interface RuleSet {
  readonly rules: readonly AttributeRule[];
  /** The rule that decides an attribute, or undefined (then it is static: compared). */
  decide(classId: number, obis: string, attribute: number): AttributeRule | undefined;
  compares(classId: number, obis: string, attribute: number): boolean;
}

/** The default rules, overridden where `extra` (a rules file) says otherwise. */
export function ruleSet(extra: readonly AttributeRule[] = []): RuleSet {
  const match = (rules: readonly AttributeRule[], classId: number, obis: string, attribute: number) =>
    rules
      .filter((r) => r.classId === classId && r.attribute === attribute && (r.obis === undefined || obisMatches(r.obis, obis)))
      .sort((a, b) => specificity(b) - specificity(a))[0];
  const decide = (classId: number, obis: string, attribute: number) => {
    const own = match(extra, classId, obis, attribute);
    const dflt = match(DEFAULT_RULES, classId, obis, attribute);
    if (own && dflt) return specificity(own) >= specificity(dflt) ? own : dflt;
    return own ?? dflt;
  };
  return {
    rules: [...extra, ...DEFAULT_RULES],
    decide,
    compares: (classId, obis, attribute) => decide(classId, obis, attribute)?.compare ?? true,
  };
}
