/**
 * Reads one short-name association into its part of a snapshot (Green Book 9.3, SN referencing):
 * associate as the profile says, READ the current Association SN's object_list (base name
 * 0xFA00, attribute 2 at 0xFA08: Blue Book 4.4.2), then every attribute of each listed object's
 * class by its variable name (the base name + 8 per attribute after the first). The SN object
 * list states no access rights, so every attribute is asked and the meter's answer recorded (a
 * refusal is the meter's statement of its rights); access is null ("not stated"). As for LN,
 * nothing the meter answers is fatal and a value equal to a profile secret is withheld.
 */
import type { DlmsClient, ReadOutcome } from '../../client/api';
import { classById } from '../../dlms/cosem/catalogue/catalogue';
import { profileSecrets } from '../client-options';
import type { AssociationProfile, Profile } from '../profile/types';
import { ATTRIBUTE_STEP, CURRENT_ASSOCIATION_SN, type SnEntry, snEntries } from '../steps/sn-names';
import { describeOutcome } from '../steps/outcome';
import { baseParams, securedParams } from '../steps/security-params';
import { readOf } from './attribute-read';
import type { ReadOptions } from './read-association';
import { type AssociationSnapshot, type AttributeEntry, type AttributeRead, type ObjectEntry, sortObjects } from './snapshot';

/** Blue Book 4.4.2: Association SN (class 12), its object_list is attribute 2. */
const ASSOCIATION_SN = 12;
const OBJECT_LIST = 2;
const OBJECT_LIST_NAME = CURRENT_ASSOCIATION_SN + ATTRIBUTE_STEP;

export async function readSnAssociation(client: DlmsClient, profile: Profile, a: AssociationProfile, opts: ReadOptions = {}): Promise<AssociationSnapshot> {
  const params = { ...baseParams(a), ...(await securedParams(client, profile, a)) };
  const opened = await client.associate(params);
  if (opened.kind !== 'accepted')
    return { name: a.name, status: 'not-read', reason: `not associated: ${describeOutcome({ op: 'associate', association: a, outcome: opened })}` };
  try {
    const got = await client.read([{ variableName: OBJECT_LIST_NAME }]);
    const first = got.kind === 'read' ? got.results[0] : undefined;
    if (first?.kind !== 'data') return { name: a.name, status: 'not-read', reason: `object list not read: ${describeOutcome({ op: 'read', outcome: got })}` };
    let listed: SnEntry[];
    try {
      listed = snEntries(first.data);
    } catch (e) {
      return { name: a.name, status: 'not-read', reason: `object list malformed: ${e instanceof Error ? e.message : String(e)}` };
    }
    const secrets = profileSecrets(profile).map((s) => s.reveal());
    const shapes = listed.map((o) => ({ o, def: classById(o.classId, o.version) }));
    const total = shapes.reduce((n, x) => n + (x.def?.attributes.length ?? 0), 0);
    let done = 0;
    const objects: ObjectEntry[] = [];
    for (const { o, def } of shapes) {
      const attributes: AttributeEntry[] = [];
      // A class (or version) the catalogue does not know: its attributes cannot be named; the object is kept, listed.
      for (const at of def?.attributes ?? []) {
        attributes.push({ id: at.index, access: null, selectors: [], read: await readOne(client, o, at.index, secrets, opts) });
        opts.onAttribute?.(++done, total);
      }
      objects.push({
        classId: o.classId,
        version: o.version,
        obis: o.obis,
        baseName: o.baseName,
        attributes,
        methods: (def?.methods ?? []).map((m) => ({ id: m.index, access: null })),
      });
    }
    const self = listed.find((o) => o.classId === ASSOCIATION_SN && o.baseName === CURRENT_ASSOCIATION_SN);
    return { name: a.name, status: 'read', associationVersion: self?.version ?? null, objects: sortObjects(objects) };
  } finally {
    await client.release();
    await client.disconnect();
  }
}

async function readOne(client: DlmsClient, o: SnEntry, attribute: number, secrets: readonly Uint8Array[], opts: ReadOptions): Promise<AttributeRead> {
  // The object list itself is the objects of this snapshot: not kept twice.
  if (o.classId === ASSOCIATION_SN && o.baseName === CURRENT_ASSOCIATION_SN && attribute === OBJECT_LIST) return { kind: 'not-read' };
  if (opts.include && !opts.include(o.classId, o.obis, attribute)) return { kind: 'not-read' };
  return snReadOf(await client.read([{ variableName: (o.baseName + (attribute - 1) * ATTRIBUTE_STEP) & 0xffff }]), secrets);
}

/** A READ of one variable name as an attribute read: its one result, or the failure outcome. */
export function snReadOf(got: ReadOutcome, secrets: readonly Uint8Array[] = []): AttributeRead {
  if (got.kind !== 'read') return readOf(got, secrets);
  const r = got.results[0];
  if (r === undefined) return { kind: 'malformed', detail: 'a ReadResponse with no result for the one variable name asked' };
  return r.kind === 'data' ? readOf({ kind: 'data', data: r.data, blocks: got.blocks }, secrets) : { kind: 'refused', result: r.result };
}
