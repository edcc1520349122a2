/**
 * `golden.compare: { association }` — the golden-sample case (docs/acceptance.md): read the
 * association as `dlmsct read` would, but only the attributes the rules compare (and the
 * logical device name, the meter's identity), then compare it with the same association of the
 * approved golden sample the profile names. Every difference is in the failure message.
 */
import { diffSnapshots } from '../acceptance/diff';
import { differenceText } from '../acceptance/diff-report';
import { readAssociation } from '../acceptance/read-association';
import { LOGICAL_DEVICE_NAME, logicalDeviceNameOf } from '../acceptance/read-snapshot';
import { ruleSet, type RuleSet } from '../acceptance/rules';
import { loadRules } from '../acceptance/rules-file';
import { loadSnapshot, SNAPSHOT_FORMAT, type Snapshot } from '../acceptance/snapshot';
import { isConfigError } from '../../config/error';
import { ExpectationFailure, HarnessFault, Inapplicable } from '../engine/verdict';
import { ASSOCIATION_REF_SCHEMA, resolveAssociation } from './association-ref';
import { defineStep } from './registry';

export const GOLDEN_RULE = "Acceptance: the meter is the one approved (its objects, access rights and static configuration equal the golden sample's)";

/** Loaded once per file: a batch compares every meter with the same sample. */
const cache = new Map<string, { readonly golden: Snapshot; readonly rules: RuleSet }>();

function goldenOf(snapshot: string, rules: string | undefined): { golden: Snapshot; rules: RuleSet } {
  const key = `${snapshot}\n${rules ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  try {
    const loaded = { golden: loadSnapshot(snapshot), rules: ruleSet(rules === undefined ? [] : loadRules(rules)) };
    cache.set(key, loaded);
    return loaded;
  } catch (e) {
    // A sample or rules file that cannot be read is the profile's problem, never the meter's.
    if (isConfigError(e)) throw new HarnessFault(e.message, 'profile', 'GOLDEN_UNREADABLE');
    throw e;
  }
}

defineStep({
  name: 'golden.compare',
  description: "Read an association (object list, access rights, the attributes the rules compare) and compare it with the golden sample's",
  schema: { type: 'object', properties: { association: ASSOCIATION_REF_SCHEMA } },
  // One GET per compared attribute of every object: budgeted like a per-object step.
  generator: true,
  async run(ctx, args) {
    const named = ctx.profile.golden;
    if (!named) throw new Inapplicable('the profile names no golden sample (golden: { snapshot: FILE })');
    const { golden, rules } = goldenOf(named.snapshot, named.rules);
    const a = resolveAssociation(ctx, args.association);
    if (!golden.associations.some((x) => x.name === a.name)) {
      throw new HarnessFault(
        `the golden sample ${named.snapshot} has no association ${a.name} (it has ${golden.associations.map((x) => x.name).join(', ')})`,
        'profile',
        'GOLDEN_NO_ASSOCIATION',
      );
    }
    const include = (classId: number, obis: string, attribute: number) =>
      rules.compares(classId, obis, attribute) || (obis === LOGICAL_DEVICE_NAME && attribute === 2);
    const mine = await readAssociation(ctx.client, ctx.profile, a, { include });
    const meter: Snapshot = {
      ...golden,
      format: SNAPSHOT_FORMAT,
      readAt: new Date().toISOString(),
      logicalDeviceName: logicalDeviceNameOf([mine]),
      associations: [mine],
    };
    const result = diffSnapshots(golden, meter, rules, a.name);
    ctx.note(
      mine.status === 'read'
        ? `read ${a.name}: ${mine.objects.length} objects; ${result.differences.length} difference(s) from ${named.snapshot}; ${result.ignored.length} value(s) not compared (dynamic or identity)`
        : `${a.name} not read: ${mine.reason}`,
    );
    if (result.same) return;
    const shown = result.differences.map(differenceText);
    throw new ExpectationFailure(GOLDEN_RULE, `the golden sample ${named.snapshot}`, `${shown.length} difference(s): ${shown.join('; ')}`);
  },
});
