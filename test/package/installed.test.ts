import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

// npm's own settings, inherited from `npm test`, would steer the npm started here (its prefix, its
// scripts switch): the packing and installing run as from a clean shell.
// npm's own variables left out, and FORCE_COLOR (an empty one forces colour on, as in Node).
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'FORCE_COLOR'));
const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8', env: cleanEnv }).status === 0;

interface PackedFile {
  path: string;
  size: number;
}

/** The report without what differs from one run to the next: the time it was made. */
const withoutTimes = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>');

describe.skipIf(!hasNpm)('the package as a user installs it (npm pack, npm install -g)', () => {
  let dir: string;
  let files: PackedFile[];
  let installedRoot: string;
  /** The `cxm` npm put under <prefix>/bin. */
  let cxm: string;
  /** Real files, in a folder of their own outside the repository. */
  let work: string;

  const installed = (args: string[]) => {
    const result = spawnSync(cxm, args, { cwd: work, encoding: 'utf8', input: '', env: { ...cleanEnv, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(() => {
    dir = tempDir('cxm-package-');
    // `npm test` has built dist/ already; --ignore-scripts keeps npm from building it again while
    // other test files run the repository's cxm.
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: cleanEnv,
    });
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: PackedFile[] }[];
    if (!info) throw new Error('npm pack described no tarball');
    files = info.files;
    const prefix = join(dir, 'prefix');
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(dir, info.filename)], {
      cwd: dir,
      encoding: 'utf8',
      env: cleanEnv,
    });
    expect(install.status, install.stderr).toBe(0);
    installedRoot = join(prefix, 'lib/node_modules', pkg.name);
    cxm = join(prefix, 'bin/cxm');
    work = join(dir, 'work');
    cpSync(join(repoRoot, 'examples/acme'), join(work, 'acme'), { recursive: true });
    cpSync(join(repoRoot, 'questionnaires/cxm-playbook.yaml'), join(work, 'playbook.yaml'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the entry, the bundle, the questionnaires and the schemas: no blob, no shell script, no .tmp', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('bin/cxm.js');
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('dist/THIRD-PARTY-NOTICES.md');
    expect(paths).toContain('LICENSE');
    expect(paths).toContain('questionnaires/cxm-playbook.yaml');
    expect(paths).toContain('schemas/answers.schema.json');
    const unexpected = paths.filter(
      (p) =>
        !/^(bin\/(cxm\.js|package\.json)|dist\/[\w./-]+\.(js|json|md)|questionnaires\/(versions\/)?[\w.-]+\.yaml|examples\/[\w.-]+\/[\w.-]+\.yaml|schemas\/[\w-]+\.schema\.json|package\.json|LICENSE|README\.md)$/.test(
          p,
        ),
    );
    expect(unexpected).toEqual([]);
  });

  it('is the same on every machine: no file names the folder it was built in, and the bin is started by node', () => {
    for (const { path } of files) expect(readFileSync(join(installedRoot, path), 'utf8'), path).not.toContain(repoRoot);
    expect(readFileSync(join(installedRoot, 'bin/cxm.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('installs with no dependency: everything it runs is in its bundle', () => {
    expect(existsSync(join(installedRoot, 'node_modules'))).toBe(false);
    const installedPkg = JSON.parse(readFileSync(join(installedRoot, 'package.json'), 'utf8'));
    expect(installedPkg.dependencies).toBeUndefined();
    // Each bundled package is named in the notices with its licence.
    const notices = readFileSync(join(installedRoot, 'dist/THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const name of ['commander', 'yaml', 'zod', 'chalk', 'cli-table3', '@inquirer/prompts', 'string-width'])
      expect(notices).toMatch(new RegExp(`^## ${name.replace('/', '\\/')} \\d+\\.\\d+\\.\\d+\\n\\nLicence: (MIT|ISC)\\n`, 'm'));
  });

  it('tells its version and lists the bundled questionnaire', () => {
    expect(installed(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const list = installed(['list']);
    expect([list.code, list.stderr]).toEqual([0, '']);
    expect(list.stdout).toMatch(/│ cxm-playbook │ 1\.0\.0 +│ CXM Playbook maturity assessment │ en, ja +│ 9 +│ 52 +│/);
  });

  it('validates a questionnaire and an answer file', () => {
    expect(installed(['validate', 'playbook.yaml', 'acme/it.yaml'])).toEqual({
      code: 0,
      stdout:
        '✓ playbook.yaml (questionnaire cxm-playbook 2.0.0: 10 capabilities, 67 questions)\n' +
        '✓ acme/it.yaml (answers to cxm-playbook: 49 answered)\n',
      stderr: '',
    });
  });

  it.each(['text', 'json', 'markdown', 'html', 'csv'])('scores in %s exactly as the repository build does', (format) => {
    const args = ['score', 'acme', '--format', format];
    const fromPackage = installed(args);
    expect([fromPackage.code, fromPackage.stderr]).toEqual([0, '']);
    const fromRepo = runCli(args, { cwd: work });
    expect(withoutTimes(fromPackage.stdout)).toBe(withoutTimes(fromRepo.stdout));
    const sign = { json: '"level": "developing"', csv: 'cxm-playbook,1.0.0,acme/it.yaml,Priya Nair,it,journey-teams,jt-1,3,0.5' };
    expect(fromPackage.stdout).toContain(sign[format as keyof typeof sign] ?? '36.6');
  });

  it('writes the report with --out and keeps the summary on the screen', () => {
    const result = installed(['score', 'acme', '--format', 'markdown', '--out', 'report.md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Overall score: 36.6 Developing');
    expect(readFileSync(join(work, 'report.md'), 'utf8')).toBe(installed(['score', 'acme', '--format', 'markdown']).stdout);
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses `run` without a terminal: exit 2, pointing to score', () => {
    const result = installed(['run']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cxm run is interactive and needs a terminal');
  });
});
