/**
 * Capabilities before use (issue 8, item 1): a case declares what it needs (`needs:` — services
 * of the conformance block, access rights and selectors from the object list, profile secrets)
 * and the engine finds, per association, what the AARE actually granted and what the object
 * list offers. The case then runs on the association granting all of it, preferring the one that
 * grants most (`association: $granted` in its steps); when none does, it is inapplicable with the
 * reason. Discovery is traced (its frames are in the case's trace) and cached for the run.
 */
import type { DlmsClient } from '../../client/api';
import { CLIENT_CONFORMANCE, CLIENT_SN_CONFORMANCE } from '../../client/association';
import type { Data } from '../../dlms/axdr/data';
import { type CosemObject, objectsOf } from '../classes/object-list';
import type { AssociationProfile, Profile } from '../profile/types';
import type { StepContext } from '../steps/context';
import { getStep } from '../steps/registry';
import { attributeCandidates } from '../steps/targets';
import type { Needs } from '../suite/types';
import { snObjects } from '../steps/sn-objects';
import { caseReferencing } from './referencing';

/** What one association granted, as discovered on the DUT. */
export interface Grant {
  /** The negotiated conformance block, or why the association could not be opened. */
  readonly services: readonly string[] | { readonly refused: string };
  /** The association's object list, when a case needed access rights or selectors. */
  readonly objects?: readonly CosemObject[] | { readonly refused: string };
  /** Association LN version, for the access_mode encoding (Blue Book 4.4.3). */
  readonly version?: number;
}

/** Per run: association name → what it granted. */
export type CapabilityCache = Map<string, Grant>;

export type Choice =
  | { readonly kind: 'granted'; readonly association: AssociationProfile; readonly notes: readonly string[] }
  | { readonly kind: 'inapplicable'; readonly reason: string; readonly notes: readonly string[] };

/**
 * What discovery proposes: every service the client implements, so that the AARE shows all the
 * association may grant (a case proposing less still gets at most what it proposes).
 */
export const DISCOVERY_PROPOSAL = [
  ...CLIENT_CONFORMANCE,
  'general-protection',
  'general-block-transfer',
  'access',
  'data-notification',
  'event-notification',
] as const;

const OBJECT_LIST = { classId: 15, obis: '0-0:40.0.0.255', attribute: 2 } as const;
const CURRENT_ASSOCIATION = '0-0:40.0.0.255';

/** Where each secret a case may need lives in the profile. */
const SECRET_OF: Readonly<Record<string, (a: AssociationProfile) => boolean>> = {
  password: (a) => a.password !== undefined,
  blockCipherKey: (a) => a.security?.blockCipherKey !== undefined,
  authenticationKey: (a) => a.security?.authenticationKey !== undefined,
  masterKey: (a) => a.security?.masterKey !== undefined,
  broadcastKey: (a) => a.security?.broadcastKey !== undefined,
  signingKey: (a) => a.security?.signingKey !== undefined,
  // The dedicated key is the client's own, random per association: it needs a ciphered context.
  dedicatedKey: (a) => a.security?.blockCipherKey !== undefined && a.security.context !== 'plain',
};

export const SECRET_NAMES = Object.keys(SECRET_OF);

/** Services whose subject is protection: only then is a ciphered association a candidate for a case. */
const PROTECTION_SERVICES = new Set(['general-protection']);

/**
 * For a `forEach: association` case: whether the one association it runs for (`$each`) grants
 * what the case needs. Each instance is judged on its own association, never moved to another:
 * one that does not grant it is inapplicable with the reason, the others run (`$granted` is then
 * `$each`).
 */
export async function judgeEach(needs: Needs, each: AssociationProfile, base: StepContext, cache: CapabilityCache): Promise<Choice> {
  const notes: string[] = [];
  const secrets = (needs.secrets ?? []).filter((s) => !SECRET_OF[s]?.(each));
  if (secrets.length) return { kind: 'inapplicable', reason: `association ${each.name} has no ${secrets.join(', ')} in the profile`, notes };
  const wantObjects = (needs.access?.length ?? 0) > 0 || (needs.selectors?.length ?? 0) > 0;
  const g = await discover(each, base, cache, wantObjects);
  notes.push(`capabilities of ${each.name}: ${describeGrant(g)}`);
  const lack = lacking(needs, g, each);
  if (lack.length) return { kind: 'inapplicable', reason: `association ${each.name} does not grant ${wanted(needs)} (${lack.join(', ')})`, notes };
  notes.push(`the case runs on ${each.name} ($each, which grants what it needs)`);
  return { kind: 'granted', association: each, notes };
}

