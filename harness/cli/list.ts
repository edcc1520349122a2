/** `dlmsct list`: suites and their cases with ids (and, with a profile, which are inapplicable). */
import { builtinSecret } from '../builtin-secrets';
import { planCases } from '../engine';
import { loadProfile } from '../profile/load';
import { listSteps } from '../steps';
import { findSuiteFiles, loadSuites } from '../suite/load';
import { EXIT, type Io, parse } from './io';
import { SUITES_DIR } from '../paths';

export async function listCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { profile: { type: 'string' }, suites: { type: 'string' }, steps: { type: 'boolean', default: false } });
  if (values.steps) {
    for (const s of listSteps()) io.out(`${s.name.padEnd(20)} ${s.description}\n`);
    return EXIT.ok;
  }
  const suites = loadSuites(findSuiteFiles(values.suites ?? SUITES_DIR));
  const profile = values.profile ? loadProfile(values.profile, { builtinSecrets: builtinSecret }) : undefined;
  for (const s of suites) {
    io.out(`${s.suite} — ${s.title} (${s.spec})\n`);
    if (profile) {
      for (const p of planCases([s], profile)) io.out(`  ${p.id.padEnd(34)} ${p.def.title}${p.inapplicable ? `  [inapplicable: ${p.inapplicable}]` : ''}\n`);
    } else {
      for (const c of s.cases) io.out(`  ${c.id.padEnd(34)} ${c.title}${c.tags.length ? `  [${c.tags.join(', ')}]` : ''}${c.forEach ? '  (per association)' : ''}\n`);
    }
  }
  return EXIT.ok;
}
