/** `dlmsct list`: suites and their cases with ids (and, with a profile, which are inapplicable). */
import { builtinSecret } from '../builtin-secrets';
import { planCases } from '../engine';
import { suiteMatches } from '../engine/plan';
import { loadProfile } from '../profile/load';
import '../steps';
import { stepReferenceMarkdown, stepReferenceText } from '../steps/reference';
import { EXIT, type Io, parse } from './io';
import { selectSuites } from './suite-source';

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
  if (values.steps) {
    io.out(values.markdown ? `${stepReferenceMarkdown()}\n` : stepReferenceText());
    return EXIT.ok;
  }
  const selection = selectSuites(values);
  const suites = selection.glob === undefined ? selection.suites : selection.suites.filter((s) => suiteMatches(s, selection.glob as string));
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