export async function chooseAssociation(needs: Needs, base: StepContext, profile: Profile, cache: CapabilityCache): Promise<Choice> {
  const notes: string[] = [];
  const secrets = needs.secrets ?? [];
  // A case that `requires` an authentication mechanism runs on an association using it, whatever else grants its needs.
  const mechanism = base.caseDef.requires?.authentication;
  const referencing = base.referencing ?? caseReferencing(base.caseDef, profile);
  const withSecrets = profile.associations.filter(
    (a) =>
      a.referencing === referencing &&
      (mechanism === undefined || a.authentication === mechanism) &&
      (needs.suite === undefined || a.security?.suite === needs.suite) &&
      secrets.every((s) => SECRET_OF[s]?.(a)),
  );
  if (!withSecrets.length) {
    const which = [mechanism ? `authentication ${mechanism}` : '', needs.suite === undefined ? '' : `security suite ${needs.suite}`]
      .filter(Boolean)
      .join(' and ');
    return {
      kind: 'inapplicable',
      reason: `no association of the profile${which ? ` with ${which}` : ''}${secrets.length ? ` has ${secrets.join(', ')}` : ''}`,
      notes,
    };
  }
  const ciphered = secrets.length > 0 || needs.suite !== undefined || (needs.services ?? []).some((s) => PROTECTION_SERVICES.has(s));
  // A plain association is preferred where protection is not the subject: ciphering is then noise.
  const candidates = ciphered ? withSecrets : withSecrets.filter((a) => !a.security);
  if (!candidates.length) return { kind: 'inapplicable', reason: 'no association without ciphering is declared', notes };
  const wantObjects = (needs.access?.length ?? 0) > 0 || (needs.selectors?.length ?? 0) > 0 || (needs.targets?.length ?? 0) > 0;
  let best: { a: AssociationProfile; score: number } | undefined;
  const missing: string[] = [];
  let unopened: AssociationProfile | undefined;
  for (const a of candidates) {
    const g = await discover(a, base, cache, wantObjects);
    notes.push(`capabilities of ${a.name}: ${describeGrant(g)}`);
    if (!Array.isArray(g.services)) unopened ??= a;
    const lack = lacking(needs, g, a);
    if (lack.length) {
      missing.push(`${a.name}: ${lack.join(', ')}`);
      continue;
    }
    const score = Array.isArray(g.services) ? g.services.length : 0;
    if (!best || score > best.score) best = { a, score };
  }
  // An association that would not open grants nothing we know of, but that is the meter's
  // answer, not the profile's: the case runs on it, and its own association step judges it.
  if (!best && unopened) {
    notes.push(`what ${unopened.name} grants is unknown (it did not open): the case runs on it, its association step judges the opening`);
    return { kind: 'granted', association: unopened, notes };
  }
  if (!best) return { kind: 'inapplicable', reason: `no association grants ${wanted(needs)} (${missing.join('; ')})`, notes };
  notes.push(`the case runs on ${best.a.name} ($granted)`);
  return { kind: 'granted', association: best.a, notes };
}

function wanted(n: Needs): string {
  return [
    ...(n.services ?? []),
    ...(n.access ?? []).map((x) => `${x.right} access to ${x.obis}/${x.attribute}`),
    ...(n.selectors ?? []).map((x) => `selector ${x.selector} on ${x.obis}/${x.attribute}`),
    ...(n.secrets ?? []),
    ...(n.targets ?? []).map((t) => `a ${t} attribute`),
  ].join(', ');
}

/**
 * A case names LN services; an SN association grants their SN counterparts (Green Book 9.4.6.1,
 * conformance block: read, write, parameterized-access), which cosem-access.ts uses for them.
 */
const SN_COUNTERPART: Readonly<Record<string, string>> = { get: 'read', set: 'write', 'selective-access': 'parameterized-access' };

