/**
 * Short names as a suite uses them (Blue Book 4.1.3, Green Book 9.3 SN referencing): a suite
 * cannot know a device's base names, so it names an object by OBIS and attribute, and the step
 * looks the base name up in the current Association SN's object_list (base name 0xFA00,
 * attribute 2 at 0xFA08), read once per case. Attribute n is at base + 8·(n − 1).
 */
import type { Data } from '../../dlms/axdr/data';
import { formatObis } from '../../dlms/cosem/obis';
import { classById } from '../../dlms/cosem/catalogue/catalogue';
import { ExpectationFailure, HarnessFault, Inapplicable } from '../engine/verdict';
import type { StepContext } from './context';
import { describeOutcome } from './outcome';

/** Blue Book 4.4.2: the current Association SN; its object_list is attribute 2. */
export const CURRENT_ASSOCIATION_SN = 0xfa00;
export const ATTRIBUTE_STEP = 8;
const OBJECT_LIST_NAME = CURRENT_ASSOCIATION_SN + ATTRIBUTE_STEP;
const CACHE = '$snObjectList';
const LIST_RULE = 'Blue Book 4.4.2 (Association SN attribute 2, object_list)';

export interface SnEntry {
  readonly baseName: number;
  readonly classId: number;
  readonly version: number;
  readonly obis: string;
  readonly logicalName: Uint8Array;
}

/** The elements of an SN object_list; throws ExpectationFailure at the first malformed one. */
export function snEntries(list: Data): SnEntry[] {
  if (list.type !== 'array') throw new ExpectationFailure(LIST_RULE, 'an array of sn_object_list_element', list.type);
  return list.items.map((el, i) => {
    const at = `object_list[${i}]`;
    if (el.type !== 'structure' || el.items.length !== 4)
      throw new ExpectationFailure(LIST_RULE, `${at}: structure { base_name, class_id, version, logical_name }`, el.type);
    const [bn, cls, ver, ln] = el.items as [Data, Data, Data, Data];
    if (bn.type !== 'long') throw new ExpectationFailure(LIST_RULE, `${at}.base_name: long`, bn.type);
    if (cls.type !== 'long-unsigned') throw new ExpectationFailure(LIST_RULE, `${at}.class_id: long-unsigned`, cls.type);
    if (ver.type !== 'unsigned') throw new ExpectationFailure(LIST_RULE, `${at}.version: unsigned`, ver.type);
    if (ln.type !== 'octet-string' || ln.value.length !== 6) throw new ExpectationFailure(LIST_RULE, `${at}.logical_name: octet-string of 6 bytes`, ln.type);
    return { baseName: bn.value & 0xffff, classId: cls.value, version: ver.value, obis: formatObis(ln.value), logicalName: ln.value };
  });
}

/** The current association's SN object list, read once per case (0xFA08). */
export async function snObjectList(ctx: StepContext): Promise<SnEntry[]> {
  let list = ctx.vars.get(CACHE);
  if (!list) {
    const outcome = await ctx.client.read([{ variableName: OBJECT_LIST_NAME }]);
    const first = outcome.kind === 'read' ? outcome.results[0] : undefined;
    if (first?.kind !== 'data')
      throw new ExpectationFailure(LIST_RULE, 'the object_list of the current Association SN (READ 0xFA08)', describeOutcome({ op: 'read', outcome }));
    list = first.data;
    ctx.vars.set(CACHE, list);
  }
  return snEntries(list);
}

/** The variable name of `attribute` of the object `obis`, from the SN object list. */
export async function variableNameOf(ctx: StepContext, obis: string, attribute: number): Promise<number> {
  const entry = (await snObjectList(ctx)).find((e) => e.obis === obis);
  if (!entry) throw new HarnessFault(`${obis} is not in the current association's SN object list`, 'profile', 'SN_OBJECT_UNLISTED');
  return entry.baseName + ATTRIBUTE_STEP * (attribute - 1);
}

/** Names an object of a class the catalogue does not know may use: attributes and methods, generously. */
const UNKNOWN_CLASS_NAMES = 32;
/** Past a known class's attributes and methods, room for method offsets that leave gaps (Blue Book 4.1.3 short-name tables). */
const METHOD_OFFSET_SLACK = 8;

/** The names an object may use: its attributes and methods per the catalogue, with slack (32 names for a class it does not know). */
function nameRange(e: SnEntry): { readonly from: number; readonly to: number } {
  const c = classById(e.classId, e.version) ?? classById(e.classId);
  const names = c ? c.attributes.length + c.methods.length + METHOD_OFFSET_SLACK : UNKNOWN_CLASS_NAMES;
  return { from: e.baseName, to: e.baseName + names * ATTRIBUTE_STEP };
}

/** The listed object other than `self` whose names may include `name`, if any. */
export function otherOwner(entries: readonly SnEntry[], self: SnEntry, name: number): SnEntry | undefined {
  return entries.find((e) => e.baseName !== self.baseName && e.baseName <= name && name < nameRange(e).to);
}

/**
 * A variable name no listed object has (Blue Book 4.1.3): a multiple of 8 below the reserved
 * 0xFA00 outside every object's range (its attributes and methods per the catalogue with some
 * slack, 32 names for a class it does not know), preferably above them all. Where the listed
 * objects leave no such name (a meter whose base names are spread over the whole range), the
 * case cannot name one: inapplicable, with the reason, never a harness failure.
 */
export async function undefinedVariableName(ctx: StepContext): Promise<number> {
  const ranges = (await snObjectList(ctx)).map(nameRange);
  const free = (n: number) => !ranges.some((r) => n >= r.from && n < r.to);
  const below = ranges.filter((r) => r.from < CURRENT_ASSOCIATION_SN);
  const top = Math.max(0, ...below.map((r) => r.to));
  const above = (top + ATTRIBUTE_STEP - 1) & ~(ATTRIBUTE_STEP - 1);
  if (above < CURRENT_ASSOCIATION_SN && free(above)) return above;
  // Else the first gap between objects, from the bottom (name 0 left out).
  for (const r of [{ to: ATTRIBUTE_STEP }, ...below].sort((x, y) => x.to - y.to)) {
    const n = (r.to + ATTRIBUTE_STEP - 1) & ~(ATTRIBUTE_STEP - 1);
    if (n < CURRENT_ASSOCIATION_SN && free(n)) return n;
  }
  throw new Inapplicable(
    `no short name below 0xFA00 is surely undefined: the ${ranges.length} listed objects may use every one (ranges by the catalogue's attribute and method counts)`,
  );
}
