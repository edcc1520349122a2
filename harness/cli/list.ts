/** `dlmsct list`: suites and their cases with ids (and, with a profile, which are inapplicable). */
import { findSuiteFiles, loadSuites } from '../suite/load';
import { EXIT, type Io, parse } from './io';
import { SUITES_DIR } from '../paths';

export async function listCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    profile: { type: 'string' },
    suites: { type: 'string' },
    steps: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
  });
  // Only what the options ask for is loaded: a plain listing needs no step, engine or profile code.
  if (values.steps) {
    await import('../steps');
    const { stepReferenceMarkdown, stepReferenceText } = await import('../steps/reference');
    io.out(values.markdown ? `${stepReferenceMarkdown()}\n` : stepReferenceText());
    return EXIT.ok;
  }
  const suites = loadSuites(findSuiteFiles(values.suites ?? SUITES_DIR));
  const profile = values.profile
    ? (await import('../profile/load')).loadProfile(values.profile, { builtinSecrets: (await import('../builtin-secrets')).builtinSecret })
    : undefined;
  const { planCases } = profile ? await import('../engine') : { planCases: undefined };
  for (const s of suites) {
    io.out(`${s.suite} — ${s.title} (${s.spec})\n`);
    if (profile && planCases) {
      for (const p of planCases([s], profile)) io.out(`  ${p.id.padEnd(34)} ${p.def.title}${p.inapplicable ? `  [inapplicable: ${p.inapplicable}]` : ''}\n`);
    } else {
      for (const c of s.cases)
        io.out(`  ${c.id.padEnd(34)} ${c.title}${c.tags.length ? `  [${c.tags.join(', ')}]` : ''}${c.forEach ? '  (per association)' : ''}\n`);
    }
  }
  return EXIT.ok;
}
