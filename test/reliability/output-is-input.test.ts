import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cxmBin, repoRoot, runCli, tempDir, type CliResult } from '../helpers/cli.js';

/** A copy of examples/acme in a fresh folder, so that a refused write can be checked byte for byte. */
function acmeCopy(): { dir: string; original: (name: string) => string } {
  const dir = tempDir();
  cpSync(join(repoRoot, 'examples/acme'), join(dir, 'acme'), { recursive: true });
  return { dir, original: (name) => readFileSync(join(repoRoot, 'examples/acme', name), 'utf8') };
}

// SPEC §2: an output file is never one of the command's inputs. Each of these exited 0 and replaced
// the answer file with the report before.
describe('an output that is an input is refused before anything is written', () => {
  it.each([
    [
      'score of one file onto that file',
      ['score', 'acme/it.yaml', '--format', 'json', '--out', 'acme/it.yaml'],
      'acme/it.yaml',
      'acme/it.yaml',
    ],
    [
      'score of a folder onto a file found in it',
      ['score', 'acme', '--format', 'markdown', '--out', 'acme/sales.yaml'],
      'acme/sales.yaml',
      'acme/sales.yaml',
    ],
    [
      'another spelling of the same path',
      ['score', 'acme', '--out', './acme/../acme//sales.yaml'],
      './acme/../acme//sales.yaml',
      'acme/sales.yaml',
    ],
    [
      'diff onto its after side',
      ['diff', 'acme/it.yaml', 'acme/sales.yaml', '--out', 'acme/sales.yaml'],
      'acme/sales.yaml',
      'acme/sales.yaml',
    ],
  ])('%s', (_name, args, out, input) => {
    const { dir, original } = acmeCopy();
    const result = runCli(args, { cwd: dir });
    expect(result.stderr).toBe(`cxm: --out ${out} would overwrite the input ${input}; nothing was written\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    for (const name of ['it.yaml', 'sales.yaml', 'marketing.yaml'])
      expect(readFileSync(join(dir, 'acme', name), 'utf8')).toBe(original(name));
  });

  it('sees through a link to an input', () => {
    const { dir, original } = acmeCopy();
    symlinkSync('acme/it.yaml', join(dir, 'report.json'));
    const result = runCli(['score', 'acme', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(result.stderr).toBe('cxm: --out report.json would overwrite the input acme/it.yaml; nothing was written\n');
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, 'acme/it.yaml'), 'utf8')).toBe(original('it.yaml'));
  });

  it('refuses the questionnaire the answers name', () => {
    const dir = tempDir();
    cpSync(join(repoRoot, 'test/fixtures/score-hand-worked'), dir, { recursive: true });
    const before = readFileSync(join(dir, 'questionnaire.yaml'), 'utf8');
    const result = runCli(['score', 'ana.yaml', '--format', 'markdown', '--out', 'questionnaire.yaml'], { cwd: dir });
    expect(result.stderr).toMatch(
      /^cxm: --out questionnaire\.yaml would overwrite the input \/.*questionnaire\.yaml; nothing was written\n$/,
    );
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, 'questionnaire.yaml'), 'utf8')).toBe(before);
  });

  it('still writes a new file next to the inputs', () => {
    const { dir } = acmeCopy();
    const result = runCli(['score', 'acme', '--format', 'json', '--out', 'acme-report.json', '--quiet'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'acme-report.json'), 'utf8')).respondents).toHaveLength(3);
  });
});

/**
 * runCli sets both NO_COLOR and FORCE_COLOR, and Node warns about that on stderr as soon as `run`
 * asks about colour: these spawn cxm without FORCE_COLOR, so that stderr is cxm's line alone.
 */
function runWithoutForceColor(args: readonly string[], cwd: string): CliResult {
  const { FORCE_COLOR: _ignored, ...env } = process.env;
  const result = spawnSync(cxmBin, args, { cwd, env: { ...env, NO_COLOR: '1' }, input: '', encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The check runs before the terminal check: no TTY is needed to see it, and nothing is created.
describe('cxm run: the report is never the answer file', () => {
  it.each([
    [['--answers', 'a.json', '--report', 'a.json'], 'cxm: --report a.json is the same file as --answers a.json; nothing was written\n'],
    [
      ['--answers', 'a.json', '--report', './sub/../a.json'],
      'cxm: --report ./sub/../a.json is the same file as --answers a.json; nothing was written\n',
    ],
  ])('run %j is refused at start-up', (args, message) => {
    const dir = tempDir();
    const result = runWithoutForceColor(['run', ...args], dir);
    expect(result.stderr).toBe(message);
    expect(result.code).toBe(2);
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });

  it('run --resume x --report x (another spelling) is refused and leaves the answers alone', () => {
    const { dir, original } = acmeCopy();
    const result = runWithoutForceColor(['run', '--resume', 'acme/it.yaml', '--report', `${dir}/acme/it.yaml`], dir);
    expect(result.stderr).toBe(`cxm: --report ${dir}/acme/it.yaml is the same file as --resume acme/it.yaml; nothing was written\n`);
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, 'acme/it.yaml'), 'utf8')).toBe(original('it.yaml'));
  });
});
