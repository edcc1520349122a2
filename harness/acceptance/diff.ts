/**
 * A meter against its golden sample: per association, the objects present or missing, their
 * class versions, the access rights of every attribute and method, and the values of the
 * attributes the rules compare (rules.ts: static configuration by default). The meter's own
 * logical device name is its identity, not its configuration: wherever it appears in a value
 * (the SAP assignment lists it) it stands for "this meter's name" on both sides.
 */
import type { Json } from '../../dlms/axdr/format';
import type { RuleSet } from './rules';
import type { AssociationSnapshot, AttributeEntry, AttributeRead, ObjectEntry, Snapshot } from './snapshot';

export type DifferenceKind =
  | 'association-missing'
  | 'association-extra'
  | 'association-not-read'
  | 'object-missing'
  | 'object-extra'
  | 'class-version'
  /** Short-name referencing: the object answers to another base name (Green Book 9.3). */
  | 'base-name'
  | 'attribute-access'
  | 'method-access'
  | 'value'
  | 'read-outcome';

export interface Difference {
  readonly association: string;
  readonly kind: DifferenceKind;
  /** `1-0:1.8.0.255 (class 3)`, absent for an association-level difference. */
  readonly object?: string;
  /** `attribute 3`, `method 1`. */
  readonly member?: string;
  readonly golden: string;
  readonly actual: string;
}

export interface Ignored {
  readonly object: string;
  readonly attribute: number;
  readonly reason: string;
}

export interface DiffResult {
  readonly same: boolean;
  readonly differences: readonly Difference[];
  /** Attributes both sides read whose values the rules left out, once each, with the rule's reason. */
  readonly ignored: readonly Ignored[];
}

const IDENTITY_MARK = "<this meter's logical device name>";

const objectName = (o: Pick<ObjectEntry, 'obis' | 'classId'>) => `${o.obis} (class ${o.classId})`;
const keyOf = (o: Pick<ObjectEntry, 'obis' | 'classId'>) => `${o.classId}/${o.obis}`;

export function diffSnapshots(golden: Snapshot, actual: Snapshot, rules: RuleSet, only?: string): DiffResult {
  const differences: Difference[] = [];
  const ignored = new Map<string, Ignored>();
  const names = [...new Set([...golden.associations.map((a) => a.name), ...actual.associations.map((a) => a.name)])].filter(
    (n) => only === undefined || n === only,
  );
  for (const name of names) {
    const g = golden.associations.find((a) => a.name === name);
    const m = actual.associations.find((a) => a.name === name);
    if (!m) {
      differences.push({
        association: name,
        kind: 'association-missing',
        golden: g?.status === 'read' ? `read, ${g.objects.length} objects` : 'present',
        actual: 'not in the snapshot',
      });
      continue;
    }
    if (!g) {
      differences.push({
        association: name,
        kind: 'association-extra',
        golden: 'not in the golden sample',
        actual: m.status === 'read' ? `read, ${m.objects.length} objects` : 'present',
      });
      continue;
    }
    diffAssociation(g, m, { golden: golden.logicalDeviceName, actual: actual.logicalDeviceName }, rules, differences, ignored);
  }
  return { same: differences.length === 0, differences, ignored: [...ignored.values()] };
}

interface Identities {
  readonly golden: string | null;
  readonly actual: string | null;
}

function diffAssociation(
  g: AssociationSnapshot,
  m: AssociationSnapshot,
  ids: Identities,
  rules: RuleSet,
  out: Difference[],
  ignored: Map<string, Ignored>,
): void {
  const association = g.name;
  if (g.status !== 'read' || m.status !== 'read') {
    // Nothing to compare object by object: say what each side got, when they differ.
    const gs = g.status === 'read' ? 'read' : `not read (${g.reason})`;
    const ms = m.status === 'read' ? 'read' : `not read (${m.reason})`;
    if (gs !== ms) out.push({ association, kind: 'association-not-read', golden: gs, actual: ms });
    return;
  }
  const mine = new Map(m.objects.map((o) => [keyOf(o), o]));
  const theirs = new Set(g.objects.map(keyOf));
  for (const go of g.objects) {
    const mo = mine.get(keyOf(go));
    if (!mo) {
      out.push({ association, kind: 'object-missing', object: objectName(go), golden: `listed, version ${go.version}`, actual: 'not in the object list' });
      continue;
    }
    diffObject(association, go, mo, ids, rules, out, ignored);
  }
  for (const mo of m.objects) {
    if (!theirs.has(keyOf(mo)))
      out.push({ association, kind: 'object-extra', object: objectName(mo), golden: 'not in the object list', actual: `listed, version ${mo.version}` });
  }
}

