/**
 * How a step names an association. Suites cannot know a device's association names, so besides
 * a name they may say `$each` (the one a `forEach: association` case runs for), `current` (the
 * one open now) or a selector (`{ authentication: low }`: the first the profile declares that
 * matches). An unmatched selector means the profile lacks the feature: the case is inapplicable.
 * An instance that speaks one referencing (plan.ts, a case run in both) takes them among its own.
 */
import { AUTHENTICATIONS } from '../profile/schema';
import type { AssociationProfile } from '../profile/types';
import { HarnessFault, Inapplicable } from '../engine/verdict';
import type { StepContext } from './context';
import type { ForEach } from '../suite/types';
import { typedSchema } from '../yaml/from-schema';

export type AssociationRef = string | { readonly authentication?: string | readonly string[]; readonly referencing?: 'ln' | 'sn' };

export const ASSOCIATION_REF_SCHEMA = typedSchema<AssociationRef>({
  anyOf: [
    {
      type: 'string',
      pattern: '^(\\$each|\\$granted|current|[A-Za-z][A-Za-z0-9_-]*)$',
      description: "an association name, $each, $granted (the one granting the case's needs) or current",
    },
    {
      type: 'object',
      description: 'the first association of the profile that matches',
      properties: {
        authentication: {
          anyOf: [
            { type: 'string', enum: [...AUTHENTICATIONS] },
            { type: 'array', items: { type: 'string', enum: [...AUTHENTICATIONS] } },
          ],
        },
        referencing: { type: 'string', enum: ['ln', 'sn'] },
      },
    },
  ],
});

/** `$each` is only meaningful in a `forEach` case; caught at load time. */
export function eachOutsideForEach(ref: AssociationRef | undefined, forEach: ForEach | undefined) {
  if (ref === '$each' && forEach === undefined) {
    return { path: ['association'], code: 'ASSOCIATION_EACH_OUTSIDE_FOREACH', expected: '$each only in a case with forEach', actual: '$each' };
  }
  return undefined;
}

export function resolveAssociation(ctx: StepContext, ref: AssociationRef | undefined): AssociationProfile {
  const a = resolve(ctx, ref);
  ctx.used.add(a.name);
  return a;
}

/** The plainest association (one without authentication, else the default one), of the instance's referencing when it has one. */
export function plainestAssociation(ctx: StepContext): AssociationProfile {
  return (
    ctx.profile.associations.find((a) => a.authentication === 'none' && (!ctx.referencing || a.referencing === ctx.referencing)) ??
    resolveAssociation(ctx, undefined)
  );
}

function resolve(ctx: StepContext, ref: AssociationRef | undefined): AssociationProfile {
  // An instance of a case run once per referencing takes its associations among that referencing's.
  const all = ctx.profile.associations;
  const mine = ctx.referencing ? all.filter((a) => a.referencing === ctx.referencing) : all;
  if (ref === undefined) {
    const first = mine[0];
    if (!first) throw new HarnessFault('the profile declares no association', 'profile', 'ASSOCIATION_NONE');
    return first;
  }
  if (ref === '$each') {
    if (!ctx.each) throw new HarnessFault('$each used outside a forEach case', 'harness', 'ASSOCIATION_EACH_UNBOUND');
    return ctx.each;
  }
  if (ref === '$granted') {
    if (!ctx.granted) throw new HarnessFault('$granted used in a case without needs: (declare what the case uses)', 'harness', 'ASSOCIATION_GRANTED_UNBOUND');
    return ctx.granted;
  }
  if (ref === 'current') {
    if (!ctx.association) throw new HarnessFault('no association is open (an earlier step must associate first)', 'harness', 'ASSOCIATION_NOT_OPEN');
    return ctx.association;
  }
  if (typeof ref === 'string') {
    const named = all.find((a) => a.name === ref);
    if (!named) throw new Inapplicable(`the profile declares no association named "${ref}" (it has ${all.map((a) => a.name).join(', ')})`);
    return named;
  }
  const auth = ref.authentication === undefined ? undefined : typeof ref.authentication === 'string' ? [ref.authentication] : ref.authentication;
  const found = (ref.referencing ? all : mine).find(
    (a) => (!auth || auth.includes(a.authentication)) && (!ref.referencing || a.referencing === ref.referencing),
  );
  if (!found) {
    const referencing = ref.referencing ?? ctx.referencing;
    const want = [auth ? `authentication ${auth.join(' or ')}` : '', referencing ? `${referencing.toUpperCase()} referencing` : ''].filter(Boolean).join(', ');
    throw new Inapplicable(`the profile declares no association with ${want}`);
  }
  return found;
}
