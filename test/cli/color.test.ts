import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cxmBin, fixture, repoRoot, runCli } from '../helpers/cli.js';

// SPEC §2: colour follows the ecosystem's rules on every command, in Node's order
// (src/report/color.ts): --no-color, then FORCE_COLOR, then NO_COLOR / TERM=dumb, then "is it a terminal".

const SGR = /\u001b\[[0-9;]*m/g;
const BOLD_ID = '\u001b[1mid\u001b[22m';
const plain = runCli(['list']).stdout;

describe('colour through a pipe', () => {
  it('the plain list has no escape codes at all', () => {
    expect(plain).toContain('│ id ');
    expect(plain).not.toContain('\u001b');
  });

  // runCli leaves FORCE_COLOR out and sets NO_COLOR=1 unless told; an empty NO_COLOR counts as unset.
  it.each([
    [{ NO_COLOR: '' }, [], false],
    [{ NO_COLOR: '', FORCE_COLOR: '1' }, [], true],
    [{ NO_COLOR: '', FORCE_COLOR: '2' }, [], true],
    [{ NO_COLOR: '', FORCE_COLOR: '3' }, [], true],
    [{ NO_COLOR: '', FORCE_COLOR: 'true' }, [], true],
    [{ NO_COLOR: '', FORCE_COLOR: '' }, [], true],
    [{ NO_COLOR: '', FORCE_COLOR: '0' }, [], false],
    [{ NO_COLOR: '', FORCE_COLOR: 'false' }, [], false],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, [], true],
    [{ NO_COLOR: '', FORCE_COLOR: '1', TERM: 'dumb' }, [], true],
    [{ NO_COLOR: '', FORCE_COLOR: '1' }, ['--no-color'], false],
    [{ NO_COLOR: '1' }, [], false],
  ])('%o %o: colour %s', (env, flags, coloured) => {
    const result = runCli(['list', ...flags], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    if (coloured) {
      expect(result.stdout).toContain(BOLD_ID);
      expect(result.stdout.replace(SGR, '')).toBe(plain);
    } else expect(result.stdout).toBe(plain);
  });

  it.each([
    ['score', ['score', fixture('score-hand-worked')]],
    ['diff', ['diff', fixture('diff-playbook', '2026-q1.yaml'), fixture('diff-playbook', '2026-q2.yaml')]],
  ])('%s: FORCE_COLOR=1 colours its text report, --no-color wins over it', (_name, args) => {
    const off = runCli(args);
    const on = runCli(args, { env: { FORCE_COLOR: '1' } });
    const flagged = runCli([...args, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect([off.code, on.code, flagged.code]).toEqual([0, 0, 0]);
    expect(off.stdout).not.toContain('\u001b');
    expect(on.stdout).toMatch(SGR);
    expect(on.stdout.replace(SGR, '')).toBe(off.stdout);
    expect(flagged.stdout).toBe(off.stdout);
  });

  it.each(['run', 'score', 'diff', 'validate', 'list', 'schema'])('%s accepts --no-color', (command) => {
    const help = runCli([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}--no-color +disable colours/m);
  });

  it('validate and schema print the same with --no-color and FORCE_COLOR=1', () => {
    const file = fixture('validate-answers', 'valid.yaml');
    const validate = runCli(['validate', file, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(validate).toEqual(runCli(['validate', file]));
    expect(validate.code).toBe(0);
    const schema = runCli(['schema', 'answers', '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(schema).toEqual(runCli(['schema', 'answers']));
  });
});

/** util-linux `script` gives the command a pseudo-terminal; its output then has CRLF line ends. */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') === true;

function listInTerminal(env: Record<string, string>, flags = ''): { code: number | null; stdout: string } {
  // CI is left out too: with CI set (and no known CI's name) Node, and so cxm, takes a terminal for
  // a two-colour one, which is what a CI log gets; the table below is about a user's terminal.
  const { FORCE_COLOR: _f, NO_COLOR: _n, CI: _ci, ...inherited } = process.env;
  const result = spawnSync('script', ['-qec', `${cxmBin} list ${flags}`, '/dev/null'], {
    cwd: repoRoot,
    env: { ...inherited, TERM: 'xterm-256color', COLUMNS: '200', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout.replace(/\r\n/g, '\n') };
}

describe.skipIf(!hasScript)('colour on a terminal', () => {
  it.each([
    [{}, '', true],
    [{ TERM: 'dumb' }, '', false],
    [{ NO_COLOR: '1' }, '', false],
    [{ NO_COLOR: '' }, '', true],
    [{ FORCE_COLOR: '0' }, '', false],
    [{ TERM: 'dumb', FORCE_COLOR: '1' }, '', true],
    [{}, '--no-color', false],
  ])('%o %s: colour %s', (env, flags, coloured) => {
    const result = listInTerminal(env, flags);
    expect(result.code).toBe(0);
    if (coloured) expect(result.stdout).toContain(BOLD_ID);
    else expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout.replace(SGR, '')).toBe(plain);
  });
});
