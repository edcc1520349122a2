/**
 * `associate: { association, password?: wrong, aarq?, dlmsVersion?, conformance?,
 * maxReceivePduSize?, as?, expect? }` — send an AARQ for one of the profile's associations,
 * optionally varied field by field (the AARQ variations of the application-layer test purposes),
 * and judge the AARE. By default the association must be accepted.
 *
 * `expect: { accepted: { conformance, dlmsVersion, vaaName } }` checks the negotiated values;
 * `conformance: { intersectionOf: NAME }` requires the negotiated block to be exactly the
 * proposal ∩ the block kept under NAME by an earlier `associate … as: NAME` (Green Book 9.4.6.1).
 */
import type { AarqOverrides, AssociateOutcome, AssociationParams } from '../../client/api';
import type { Data } from '../../dlms/axdr/data';
import { fromHex } from '../../dlms/bytes/hex';
import { Secret } from '../../dlms/secret';
import { CONFORMANCE_BITS, conformanceFromValue, conformanceValue, type Conformance, type ConformanceBit } from '../../dlms/xdlms/conformance';
import { ExpectationFailure, HarnessFault, Inapplicable } from '../engine/verdict';
import type { Schema } from '../yaml/schema';
import { type AssociationRef, eachOutsideForEach, resolveAssociation } from './association-ref';
import type { StepContext } from './context';
import type { FromSchema } from '../yaml/from-schema';
import { securedAssociate, type SecAssociateArgs } from './security-associate';
import { resolveSecured, SECURED_REF_SCHEMA } from './security-common';
import { describeOutcome, matchOutcome, ONE_OF_EXPECTATION_SCHEMA, type OutcomeExpectation, REJECTED_SCHEMA } from './outcome';
import { judgeOutcome } from './judge';
import { defineStep } from './registry';
import { securedParams } from './security-params';
import { caseRule } from './rule';

const VERSION_RULE = 'Green Book 9.4.6 (xDLMS InitiateResponse negotiated-dlms-version-number)';

/** A password no profile would use; compared with the real one so it is certainly wrong. */
const WRONG_PASSWORD = 'dlmsct-wrong-password';

const HEX = { type: 'string', pattern: '^([0-9A-Fa-f]{2})*$', description: 'bytes as hex' } as const;
const INT = { type: 'integer', minimum: 0, maximum: 0x7fffffff } as const;
const NAME_OR_OID = { type: 'string', pattern: '^([a-z][a-z0-9-]*|\\d+(\\.\\d+)+)$', description: 'a Green Book name or a dotted OID' } as const;
const SERVICE = { type: 'string', enum: CONFORMANCE_BITS } as const;
const VAR_NAME = '^[a-zA-Z][a-zA-Z0-9]*$';

const AARQ_SCHEMA = {
  type: 'object',
  description: 'AARQ fields to set or override (Green Book 9.3.2, 9.4.6)',
  properties: {
    protocolVersion: { type: 'string', pattern: '^[01]+$', description: 'protocol-version bits, version1 first (e.g. 1, 100001, 01)' },
    applicationContext: { ...NAME_OR_OID, description: 'application-context-name: logical-name, short-name, …-with-ciphering, or an OID' },
    calledApTitle: HEX,
    calledAeQualifier: HEX,
    calledApInvocationId: INT,
    calledAeInvocationId: INT,
    callingApTitle: HEX,
    callingAeQualifier: HEX,
    callingApInvocationId: INT,
    callingAeInvocationId: INT,
    acseRequirements: {
      type: 'string',
      enum: ['authentication', 'absent'],
      description: 'sender-acse-requirements: the authentication functional unit, or no field',
    },
    mechanism: { type: 'string', pattern: '^([a-z][a-z0-9-]*|\\d+(\\.\\d+)+)$', description: 'mechanism-name: a name (low, high, …), an OID, or absent' },
    omitAuthenticationValue: { type: 'boolean', description: 'leave calling-authentication-value out' },
    dedicatedKey: { ...HEX, description: 'InitiateRequest dedicated-key (hex)' },
    qualityOfService: { type: 'integer', minimum: -128, maximum: 127, description: 'InitiateRequest proposed-quality-of-service' },
    responseAllowed: { type: 'boolean', description: 'InitiateRequest response-allowed, encoded explicitly' },
  },
} as const satisfies Schema;
type AarqArgs = FromSchema<typeof AARQ_SCHEMA>;