function lacking(n: Needs, g: Grant, a: AssociationProfile): string[] {
  const out: string[] = [];
  if (!Array.isArray(g.services)) return [`not opened (${(g.services as { refused: string }).refused})`];
  const services = g.services as readonly string[];
  for (const ln of n.services ?? []) {
    const s = a.referencing === 'sn' ? (SN_COUNTERPART[ln] ?? ln) : ln;
    if (!services.includes(s)) out.push(`${s} not granted`);
  }
  if (!n.access?.length && !n.selectors?.length && !n.targets?.length) return out;
  if (!Array.isArray(g.objects)) return [...out, `object list not read (${(g.objects as { refused: string } | undefined)?.refused ?? 'not asked'})`];
  const objects = g.objects as readonly CosemObject[];
  const attr = (obis: string, classId: number, id: number) =>
    objects.find((o) => o.obis === obis && o.classId === classId)?.attributes.find((x) => x.id === id);
  for (const x of n.access ?? []) {
    const at = attr(x.obis, x.class, x.attribute);
    const v = g.version ?? 0;
    const granted = at !== undefined && (x.right === 'read-only' ? allows(v, at.mode, 'read') && !allows(v, at.mode, 'write') : allows(v, at.mode, x.right));
    if (!granted) out.push(`no ${x.right} access to ${x.obis}/${x.attribute}`);
  }
  for (const kind of n.targets ?? []) {
    if (attributeCandidates(objects, g.version ?? 0, { kind }).length === 0) out.push(`no ${kind} attribute in the object list`);
  }
  for (const x of n.selectors ?? []) {
    const at = attr(x.obis, x.class, x.attribute);
    if (!at?.selectors.includes(x.selector)) out.push(`selector ${x.selector} not offered on ${x.obis}/${x.attribute}`);
  }
  return out;
}

/** Blue Book 4.4.3 access_mode: an enum in versions 0..2, a bit map (bit 0 read, bit 1 write) from version 3. */
export function allows(version: number, mode: number, right: 'read' | 'write'): boolean {
  if (version >= 3) return (mode & (right === 'read' ? 0x01 : 0x02)) !== 0;
  return right === 'read' ? [1, 3, 4, 6].includes(mode) : [2, 3, 5, 6].includes(mode);
}

function describeGrant(g: Grant): string {
  const s = Array.isArray(g.services)
    ? `grants ${(g.services as readonly string[]).join(' ') || 'nothing'}`
    : `not opened (${(g.services as { refused: string }).refused})`;
  const o =
    g.objects === undefined
      ? ''
      : Array.isArray(g.objects)
        ? `; object list of ${g.objects.length} objects`
        : `; object list not read (${(g.objects as { refused: string }).refused})`;
  return s + o;
}

/** Opens the association once on a link of its own (traced in the case), reads what it granted, releases it. */
async function discover(a: AssociationProfile, base: StepContext, cache: CapabilityCache, wantObjects: boolean): Promise<Grant> {
  const known = cache.get(a.name);
  if (known && (!wantObjects || known.objects !== undefined)) return known;
  const client: DlmsClient = base.openClient();
  const notes: string[] = [];
  const ctx: StepContext = {
    ...base,
    client,
    last: undefined,
    association: undefined,
    vars: new Map(),
    used: new Set(),
    note: (t) => notes.push(t),
    remark: () => undefined,
  };
  let grant: Grant;
  try {
    await getStep('associate')!.run(ctx, {
      association: a.name,
      expect: 'any',
      conformance: a.referencing === 'sn' ? [...CLIENT_SN_CONFORMANCE] : [...DISCOVERY_PROPOSAL],
    });
    const outcome = ctx.last?.op === 'associate' ? ctx.last.outcome : undefined;
    if (outcome?.kind !== 'accepted') {
      grant = { services: { refused: outcome ? outcome.kind : 'no AARE' } };
    } else {
      grant = { services: outcome.negotiatedConformance };
      if (wantObjects && a.referencing === 'sn') {
        const sn = await snObjects(ctx).catch((e: unknown) => ({ refused: e instanceof Error ? e.message : String(e) }));
        grant = 'refused' in sn ? { ...grant, objects: sn } : { ...grant, objects: sn.objects, version: sn.accessVersion };
      } else if (wantObjects) {
        const list = await client.get(OBJECT_LIST);
        if (list.kind === 'data') {
          const objects = safeObjects(list.data);
          const self = Array.isArray(objects) ? objects.find((o) => o.classId === 15 && o.obis === CURRENT_ASSOCIATION) : undefined;
          grant = { ...grant, objects, ...(self ? { version: self.version } : {}) };
        } else {
          grant = { ...grant, objects: { refused: list.kind } };
        }
      }
      await client.release();
    }
  } catch (e) {
    grant = { services: { refused: e instanceof Error ? e.message : String(e) } };
  } finally {
    await client.disconnect().catch(() => undefined);
  }
  cache.set(a.name, grant);
  return grant;
}

function safeObjects(d: Data): readonly CosemObject[] | { readonly refused: string } {
  try {
    return objectsOf(d);
  } catch (e) {
    return { refused: e instanceof Error ? e.message : String(e) };
  }
}
