/**
 * The objects of a short-name association as the generator steps see them (CosemObject, as an
 * LN object_list gives them): Association SN attribute 2 (object_list, 0xFA08) names each object
 * with its base name, attribute 3 (access_rights_list, 0xFA10, version 1 on) the rights the
 * association has on it (Blue Book 4.4.2). Without an access_rights_list (version 0, or refused)
 * the attributes are the catalogue's, assumed readable (`accessAssumed`): refusals then judge
 * nothing and the walk by access right does not run (docs/decisions/short-name-walk.md).
 */
import type { Data } from '../../dlms/axdr/data';
import { classById, classVersions } from '../../dlms/cosem/catalogue/catalogue';
import { accessRightsOf, type CosemObject } from '../classes/object-list';
import { ExpectationFailure } from '../engine/verdict';
import type { StepContext } from './context';
import { describeOutcome } from './outcome';
import { ATTRIBUTE_STEP, CURRENT_ASSOCIATION_SN, snObjectList, type SnEntry } from './sn-names';

const ACCESS_RIGHTS_NAME = CURRENT_ASSOCIATION_SN + 2 * ATTRIBUTE_STEP;
const ACCESS_RIGHTS_RULE = 'Blue Book 4.4.2 (Association SN attribute 3, access_rights_list)';
/** Association SN has access_rights_list from version 1 (Blue Book 4.4.2). */
const FIRST_VERSION_WITH_ACCESS_RIGHTS = 1;
/** Association SN version 4 writes access_mode as Association LN version 3 does: a bit map (Blue Book 4.4.2, 4.4.3). */
const FIRST_VERSION_WITH_BIT_MAP = 4;
const ASSOCIATION_SN_CLASS = 12;
/** access_mode 1, read-only (Blue Book 4.4.3 enum): what an object without listed rights is assumed to grant. */
const ASSUMED_MODE = 1;

export interface SnObjects {
  readonly objects: readonly CosemObject[];
  /** The Association LN version whose access_mode encoding the list uses (readAccess, allows). */
  readonly accessVersion: number;
  /** Why no access rights were read, when none were. */
  readonly assumed?: string;
}

/** The current Association SN as its own object list lists it. */
function self(entries: readonly SnEntry[]): SnEntry | undefined {
  return entries.find((e) => e.classId === ASSOCIATION_SN_CLASS && e.baseName === CURRENT_ASSOCIATION_SN);
}

/** access_right ::= structure { base_name: long, attribute_access, method_access }, by base name. */
function accessRights(list: Data): Map<number, Pick<CosemObject, 'attributes' | 'methods'>> {
  if (list.type !== 'array') throw new ExpectationFailure(ACCESS_RIGHTS_RULE, 'an array of access_right', list.type);
  const out = new Map<number, Pick<CosemObject, 'attributes' | 'methods'>>();
  list.items.forEach((el, i) => {
    const at = `access_rights_list[${i}]`;
    if (el.type !== 'structure' || el.items.length !== 3)
      throw new ExpectationFailure(ACCESS_RIGHTS_RULE, `${at}: structure { base_name, attribute_access, method_access }`, el.type);
    const [bn, attributes, methods] = el.items as [Data, Data, Data];
    if (bn.type !== 'long') throw new ExpectationFailure(ACCESS_RIGHTS_RULE, `${at}.base_name: long`, bn.type);
    if (attributes.type !== 'array' || methods.type !== 'array')
      throw new ExpectationFailure(ACCESS_RIGHTS_RULE, `${at}: arrays of attribute_access_item and method_access_item`, `${attributes.type}, ${methods.type}`);
    out.set(bn.value & 0xffff, accessRightsOf(attributes, methods));
  });
  return out;
}

/** An object with the catalogue's attributes, each assumed readable (mode 1, read-only). */
function assumedObject(e: SnEntry): CosemObject {
  const def = classById(e.classId, e.version) ?? classVersions(e.classId).at(-1);
  return {
    classId: e.classId,
    version: e.version,
    obis: e.obis,
    logicalName: e.logicalName,
    attributes: (def?.attributes ?? [{ index: 1, selectors: [] }]).map((a) => ({ id: a.index, mode: ASSUMED_MODE, selectors: a.selectors ?? [] })),
    accessAssumed: true,
  };
}

/** The objects of the SN association open now, with the rights it lists (read once per case). */
export async function snObjects(ctx: StepContext): Promise<SnObjects> {
  const entries = await snObjectList(ctx);
  const current = self(entries);
  const version = current?.version ?? 0;
  const accessVersion = version >= FIRST_VERSION_WITH_BIT_MAP ? 3 : 0;
  let rights: Map<number, Pick<CosemObject, 'attributes' | 'methods'>> | undefined;
  let assumed: string | undefined;
  if (version < FIRST_VERSION_WITH_ACCESS_RIGHTS) {
    assumed = `the current Association SN is version ${version}, which lists no access rights`;
  } else {
    const outcome = await ctx.client.read([{ variableName: ACCESS_RIGHTS_NAME }]);
    const first = outcome.kind === 'read' && outcome.results.length === 1 ? outcome.results[0] : undefined;
    if (first?.kind === 'data') rights = accessRights(first.data);
    else assumed = `access_rights_list (READ 0xFA10) not served: ${describeOutcome({ op: 'read', outcome })}`;
  }
  const objects = entries.map((e): CosemObject => {
    const r = rights?.get(e.baseName);
    return r ? { classId: e.classId, version: e.version, obis: e.obis, logicalName: e.logicalName, ...r } : assumedObject(e);
  });
  return { objects, accessVersion, ...(assumed ? { assumed } : {}) };
}
