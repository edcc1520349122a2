/**
 * `dlmsct read --profile FILE [--association NAME] --out snapshot.json`: every object of every
 * association the profile declares (or the one named), with access rights and every readable
 * attribute, into a snapshot (harness/acceptance/snapshot.ts). A refused or malformed attribute
 * is recorded, never fatal; exit 3 when the meter cannot be reached, 0 otherwise.
 */
import { readSnapshot } from '../acceptance/read-snapshot';
import { writeSnapshot } from '../acceptance/snapshot';
import { builtinSecret } from '../builtin-secrets';
import { startDut } from '../dut';
import { loadProfile } from '../profile/load';
import { EXIT, type Io, parse, UsageError } from './io';
import { progressLine } from './progress';

export async function readCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    profile: { type: 'string' },
    association: { type: 'string' },
    out: { type: 'string', default: 'snapshot.json' },
  });
  if (!values.profile) throw new UsageError('--profile FILE is required');
  const profile = loadProfile(values.profile, { builtinSecrets: builtinSecret });
  const name = values.association;
  if (name !== undefined && !profile.associations.some((a) => a.name === name)) {
    throw new UsageError(`--association ${name}: the profile declares ${profile.associations.map((a) => a.name).join(', ')}`);
  }
  const dut = await startDut(profile);
  const bar = progressLine(io);
  try {
    try {
      await dut.probe();
    } catch (e) {
      if (e instanceof Error && e.name === 'UnreachableError') {
        io.err(`dlmsct read: ${e.message}\n`);
        return EXIT.unreachable;
      }
      throw e;
    }
    const snapshot = await readSnapshot({
      profile,
      dut,
      ...(name === undefined ? {} : { association: name }),
      onProgress: (p) => bar.update(`${p.association} (${p.index}/${p.count})`, p.done, p.total),
      onAssociation: (a) => {
        if (a.status === 'read') {
          const attrs = a.objects.reduce((n, o) => n + o.attributes.filter((x) => x.read.kind === 'value').length, 0);
          bar.say(`read ${a.name}: ${a.objects.length} objects, ${attrs} values`);
        } else bar.say(`not read ${a.name}: ${a.reason}`);
      },
    });
    bar.end();
    writeSnapshot(values.out, snapshot);
    io.out(`dlmsct read: ${snapshot.associations.length} association(s) of ${profile.device.name} via ${dut.label} → ${values.out}\n`);
    return EXIT.ok;
  } finally {
    await dut.stop();
  }
}