const ACCEPTED_SCHEMA = {
  type: 'object',
  properties: {
    conformance: {
      anyOf: [
        { type: 'object', properties: { intersectionOf: { type: 'string', pattern: VAR_NAME } }, required: ['intersectionOf'] },
        { type: 'array', items: SERVICE },
      ],
      description: 'the negotiated conformance: exactly these services, or the proposal ∩ a block kept earlier',
    },
    dlmsVersion: { type: 'integer', minimum: 0, maximum: 255 },
    vaaName: { type: 'integer', minimum: 0, maximum: 0xffff },
    applicationContext: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
  },
} as const satisfies Schema;
type AcceptedExpectation = FromSchema<typeof ACCEPTED_SCHEMA>;

type Protection = 'global' | 'dedicated' | 'general' | 'general-ciphering' | 'none';

/** `protection:` says how the association protects its APDUs; it must be what the profile's association does. */
async function protectedAssociate(ctx: StepContext, args: AssociateArgs, protection: Protection): Promise<void> {
  const a = resolveSecured(ctx, args.association);
  const ciphered = a.security !== undefined && a.security.policy !== 'none';
  if ((protection === 'none') === ciphered) {
    throw new HarnessFault(
      `protection: ${protection}, but association ${a.name} ${ciphered ? `protects its APDUs (policy ${a.security?.policy})` : 'does not cipher its APDUs'}`,
      'harness',
      'PROTECTION_NOT_AGREED',
    );
  }
  const e = args.expect;
  if (e === 'any' || (typeof e === 'object' && ('accepted' in e || 'oneOf' in e)))
    throw new HarnessFault('with protection:, expect is accepted, { rejected } or { hlsFailed }', 'harness', 'PROTECTION_EXPECT');
  await securedAssociate(ctx, {
    ...(args.association === undefined ? {} : { association: args.association }),
    ...(args.keys === undefined ? {} : { keys: args.keys }),
    ...(args.password === undefined ? {} : { password: args.password }),
    ...(protection === 'dedicated' ? { dedicatedKey: true } : {}),
    ...(protection === 'general' || protection === 'general-ciphering' ? { envelope: protection } : {}),
    ...(args.corruptPass3 === undefined ? {} : { corruptPass3: args.corruptPass3 }),
    ...(e === undefined ? {} : { expect: e as NonNullable<SecAssociateArgs['expect']> }),
  });
}

const ASSOCIATE_SCHEMA = {
  type: 'object',
  properties: {
    association: SECURED_REF_SCHEMA,
    password: { type: 'string', enum: ['wrong'], description: 'send a wrong password instead of the profile one' },
    protection: {
      type: 'string',
      enum: ['global', 'dedicated', 'general', 'general-ciphering', 'none'],
      description:
        'open the association with its security and judge all of it (AARE, HLS passes 3 and 4): ciphered with its global keys, proposing a dedicated key, with general-glo/ded-ciphering or general-ciphering; none: HLS without ciphering',
    },
    keys: { type: 'string', enum: ['wrong-ak', 'wrong-ek'], description: 'with protection: protect with a wrong authentication key or block cipher key' },
    corruptPass3: { type: 'boolean', description: 'with protection: send a wrong f(StoC) in HLS pass 3' },
    aarq: AARQ_SCHEMA,
    dlmsVersion: { type: 'integer', minimum: 0, maximum: 255, description: 'InitiateRequest proposed-dlms-version-number' },
    conformance: {
      anyOf: [
        { type: 'string', enum: ['all'] },
        { type: 'array', items: SERVICE },
      ],
      description: 'the proposed conformance block',
    },
    maxReceivePduSize: { type: 'integer', minimum: 0, maximum: 0xffff, description: 'InitiateRequest client-max-receive-pdu-size' },
    as: { type: 'string', pattern: VAR_NAME, description: 'keep the negotiated conformance under this name' },
    expect: {
      anyOf: [
        { type: 'string', enum: ['accepted', 'any'] },
        { type: 'object', properties: { rejected: REJECTED_SCHEMA }, required: ['rejected'] },
        { type: 'object', properties: { accepted: ACCEPTED_SCHEMA }, required: ['accepted'] },
        {
          type: 'object',
          properties: { hlsFailed: { type: 'object', properties: { pass: { type: 'integer', enum: [3, 4] } }, required: ['pass'] } },
          required: ['hlsFailed'],
        },
        ONE_OF_EXPECTATION_SCHEMA,
      ],
    },
  },
} as const satisfies Schema;
type AssociateArgs = FromSchema<typeof ASSOCIATE_SCHEMA>;

