/**
 * README and docs/ as a newcomer reads them: every `dlmsct` command line they show names a
 * command that exists and only options that command accepts (its --help is built from the same
 * table its parser uses), and every fenced command line that needs no meter runs and exits as
 * documented (0, or the `# exit N` its comment states).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS, main } from '../../harness/cli/main';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'dlmsct.js');

function docFiles(): string[] {
  const out = [path.join(ROOT, 'README.md')];
  for (const e of fs.readdirSync(path.join(ROOT, 'docs'), { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.md')) out.push(path.join(e.parentPath, e.name));
  }
  return out;
}

interface Shown {
  readonly at: string;
  readonly text: string;
  /** In a fenced ```sh block: a line one can paste. */
  readonly fenced: boolean;
}

/** Every `dlmsct <command> …` a document shows: fenced and indented lines, and inline code. */
function shownCommands(): Shown[] {
  const out: Shown[] = [];
  for (const file of docFiles()) {
    const rel = path.relative(ROOT, file);
    let fence: string | undefined;
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const at = `${rel}:${i + 1}`;
        const f = /^\s*```(\w*)/.exec(line);
        if (f) {
          fence = fence === undefined ? (f[1] ?? '') : undefined;
          return;
        }
        if (fence !== undefined) {
          // A pasteable line: up to a pipe into another program or a comment.
          if (/^(sh|bash|console)$/.test(fence) && /^\s*(npx )?dlmsct /.test(line)) out.push({ at, text: line.trim(), fenced: true });
          return;
        }
        if (/^ {4}(npx )?dlmsct /.test(line)) out.push({ at, text: line.trim(), fenced: false });
        for (const m of line.matchAll(/`((?:npx )?dlmsct [^`]+)`/g)) out.push({ at, text: m[1]!, fenced: false });
      });
  }
  return out;
}

async function helpOf(command: string, extra: readonly string[] = []): Promise<string> {
  let text = '';
  const code = await main([command, ...extra, '--help'], { out: (t) => (text += t), err: (t) => (text += t) });
  expect(code, `dlmsct ${command} --help`).to.equal(0);
  return text;
}

/** The dlmsct part of a line: before a pipe into another program and before a comment. */
function ownPart(text: string): string {
  return text.split(/\s\|\s|\s#\s/)[0]!;
}

describe('the command lines README and docs show', function () {
  this.timeout(300_000);
  const shown = shownCommands();

  it('are found (the walk itself works)', () => {
    expect(shown.filter((s) => s.fenced).length).to.be.greaterThan(5);
    expect(shown.length).to.be.greaterThan(20);
  });

  it('name only commands that exist, with options those commands accept', async () => {
    const helps = new Map<string, string>();
    const wrong: string[] = [];
    for (const s of shown) {
      const m = /dlmsct\s+(\S+)(.*)$/.exec(s.fenced ? ownPart(s.text) : s.text);
      if (!m) continue;
      const command = m[1]!;
      if (command.startsWith('-') || command === '<command>' || command === 'help') continue;
      if (!COMMANDS[command]) {
        wrong.push(`${s.at}: no command "${command}" (${s.text})`);
        continue;
      }
      // `simulate --meters N` is a command line of its own (a simulated delivery).
      const variant = command === 'simulate' && /--meters\b/.test(m[2]!) ? ['--meters', '1'] : [];
      const key = [command, ...variant].join(' ');
      if (!helps.has(key)) helps.set(key, await helpOf(command, variant));
      for (const o of m[2]!.matchAll(/--[a-z][a-z-]*/g)) {
        if (o[0] === '--help') continue;
        if (!new RegExp(`^\\s+${o[0]}(\\s|,|$)`, 'm').test(helps.get(key)!)) wrong.push(`${s.at}: dlmsct ${command} does not accept ${o[0]} (${s.text})`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('lists every command in the top-level help, and --help works for each', async () => {
    let top = '';
    expect(await main(['--help'], { out: (t) => (top += t), err: (t) => (top += t) })).to.equal(0);
    for (const name of Object.keys(COMMANDS)) {
      expect(top, `top-level help names ${name}`).to.match(new RegExp(`^ {2}${name}\\b`, 'm'));
      expect(await helpOf(name)).to.match(/^options:$/m);
    }
  });

  it('run and exit as documented, where they need no meter', () => {
    // Relative paths in the docs are from the repository root; outputs go to a scratch folder.
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-docs-'));
    for (const d of ['profiles', 'suites', 'docs', 'schemas']) fs.symlinkSync(path.join(ROOT, d), path.join(cwd, d));
    const ran: string[] = [];
    for (const s of shown.filter((x) => x.fenced)) {
      const own = ownPart(s.text);
      const command = /dlmsct\s+(\S+)/.exec(own)?.[1] ?? '';
      const needsMeter =
        (command === 'run' && !/--profile profiles\/simulator\.yaml\b/.test(own)) ||
        (command === 'simulate' && !/--list-|--help/.test(own)) ||
        ['read', 'diff', 'merge'].includes(command) ||
        /&\s*(#.*)?$/.test(s.text) ||
        /--devices|--deviations/.test(own);
      if (needsMeter) continue;
      const expected = Number(/#\s*exit (\d)/.exec(s.text)?.[1] ?? 0);
      const line = s.text.replace(/#.*$/, '').replace(/^(npx )?dlmsct /, `"${process.execPath}" "${BIN}" `);
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', line], { cwd, encoding: 'utf8', timeout: 240_000 });
      expect(r.status, `${s.at}: ${s.text}\n${r.stdout}${r.stderr}`).to.equal(expected);
      expect(r.stderr, `${s.at}: no stack trace`).to.not.match(/^\s+at /m);
      ran.push(s.at);
    }
    expect(ran.length, 'lines run').to.be.greaterThan(5);
  });

  it('say how many cases there are and how many results the simulator profile gives', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const m = /(\d+) cases of `suites\/` give about (\d+) results against `profiles\/simulator\.yaml`/.exec(readme);
    expect(m, 'README explains cases vs results').to.not.equal(null);
    const list = (args: string[]) => spawnSync(process.execPath, [BIN, 'list', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }).stdout.split('\n').filter((l) => l.startsWith('  ')).length;
    // Suites grow; the README's numbers must stay near the truth (within 10), not be exact forever.
    expect(Math.abs(list([]) - Number(m![1])), 'cases').to.be.at.most(10);
    expect(Math.abs(list(['--profile', 'profiles/simulator.yaml']) - Number(m![2])), 'results').to.be.at.most(10);
  });
});
