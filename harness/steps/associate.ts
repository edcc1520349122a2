/**
 * `associate: { association, password?: wrong, expect? }` — send an AARQ for one of the
 * profile's associations and judge the AARE. By default the association must be accepted.
 */
import type { AssociationParams } from '../../client/api';
import { Secret } from '../../dlms/secret';
import { ExpectationFailure, Inapplicable } from '../engine/verdict';
import { ASSOCIATION_REF_SCHEMA, type AssociationRef, eachOutsideForEach, resolveAssociation } from './association-ref';
import { matchOutcome, type OutcomeExpectation, REJECTED_SCHEMA, type RejectedExpectation } from './outcome';
import { registerStep } from './registry';
import { caseRule } from './rule';

interface AssociateArgs {
  readonly association?: AssociationRef;
  readonly password?: 'wrong';
  readonly expect?: 'accepted' | 'any' | { readonly rejected: RejectedExpectation };
}

const VERSION_RULE = 'Green Book 9.4.6 (xDLMS InitiateResponse negotiated-dlms-version-number)';

/** A password no profile would use; compared with the real one so it is certainly wrong. */
const WRONG_PASSWORD = 'dlmsct-wrong-password';

registerStep<AssociateArgs>({
  name: 'associate',
  description: 'Send an AARQ for an association of the profile and check the AARE (Green Book 9.3.2)',
  schema: {
    type: 'object',
    properties: {
      association: ASSOCIATION_REF_SCHEMA,
      password: { type: 'string', enum: ['wrong'], description: 'send a wrong password instead of the profile one' },
      expect: {
        anyOf: [
          { type: 'string', enum: ['accepted', 'any'] },
          { type: 'object', properties: { rejected: REJECTED_SCHEMA }, required: ['rejected'] },
        ],
      },
    },
  },
  crossCheck: (args, c) => eachOutsideForEach(args.association, c.forEach),
  async run(ctx, args) {
    const a = resolveAssociation(ctx, args.association);
    let password = a.password;
    if (args.password === 'wrong') {
      if (a.authentication === 'none') throw new Inapplicable(`association ${a.name} has no authentication, so no password to get wrong`);
      const real = a.password ? new TextDecoder().decode(a.password.reveal()) : '';
      password = Secret.fromText(real === WRONG_PASSWORD ? `${WRONG_PASSWORD}!` : WRONG_PASSWORD, 'a deliberately wrong password');
    }
    const params: AssociationParams = {
      name: a.name,
      clientSap: a.clientSap,
      referencing: a.referencing,
      authentication: a.authentication,
      ...(password ? { password } : {}),
    };
    const outcome = await ctx.client.associate(params);
    ctx.last = { op: 'associate', association: a, outcome };
    if (outcome.kind === 'accepted') ctx.association = a;
    ctx.note(`associate ${a.name} (client SAP ${a.clientSap}, ${a.authentication}${args.password ? ', wrong password' : ''}) → ${outcome.kind}`);

    const exp: OutcomeExpectation | undefined =
      args.expect === 'any' ? undefined : args.expect === undefined || args.expect === 'accepted' ? { accepted: true } : { rejected: args.expect.rejected };
    if (!exp) return;
    const miss = matchOutcome(exp, ctx.last, ctx.profile);
    if (miss) throw new ExpectationFailure(caseRule(ctx), miss.expected, miss.actual);
    const version = ctx.profile.expect.dlmsVersion;
    if (outcome.kind === 'accepted' && version !== undefined && outcome.dlmsVersion !== version) {
      throw new ExpectationFailure(VERSION_RULE, `DLMS version ${version} (the profile's expect.dlmsVersion)`, `DLMS version ${outcome.dlmsVersion}`);
    }
  },
});