defineStep({
  name: 'associate',
  description: 'Send an AARQ for an association of the profile, optionally varied field by field, and check the AARE (Green Book 9.3.2)',
  schema: ASSOCIATE_SCHEMA,
  crossCheck: (args, c) => eachOutsideForEach(args.association, c.forEach),
  async run(ctx, args) {
    if (args.protection !== undefined) return protectedAssociate(ctx, args, args.protection);
    if (args.keys !== undefined || args.corruptPass3 !== undefined || (typeof args.expect === 'object' && 'hlsFailed' in args.expect)) {
      throw new HarnessFault(
        'keys, corruptPass3 and expect: { hlsFailed } need protection: (the association opened with its security)',
        'harness',
        'PROTECTION_MISSING',
      );
    }
    const a = resolveAssociation(ctx, args.association as AssociationRef | undefined);
    let password = a.password;
    if (args.password === 'wrong') {
      if (a.authentication === 'none') throw new Inapplicable(`association ${a.name} has no authentication, so no password to get wrong`);
      const real = a.password ? new TextDecoder().decode(a.password.reveal()) : '';
      password = Secret.fromText(real === WRONG_PASSWORD ? `${WRONG_PASSWORD}!` : WRONG_PASSWORD, 'a deliberately wrong password');
    }
    const proposed: Conformance | undefined = args.conformance === 'all' ? CONFORMANCE_BITS : (args.conformance as readonly ConformanceBit[] | undefined);
    const params: AssociationParams = {
      name: a.name,
      clientSap: a.clientSap,
      referencing: a.referencing,
      authentication: a.authentication,
      ...(password ? { password } : {}),
      ...(proposed ? { conformance: proposed } : {}),
      ...(args.dlmsVersion === undefined ? {} : { dlmsVersion: args.dlmsVersion }),
      ...(args.maxReceivePduSize === undefined ? {} : { maxReceivePduSize: args.maxReceivePduSize }),
      ...(args.aarq ? { aarq: overrides(args.aarq) } : {}),
      // Keys, system titles and the first invocation counter of a secured association (security-params.ts).
      ...(await securedParams(ctx.client, ctx.profile, a, (t) => ctx.note(t), password)),
    };
    const outcome = await ctx.client.associate(params);
    ctx.last = { op: 'associate', association: a, outcome };
    if (outcome.kind === 'accepted') ctx.association = a;
    const varied = [
      args.password ? 'wrong password' : '',
      args.aarq ? `AARQ ${Object.keys(args.aarq).join(', ')}` : '',
      proposed ? `conformance ${args.conformance === 'all' ? 'all' : proposed.join(' ')}` : '',
    ]
      .concat(
        args.dlmsVersion === undefined ? [] : [`DLMS version ${args.dlmsVersion}`],
        args.maxReceivePduSize === undefined ? [] : [`max receive PDU ${args.maxReceivePduSize}`],
      )
      .filter(Boolean);
    ctx.note(
      `associate ${a.name} (client SAP ${a.clientSap}, ${a.authentication}${varied.length ? `; ${varied.join('; ')}` : ''}) → ${describeOutcome(ctx.last)}`,
    );
    if (args.as !== undefined && outcome.kind === 'accepted') ctx.vars.set(args.as, conformanceData(outcome.negotiatedConformance as Conformance));

    const e = args.expect;
    if (typeof e === 'object' && 'oneOf' in e) return judgeOutcome(ctx, e);
    const exp: OutcomeExpectation | undefined =
      e === 'any' ? undefined : e === undefined || e === 'accepted' || 'accepted' in e ? { accepted: true } : { rejected: e.rejected };
    if (!exp) return;
    const miss = matchOutcome(exp, ctx.last, ctx.profile);
    if (miss) throw new ExpectationFailure(caseRule(ctx), miss.expected, miss.actual);
    if (outcome.kind !== 'accepted') return;
    const version = ctx.profile.expect.dlmsVersion;
    if (version !== undefined && outcome.dlmsVersion !== version) {
      throw new ExpectationFailure(VERSION_RULE, `DLMS version ${version} (the profile's expect.dlmsVersion)`, `DLMS version ${outcome.dlmsVersion}`);
    }
    if (typeof e === 'object' && 'accepted' in e) checkAccepted(ctx, e.accepted, outcome, proposed);
  },
});

