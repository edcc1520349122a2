/**
 * The DUT's objects as the current association's object_list describes them (Blue Book 4.4.3,
 * Association LN attribute 2): class, version, logical name and, per attribute, the access mode
 * and the access selectors granted. The class conformance suites iterate over these, since the
 * objects of a device are only known at run time.
 */
import type { Data } from '../../dlms/axdr/data';
import { formatObis } from '../../dlms/cosem/obis';
import { checkObjectList } from '../steps/check-object-list';

export interface AttributeAccess {
  readonly id: number;
  /** access_mode as sent: an enum in versions 0..2, a bit map from version 3. */
  readonly mode: number;
  /** access_selectors: the selective accesses the attribute serves (empty for null-data). */
  readonly selectors: readonly number[];
}

export interface CosemObject {
  readonly classId: number;
  readonly version: number;
  readonly obis: string;
  readonly logicalName: Uint8Array;
  readonly attributes: readonly AttributeAccess[];
  /** method_access: access_mode per method (a boolean in version 0, read as 1 or 0). */
  readonly methods?: readonly { readonly id: number; readonly mode: number }[];
  /**
   * Set where the association lists no access rights (an Association SN without
   * access_rights_list): the attributes are the catalogue's, each assumed readable, and a refusal
   * judges nothing (docs/decisions/short-name-walk.md).
   */
  readonly accessAssumed?: true;
}

/** How an object is named in messages: `1-0:1.8.0.255 (class 3 v0)`. */
export function objectLabel(o: Pick<CosemObject, 'obis' | 'classId' | 'version'>): string {
  return `${o.obis} (class ${o.classId} v${o.version})`;
}

/**
 * Blue Book 4.4.3 access_mode. Versions 0..2 (enum): 1 read-only, 3 read-and-write; 4 and 6 are
 * the authenticated variants, which need a protected request. Version 3 (bit map): bit 0 read,
 * bits 2.. ask for protection.
 */
export type ReadAccess = 'plain' | 'protected' | 'none';

export function readAccess(associationVersion: number, mode: number): ReadAccess {
  if (associationVersion >= 3) {
    if ((mode & 0x01) === 0) return 'none';
    return (mode & ~0x03) === 0 ? 'plain' : 'protected';
  }
  if (mode === 1 || mode === 3) return 'plain';
  if (mode === 4 || mode === 6) return 'protected';
  return 'none';
}

function num(d: Data | undefined): number | undefined {
  return d !== undefined && 'value' in d && typeof d.value === 'number' ? d.value : undefined;
}

function selectorsOf(d: Data | undefined): number[] {
  if (d?.type !== 'array') return [];
  return d.items.map(num).filter((v): v is number => v !== undefined);
}

/**
 * The objects of a well-formed object_list (checkObjectList decides that, and throws the
 * ExpectationFailure of the first rule broken).
 */
export function objectsOf(list: Data): CosemObject[] {
  checkObjectList(list);
  if (list.type !== 'array') return [];
  return list.items.map((el) => {
    const [classId, version, ln, rights] = (el as { items: readonly Data[] }).items as [Data, Data, Data, Data];
    const [attributeAccess, methodAccess] = (rights as { items: readonly Data[] }).items;
    const logicalName = (ln as { value: Uint8Array }).value;
    return { classId: num(classId)!, version: num(version)!, obis: formatObis(logicalName), logicalName, ...accessRightsOf(attributeAccess, methodAccess) };
  });
}

/**
 * access_rights as Association LN (Blue Book 4.4.3) and Association SN (4.4.2) list them: an
 * array of attribute_access_item and one of method_access_item.
 */
export function accessRightsOf(attributeAccess: Data | undefined, methodAccess: Data | undefined): Pick<CosemObject, 'attributes' | 'methods'> {
  return {
    attributes: (attributeAccess?.type === 'array' ? attributeAccess.items : []).map((item) => {
      const fields = item.type === 'structure' ? item.items : [];
      return { id: num(fields[0]) ?? 0, mode: num(fields[1]) ?? 0, selectors: selectorsOf(fields[2]) };
    }),
    methods: (methodAccess?.type === 'array' ? methodAccess.items : []).map((item) => {
      const fields = item.type === 'structure' ? item.items : [];
      const mode = fields[1];
      return { id: num(fields[0]) ?? 0, mode: mode?.type === 'boolean' ? Number(mode.value) : (num(mode) ?? 0) };
    }),
  };
}

/** `class: 3` or `class: [3, 4]` in a suite; absent: every class. */
export type ClassFilter = number | readonly number[] | undefined;

export function matchesClass(filter: ClassFilter, classId: number): boolean {
  if (filter === undefined) return true;
  return typeof filter === 'number' ? filter === classId : filter.includes(classId);
}

export function describeFilter(filter: ClassFilter): string {
  if (filter === undefined) return 'any class';
  return typeof filter === 'number' ? `class ${filter}` : `class ${filter.join(' or ')}`;
}
