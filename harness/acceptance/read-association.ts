/**
 * Reads one association of a meter into its part of a snapshot: associate as the profile says,
 * GET the object list (Association LN 0-0:40.0.0.255 attribute 2, Blue Book 4.4.3), then every
 * attribute the list grants read access to. Whatever the meter answers is recorded (a refusal,
 * an exception, a malformed answer, a silence) and the reading goes on: a snapshot is evidence,
 * not a verdict. Secrets are never read (Association LN attribute 7) nor recorded.
 */
import type { AttributeRef, DlmsClient } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import { formatObis } from '../../dlms/cosem/obis';
import { readAccess } from '../classes/object-list';
import { checkObjectList } from '../steps/check-object-list';
import { describeOutcome } from '../steps/outcome';
import { baseParams, securedParams } from '../steps/security-params';
import { profileSecrets } from '../client-options';
import type { AssociationProfile, Profile } from '../profile/types';
import { readOf } from './attribute-read';
import { readSnAssociation } from './read-association-sn';
import { type AssociationSnapshot, type AttributeEntry, type AttributeRead, type MethodEntry, type ObjectEntry, sortObjects } from './snapshot';

export { readOf } from './attribute-read';

/** Blue Book 4.4.3: the current association, and its object_list and secret attributes. */
export const CURRENT_ASSOCIATION = '0-0:40.0.0.255';
const ASSOCIATION_LN = 15;
const OBJECT_LIST = 2;
const SECRET_ATTRIBUTE = 7;

export interface ReadOptions {
  /** Which attributes to GET (default all readable ones); the rest are recorded `not-read`. */
  readonly include?: (classId: number, obis: string, attribute: number) => boolean;
  /** Called after each attribute, with how many of the association's attributes are done. */
  readonly onAttribute?: (done: number, total: number) => void;
}

export async function readAssociation(client: DlmsClient, profile: Profile, a: AssociationProfile, opts: ReadOptions = {}): Promise<AssociationSnapshot> {
  if (a.referencing === 'sn') return readSnAssociation(client, profile, a, opts);
  const params = { ...baseParams(a), ...(await securedParams(client, profile, a)) };
  const opened = await client.associate(params);
  if (opened.kind !== 'accepted')
    return { name: a.name, status: 'not-read', reason: `not associated: ${describeOutcome({ op: 'associate', association: a, outcome: opened })}` };
  try {
    const listRef: AttributeRef = { classId: ASSOCIATION_LN, obis: CURRENT_ASSOCIATION, attribute: OBJECT_LIST };
    const got = await client.get(listRef);
    if (got.kind !== 'data')
      return { name: a.name, status: 'not-read', reason: `object list not read: ${describeOutcome({ op: 'get', ref: listRef, outcome: got })}` };
    let listed: ListedObject[];
    try {
      checkObjectList(got.data);
      listed = listedObjects(got.data);
    } catch (e) {
      return { name: a.name, status: 'not-read', reason: `object list malformed: ${e instanceof Error ? e.message : String(e)}` };
    }
    const self = listed.find((o) => o.classId === ASSOCIATION_LN && o.obis === CURRENT_ASSOCIATION);
    const version = self?.version ?? 0;
    const secrets = profileSecrets(profile).map((s) => s.reveal());
    const total = listed.reduce((n, o) => n + o.attributes.length, 0);
    let done = 0;
    const objects: ObjectEntry[] = [];
    for (const o of listed) {
      const attributes: AttributeEntry[] = [];
      for (const at of o.attributes) {
        attributes.push({ ...at, read: await readOne(client, o, at, version, secrets, opts) });
        opts.onAttribute?.(++done, total);
      }
      objects.push({ classId: o.classId, version: o.version, obis: o.obis, attributes, methods: o.methods });
    }
    return { name: a.name, status: 'read', associationVersion: self?.version ?? null, objects: sortObjects(objects) };
  } finally {
    await client.release();
    await client.disconnect();
  }
}

interface ListedObject {
  readonly classId: number;
  readonly version: number;
  readonly obis: string;
  /** LN object lists always state the rights (Blue Book 4.4.3). */
  readonly attributes: readonly (Omit<AttributeEntry, 'read' | 'access'> & { readonly access: number })[];
  readonly methods: readonly MethodEntry[];
}

async function readOne(
  client: DlmsClient,
  o: ListedObject,
  at: ListedObject['attributes'][number],
  version: number,
  secrets: readonly Uint8Array[],
  opts: ReadOptions,
): Promise<AttributeRead> {
  if (o.classId === ASSOCIATION_LN && at.id === SECRET_ATTRIBUTE)
    return { kind: 'withheld', reason: 'the association secret (Blue Book 4.4.3 attribute 7) is never read' };
  // The object list itself is the objects and rights of this snapshot: not kept twice.
  if (o.classId === ASSOCIATION_LN && o.obis === CURRENT_ASSOCIATION && at.id === OBJECT_LIST) return { kind: 'not-read' };
  if (readAccess(version, at.access) === 'none') return { kind: 'not-readable' };
  if (opts.include && !opts.include(o.classId, o.obis, at.id)) return { kind: 'not-read' };
  return readOf(await client.get({ classId: o.classId, obis: o.obis, attribute: at.id }), secrets);
}

const num = (d: Data | undefined): number => (d !== undefined && 'value' in d && typeof d.value === 'number' ? d.value : 0);
const items = (d: Data | undefined): readonly Data[] => (d && (d.type === 'array' || d.type === 'structure') ? d.items : []);

/** object_list_element (Blue Book 4.4.3) as entries; checkObjectList has vouched for the shape. */
function listedObjects(list: Data): ListedObject[] {
  return items(list).map((el) => {
    const [classId, version, ln, rights] = items(el);
    const [attributeAccess, methodAccess] = items(rights);
    return {
      classId: num(classId),
      version: num(version),
      obis: formatObis((ln as { value: Uint8Array }).value),
      attributes: items(attributeAccess).map((item) => {
        const [id, mode, selectors] = items(item);
        return { id: num(id), access: num(mode), selectors: selectors?.type === 'array' ? selectors.items.map(num) : [] };
      }),
      methods: items(methodAccess).map((item) => {
        const [id, mode] = items(item);
        // access_mode of a method: an enum (versions 0..2) or boolean (version 0) or a bit map (3).
        return { id: num(id), access: mode?.type === 'boolean' ? Number(mode.value) : num(mode) };
      }),
    };
  });
}
