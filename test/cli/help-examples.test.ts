import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxmBin, repoRoot, runCli, tempDir } from '../helpers/cli.js';

// Every example in the help runs as shown from the package folder: the files it reads ship with
// cxm (examples/, questionnaires/); a name in <angle brackets> is the user's own file; a file the
// command writes (--out, --answers, --report, > FILE) need not exist.

const commands = ['', 'run', 'score', 'diff', 'validate', 'list', 'schema'];

function examplesOf(command: string): string[] {
  const help = runCli(command === '' ? ['--help'] : [command, '--help']);
  expect(help.code).toBe(0);
  const [, section = ''] = help.stdout.split('\nExamples:\n');
  return section
    .split('\n')
    .filter((line) => line.startsWith('  $ '))
    .map((line) => line.slice(4));
}

/** Shell words, with "double" and 'single' quotes removed. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const WRITES = new Set(['--out', '--answers', '--report', '>']);
const TAKES_VALUE = new Set([
  '--lang',
  '--role',
  '--name',
  '--organization',
  '--format',
  '--fail-under',
  '--min-level',
  '--spread',
  '--target',
  '--tolerance',
]);
const looksLikePath = (word: string) => word.includes('/') || /\.(ya?ml|json)$/i.test(word);

/** The files an example reads: every path-like word that is not an option's value, an output or a placeholder. */
function inputsOf(example: string): string[] {
  const inputs: string[] = [];
  const all = words(example);
  for (let i = 0; i < all.length; i++) {
    const word = all[i] ?? '';
    const previous = all[i - 1] ?? '';
    const placeholder = word.includes('<') && word !== '<';
    if (WRITES.has(previous) || TAKES_VALUE.has(previous) || placeholder) continue;
    if (looksLikePath(word)) inputs.push(word);
  }
  return inputs;
}

const all = commands.flatMap((command) => examplesOf(command).map((example) => ({ command, example })));
const runnable = all.filter(({ example }) => !/<\w/.test(example) && !example.startsWith('cxm run'));

describe('help examples', () => {
  it('every command has examples, and they read files', () => {
    for (const command of commands) expect(examplesOf(command).length).toBeGreaterThan(0);
    expect(all.flatMap(({ example }) => inputsOf(example)).length).toBeGreaterThan(5);
  });

  it.each(all)('cxm $command --help: $example reads only files that ship', ({ example }) => {
    for (const path of inputsOf(example)) {
      expect(path, `${example}: ${path}`).toMatch(/^(examples|questionnaires)\//);
      expect(existsSync(join(repoRoot, path)), `${example}: ${path} does not exist`).toBe(true);
    }
  });

  it.each(runnable)('runs as shown: $example', ({ example }) => {
    // A folder like the package's, so that what the example writes stays out of the repository.
    const dir = tempDir('cxm-help-example-');
    for (const name of ['examples', 'questionnaires']) symlinkSync(join(repoRoot, name), join(dir, name));
    const { FORCE_COLOR: _, ...env } = process.env;
    const result = spawnSync('sh', ['-c', example.replace(/^cxm /, `'${cxmBin}' `)], {
      cwd: dir,
      env: { ...env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    // The gate example is meant to fail its gate on the sample assessment (overall 36.6 < 50).
    if (example.includes('--fail-under')) {
      expect(result.stderr).toMatch(/^gate failed: overall 36\.6 is below 50\n/);
      expect(result.status).toBe(1);
    } else {
      const out = /--out (\S+)/.exec(example)?.[1];
      expect(result.stderr).toBe(out === undefined ? '' : `cxm: wrote ${out}\n`);
      if (out !== undefined) expect(existsSync(join(dir, out))).toBe(true);
      expect(result.status).toBe(0);
    }
  });
});
