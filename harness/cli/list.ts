/** `dlmsct list`: suites and their cases with ids (and, with a profile, which are inapplicable). */
import { EXIT, type Io, parse } from './io';
import { selectSuites } from './suite-source';
import type { ForEach } from '../suite/types';

export async function listCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(
    args,
    {
      profile: { type: 'string', value: 'FILE', help: 'also say which cases are inapplicable to this device, and why' },
      suite: { type: 'string', value: 'GLOB|FILE', help: 'only these suites, or a suite file of your own' },
      suites: { type: 'string', value: 'DIR|FILE', help: 'load suites from this folder or file instead of suites/' },
      steps: { type: 'boolean', default: false, help: 'list the step vocabulary suites are written in instead' },
      markdown: { type: 'boolean', default: false, help: 'with --steps: the step reference as Markdown' },
    },
    { summary: 'List suites and their cases with ids (the ids --case takes).' },
  );
  // Only what the options ask for is loaded: a plain listing needs no step, engine or profile code.
  if (values.steps) {
    await import('../steps');
    const { stepReferenceMarkdown, stepReferenceText } = await import('../steps/reference');
    io.out(values.markdown ? `${stepReferenceMarkdown()}\n` : stepReferenceText());
    return EXIT.ok;
  }
  const selection = selectSuites(values);
  const glob = selection.glob;
  const suites =
    glob === undefined
      ? selection.suites
      : await (async () => {
          const { suiteMatches } = await import('../engine/plan');
          return selection.suites.filter((s) => suiteMatches(s, glob));
        })();
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
        io.out(`  ${c.id.padEnd(34)} ${c.title}${c.tags.length ? `  [${c.tags.join(', ')}]` : ''}${c.forEach ? `  (${forEachText(c.forEach)})` : ''}\n`);
    }
  }
  return EXIT.ok;
}

function forEachText(f: ForEach): string {
  if (f === 'association') return 'per association';
  if (f === 'unciphered-association') return 'per association without ciphering';
  return 'authentication' in f ? `per mechanism: ${f.authentication.join(', ')}` : 'per association selector listed';
}
