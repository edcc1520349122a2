/**
 * `security-setup.policy: { requires: [...] }` — a security-policy case judges the meter's own
 * policy, not the profile's (docs/interop/gurux-cpp-findings.md F4): read security_policy
 * (attribute 2) of the open association's Security setup, and when it does not require every
 * protection named, the case is inapplicable with the reason — a request protected less than the
 * profile assumes is then exactly what the meter's policy allows (Green Book 9.2.7.2.2: the
 * policy is a minimum, set by the Security setup object). A policy that cannot be read leaves
 * the case inconclusive: nothing was judged.
 */
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { FLAG_FIELD, POLICY_V1_BITS, policyFromValue, policyText, type PolicyFlagName, type PolicyFlags } from '../../dlms/security/policy';
import { HarnessFault, Inapplicable, Inconclusive } from '../engine/verdict';
import { describeOutcome } from './outcome';
import { defineStep } from './registry';
import { securitySetupOf } from './security-common';

/** Security setup (class 64), attribute 2 security_policy (Blue Book 4.4.7). */
const SECURITY_SETUP_CLASS = 64;
const SECURITY_POLICY_ATTRIBUTE = 2;

defineStep({
  name: 'security-setup.policy',
  description:
    "Read security_policy of the open association's Security setup; the case is inapplicable when the meter's policy does not require every protection named",
  schema: {
    type: 'object',
    properties: {
      requires: {
        type: 'array',
        minItems: 1,
        items: { type: 'string', enum: Object.keys(POLICY_V1_BITS) as PolicyFlagName[] },
        description: "the protections the case tests the refusal of: the meter's policy must require each",
      },
    },
    required: ['requires'],
  },
  async run(ctx, args) {
    const a = ctx.association;
    if (!a?.security) throw new HarnessFault('security-setup.policy needs an open association with security', 'harness', 'SECURITY_NO_SESSION');
    const obis = securitySetupOf(a);
    const ref = { classId: SECURITY_SETUP_CLASS, obis, attribute: SECURITY_POLICY_ATTRIBUTE };
    const outcome = await ctx.client.get(ref);
    const what = `security_policy of ${obis}`;
    if (outcome.kind !== 'data' || outcome.data.type !== 'enum') {
      const got = outcome.kind === 'data' ? `data of type ${outcome.data.type}` : describeOutcome({ op: 'get', ref, outcome });
      throw new Inconclusive(`precondition not met: the meter's own policy could not be read (${what}: expected an enum, got ${got})`);
    }
    let policy: PolicyFlags;
    try {
      policy = policyFromValue(outcome.data.value);
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      throw new Inconclusive(`precondition not met: ${what} is ${outcome.data.value}, no policy of either version`);
    }
    const text = policyText(policy);
    ctx.note(`${what} = ${outcome.data.value} (${text})`);
    const missing = args.requires.filter((f) => !policy[FLAG_FIELD[f]]);
    if (missing.length) {
      throw new Inapplicable(
        `the meter's security policy (${what} = ${outcome.data.value}: ${text}) does not require ${missing.join(', ')}: a request protected less is what its policy allows (Green Book 9.2.7.2.2)`,
      );
    }
  },
});
