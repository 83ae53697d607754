import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

const acme = (name: string) => join(repoRoot, 'examples/acme', name);

/** A folder holding one answer file (Priya Nair, it). */
function folderWithOneAnswer(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'answers'));
  copyFileSync(acme('it.yaml'), join(dir, 'answers/it.yaml'));
  return dir;
}

// SPEC §8: anything in a folder that cannot be read is a problem line with its path, never a crash.
describe('file-system errors while walking an answers folder', () => {
  it.each([
    ['score', 2],
    ['validate', 2],
  ])('%s: a link loop is a line per link, exit 2', (command, code) => {
    const dir = folderWithOneAnswer();
    symlinkSync('loop-b.yaml', join(dir, 'answers/loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(dir, 'answers/loop-b.yaml'));
    const result = runCli([command, 'answers'], { cwd: dir });
    expect(result.stderr).toBe(
      'answers/loop-a.yaml: too many levels of symbolic links (a link loop)\n' +
        'answers/loop-b.yaml: too many levels of symbolic links (a link loop)\n',
    );
    expect(result.code).toBe(code);
  });

  it('a broken link named like an answer file is a line', () => {
    const dir = folderWithOneAnswer();
    symlinkSync('gone.yaml', join(dir, 'answers/sales.yaml'));
    const result = runCli(['score', 'answers'], { cwd: dir });
    expect(result.stderr).toBe('answers/sales.yaml: a broken link (its target does not exist)\n');
    expect(result.code).toBe(2);
  });

  it('a sub-folder deeper than the system allows (ENAMETOOLONG) is a line with its path', () => {
    const dir = folderWithOneAnswer();
    const name = 'd'.repeat(200);
    // Created one level at a time from inside the previous one: no single call sees the whole path.
    execFileSync('bash', ['-c', `cd "$1/answers" && for i in $(seq 25); do mkdir "$2" && cd "$2"; done`, 'bash', dir, name]);
    let deep = join(dir, 'answers');
    while (deep.length < 4096) deep = join(deep, name);
    const result = runCli(['score', join(dir, 'answers')]);
    expect(result.stderr).toBe(`${deep}: path too long for the system\n`);
    expect(result.code).toBe(2);
    execFileSync('rm', ['-rf', dir]);
  });

  // root reads every folder whatever its mode (and the tests run as root in this container): there
  // the link loops and ENAMETOOLONG above prove the same code path.
  it.skipIf(process.getuid?.() === 0)('an unreadable sub-folder (EACCES) is a line with its path (skipped as root)', () => {
    const dir = folderWithOneAnswer();
    mkdirSync(join(dir, 'answers/locked'));
    chmodSync(join(dir, 'answers/locked'), 0);
    const result = runCli(['score', 'answers'], { cwd: dir });
    chmodSync(join(dir, 'answers/locked'), 0o755);
    expect(result.stderr).toBe('answers/locked: permission denied\n');
    expect(result.code).toBe(2);
  });
});

// SPEC §8: "a linked answer file inside the folder is read"; links to folders are not followed.
describe('links inside a scored folder', () => {
  it('a link to an answer file (here outside the folder) is read: Respondents: 2', () => {
    const dir = folderWithOneAnswer();
    symlinkSync(acme('sales.yaml'), join(dir, 'answers/sales.yaml'));
    const result = runCli(['score', 'answers'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Respondents: 2 — it: Priya Nair; sales: Ken Sato\n');
  });

  it('a link to a folder is not followed (the walk never leaves the folder nor loops)', () => {
    const dir = folderWithOneAnswer();
    symlinkSync(join(repoRoot, 'examples/acme'), join(dir, 'answers/more'));
    symlinkSync('..', join(dir, 'answers/up'));
    const result = runCli(['score', 'answers'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Respondents: 1 — it: Priya Nair\n');
  });

  it('node_modules and dot-folders are skipped', () => {
    const dir = folderWithOneAnswer();
    for (const skipped of ['node_modules', '.git']) {
      mkdirSync(join(dir, 'answers', skipped));
      copyFileSync(acme('sales.yaml'), join(dir, 'answers', skipped, 'sales.yaml'));
    }
    const result = runCli(['score', 'answers'], { cwd: dir });
    expect(result.stdout).toContain('Respondents: 1 — it: Priya Nair\n');
  });
});