function diffObject(
  association: string,
  g: ObjectEntry,
  m: ObjectEntry,
  ids: Identities,
  rules: RuleSet,
  out: Difference[],
  ignored: Map<string, Ignored>,
): void {
  const object = objectName(g);
  if (g.version !== m.version) out.push({ association, kind: 'class-version', object, golden: `version ${g.version}`, actual: `version ${m.version}` });
  if (g.baseName !== m.baseName) out.push({ association, kind: 'base-name', object, golden: baseNameText(g.baseName), actual: baseNameText(m.baseName) });
  const mAttrs = new Map(m.attributes.map((a) => [a.id, a]));
  for (const ga of g.attributes) {
    const ma = mAttrs.get(ga.id);
    const member = `attribute ${ga.id}`;
    if (!ma) {
      out.push({ association, kind: 'attribute-access', object, member, golden: accessText(ga), actual: 'not in the object list' });
      continue;
    }
    if (accessText(ga) !== accessText(ma)) out.push({ association, kind: 'attribute-access', object, member, golden: accessText(ga), actual: accessText(ma) });
    diffValue(association, g, ga, ma, ids, rules, out, ignored);
  }
  for (const ma of m.attributes) {
    if (!g.attributes.some((a) => a.id === ma.id))
      out.push({ association, kind: 'attribute-access', object, member: `attribute ${ma.id}`, golden: 'not in the object list', actual: accessText(ma) });
  }
  const gm = new Map(g.methods.map((x) => [x.id, x.access]));
  const mm = new Map(m.methods.map((x) => [x.id, x.access]));
  for (const id of [...new Set([...gm.keys(), ...mm.keys()])].sort((a, b) => a - b)) {
    const ga = gm.get(id);
    const ma = mm.get(id);
    if (ga !== ma)
      out.push({
        association,
        kind: 'method-access',
        object,
        member: `method ${id}`,
        golden: ga === undefined ? 'not in the object list' : `access ${ga ?? 'not stated'}`,
        actual: ma === undefined ? 'not in the object list' : `access ${ma ?? 'not stated'}`,
      });
  }
}

function baseNameText(b: number | undefined): string {
  return b === undefined ? 'no base name (LN)' : `base name 0x${b.toString(16).toUpperCase().padStart(4, '0')}`;
}

function accessText(a: AttributeEntry): string {
  return `access ${a.access ?? 'not stated'}${a.selectors.length ? `, selectors ${a.selectors.join(' ')}` : ''}`;
}

/** Outcomes that carry no evidence either way: the attribute was not asked on one side. */
const NOT_ASKED: readonly AttributeRead['kind'][] = ['not-read', 'not-readable', 'withheld'];

function diffValue(
  association: string,
  o: ObjectEntry,
  g: AttributeEntry,
  m: AttributeEntry,
  ids: Identities,
  rules: RuleSet,
  out: Difference[],
  ignored: Map<string, Ignored>,
): void {
  if (NOT_ASKED.includes(g.read.kind) || NOT_ASKED.includes(m.read.kind)) return;
  const object = objectName(o);
  const member = `attribute ${g.id}`;
  if (!rules.compares(o.classId, o.obis, g.id)) {
    const rule = rules.decide(o.classId, o.obis, g.id);
    ignored.set(`${object}/${g.id}`, { object, attribute: g.id, reason: rule?.reason ?? 'ignored' });
    return;
  }
  const gt = readText(g.read, ids.golden);
  const mt = readText(m.read, ids.actual);
  if (gt === mt) return;
  const kind = g.read.kind === 'value' && m.read.kind === 'value' ? 'value' : 'read-outcome';
  out.push({ association, kind, object, member, golden: gt, actual: mt });
}

/** A read as comparable text; the side's own logical device name replaced by a mark. */
export function readText(r: AttributeRead, identity: string | null): string {
  switch (r.kind) {
    case 'value':
      return valueText(r.data, identity);
    case 'refused':
      return `refused: ${r.result}`;
    case 'error':
    case 'malformed':
      return `${r.kind}: ${r.detail}`;
    case 'silence':
      return 'no answer';
    default:
      return r.kind;
  }
}

/** Data JSON (dataToJson) in one line: `structure{integer 0, enum 30}`, octet-strings as hex with printable text shown. */
export function valueText(d: Json, identity: string | null): string {
  if (!d || typeof d !== 'object' || Array.isArray(d)) return JSON.stringify(d);
  const o = d as { readonly type?: Json; readonly value?: Json; readonly items?: Json; readonly length?: Json };
  const type = String(o.type);
  if (Array.isArray(o.items)) return `${type}{${(o.items as readonly Json[]).map((x) => valueText(x, identity)).join(', ')}}`;
  if (type === 'octet-string' && typeof o.value === 'string') {
    if (identity !== null && o.value.toUpperCase() === identity.toUpperCase()) return `${type} ${IDENTITY_MARK}`;
    const text = hexToText(o.value);
    return `${type} ${o.value}${text !== null && /^[\x20-\x7e]+$/.test(text) ? ` ("${text}")` : ''}`;
  }
  if ((type === 'visible-string' || type === 'utf8-string') && identity !== null && o.value === hexToText(identity)) return `${type} ${IDENTITY_MARK}`;
  if (o.value === undefined) return type;
  return `${type} ${typeof o.value === 'object' ? JSON.stringify(o.value) : String(o.value)}${type === 'bit-string' ? ` (${String(o.length)} bits)` : ''}`;
}

function hexToText(hex: string): string | null {
  if (!/^([0-9A-Fa-f]{2})*$/.test(hex)) return null;
  return String.fromCharCode(...(hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
}