function overrides(x: AarqArgs): AarqOverrides {
  const hex = (h: string | undefined) => (h === undefined ? undefined : fromHex(h));
  const all: Record<string, unknown> = {
    protocolVersion: x.protocolVersion,
    applicationContextName: x.applicationContext,
    calledApTitle: hex(x.calledApTitle),
    calledAeQualifier: hex(x.calledAeQualifier),
    calledApInvocationId: x.calledApInvocationId,
    calledAeInvocationId: x.calledAeInvocationId,
    callingApTitle: hex(x.callingApTitle),
    callingAeQualifier: hex(x.callingAeQualifier),
    callingApInvocationId: x.callingApInvocationId,
    callingAeInvocationId: x.callingAeInvocationId,
    acseRequirements: x.acseRequirements,
    mechanismName: x.mechanism,
    omitAuthenticationValue: x.omitAuthenticationValue,
    dedicatedKey: x.dedicatedKey === undefined ? undefined : new Secret(fromHex(x.dedicatedKey), 'the suite (a test key)'),
    proposedQualityOfService: x.qualityOfService,
    responseAllowed: x.responseAllowed,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as AarqOverrides;
}

/** A conformance block kept as the bit-string the Association LN reports it as (Blue Book 4.4.3). */
function conformanceData(c: Conformance): Data {
  const v = conformanceValue(c);
  return { type: 'bit-string', length: 24, bytes: Uint8Array.of((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff) };
}

function conformanceOf(d: Data, name: string): Conformance {
  if (d.type !== 'bit-string' || d.bytes.length !== 3)
    throw new HarnessFault(`"${name}" does not hold a conformance block (associate … as: ${name} keeps one)`, 'harness', 'VAR_NOT_CONFORMANCE');
  return conformanceFromValue(((d.bytes[0] as number) << 16) | ((d.bytes[1] as number) << 8) | (d.bytes[2] as number));
}

const list = (c: Conformance): string => (c.length ? c.join(' ') : '(none)');

function checkAccepted(
  ctx: StepContext,
  exp: AcceptedExpectation,
  o: Extract<AssociateOutcome, { kind: 'accepted' }>,
  proposed: Conformance | undefined,
): void {
  const rule = caseRule(ctx);
  if (exp.conformance !== undefined) {
    let want: Conformance;
    if (Array.isArray(exp.conformance)) want = exp.conformance as readonly ConformanceBit[];
    else {
      const name = (exp.conformance as { intersectionOf: string }).intersectionOf;
      const kept = ctx.vars.get(name);
      if (!kept)
        throw new HarnessFault(`no conformance kept under "${name}" (an earlier associate with as: ${name} must be accepted first)`, 'harness', 'VAR_UNSET');
      const offer = conformanceOf(kept, name);
      if (!proposed)
        throw new HarnessFault('conformance: { intersectionOf } needs the step to propose a conformance block', 'harness', 'CONFORMANCE_NOT_PROPOSED');
      want = proposed.filter((b) => offer.includes(b));
    }
    const got = o.negotiatedConformance as Conformance;
    if (got.length !== want.length || got.some((b) => !want.includes(b))) {
      throw new ExpectationFailure(rule, `negotiated conformance ${list(want)}`, `negotiated conformance ${list(got)}`);
    }
  }
  if (exp.dlmsVersion !== undefined && o.dlmsVersion !== exp.dlmsVersion)
    throw new ExpectationFailure(rule, `negotiated DLMS version ${exp.dlmsVersion}`, `DLMS version ${o.dlmsVersion}`);
  if (exp.vaaName !== undefined && o.vaaName !== exp.vaaName) {
    throw new ExpectationFailure(
      rule,
      `vaa-name 0x${exp.vaaName.toString(16).toUpperCase()}`,
      o.vaaName === undefined ? 'no vaa-name' : `vaa-name 0x${o.vaaName.toString(16).toUpperCase()}`,
    );
  }
  if (exp.applicationContext !== undefined && o.applicationContextName !== exp.applicationContext) {
    throw new ExpectationFailure(
      rule,
      `application-context-name ${exp.applicationContext}`,
      `application-context-name ${o.applicationContextName ?? 'absent'}`,
    );
  }
}
