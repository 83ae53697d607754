import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cxmEsmBin, repoRoot, runCli, tempDir } from '../helpers/cli.js';

/** The acme report without its timestamp, which differs between two runs. */
const reportOf = (stdout: string) => ({ ...JSON.parse(stdout), generatedAt: undefined });

describe('bin/cxm, the launcher', () => {
  it('gives what the ESM entry gives: version, reports, errors and exit codes', () => {
    const esm = (args: string[]) =>
      spawnSync(process.execPath, [cxmEsmBin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    // The bare version skips commander (bin/cxm.cjs); commander's own answer is the reference.
    const commanderVersion = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), '--version'], { encoding: 'utf8' });
    expect(commanderVersion.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const flag of ['--version', '-v']) {
      expect(runCli([flag])).toEqual({ code: 0, stdout: commanderVersion.stdout, stderr: '' });
      expect(esm([flag]).stdout).toBe(commanderVersion.stdout);
    }
    const report = ['score', 'examples/acme', '--format', 'json'];
    expect(reportOf(runCli(report).stdout)).toEqual(reportOf(esm(report).stdout));
    const markdown = ['score', 'examples/acme', '--format', 'markdown'];
    const stripDate = (s: string) => s.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '');
    expect(stripDate(runCli(markdown).stdout)).toBe(stripDate(esm(markdown).stdout));
    const bad = ['validate', 'test/fixtures/validate-answers/unknown-top-key.yaml'];
    const [viaLauncher, viaEsm] = [runCli(bad), esm(bad)];
    expect([viaLauncher.code, viaLauncher.stderr]).toEqual([viaEsm.status, viaEsm.stderr]);
  });

  describe('in a copy of the package', () => {
    let pkg: string;
    let marker: string;
    // Preloaded by node whichever way cxm starts: records the script argument, which is the package
    // folder when cxm starts from the snapshot and bin/cxm.cjs when it starts from the plain entry.
    let preload: string;
    const launch = (command: string, args: string[], nodeOptions = '') => {
      rmSync(marker, { force: true });
      const result = spawnSync(command, args, {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `${nodeOptions} --require ${preload}`, CXM_TEST_MARKER: marker },
      });
      const startedFrom = readFileSync(marker, 'utf8');
      return { code: result.status, stdout: result.stdout, stderr: result.stderr, snapshot: !/cxm\.c?js$/.test(startedFrom) };
    };

    beforeAll(() => {
      const dir = tempDir('cxm-launcher-');
      pkg = join(dir, 'pkg');
      for (const part of ['bin', 'dist', 'questionnaires', 'package.json'])
        cpSync(join(repoRoot, part), join(pkg, part), { recursive: true });
      marker = join(dir, 'started-from');
      preload = join(dir, 'preload.cjs');
      writeFileSync(
        preload,
        "process.on('exit', () => require('node:fs').writeFileSync(process.env.CXM_TEST_MARKER, String(process.argv[1])));\n",
      );
    });
    afterAll(() => rmSync(join(pkg, '..'), { recursive: true, force: true }));

    it("is what every test runs: runCli starts the repository's cxm from its snapshot", () => {
      rmSync(marker, { force: true });
      const result = runCli(['list', '--json'], { env: { NODE_OPTIONS: `--require ${preload}`, CXM_TEST_MARKER: marker } });
      expect(result.code).toBe(0);
      expect(readFileSync(marker, 'utf8')).toBe(`${repoRoot}/bin/..`);
    });

    it('starts from the snapshot, also through a relative symlink as npm installs bins', () => {
      expect(launch(join(pkg, 'bin/cxm'), ['list'])).toMatchObject({ code: 0, snapshot: true });
      const binDir = join(pkg, '..', 'node_modules', '.bin');
      mkdirSync(binDir, { recursive: true });
      symlinkSync('../../pkg/bin/cxm', join(binDir, 'cxm'));
      const scored = launch(join(binDir, 'cxm'), ['score', join(repoRoot, 'examples/acme'), '--format', 'json']);
      expect(scored).toMatchObject({ code: 0, snapshot: true });
      expect(JSON.parse(scored.stdout).overall.level).toBe('developing');
    });

    it('starts the version and the help from the ESM entry, which needs nothing the snapshot holds', () => {
      for (const args of [['--version'], ['-v'], ['--help'], ['help'], []]) {
        expect(launch(join(pkg, 'bin/cxm'), args)).toMatchObject({ snapshot: false });
      }
      expect(launch(join(pkg, 'bin/cxm'), ['--version']).stdout).toBe('0.1.0\n');
      expect(launch(join(pkg, 'bin/cxm'), ['score', '--help'])).toMatchObject({ code: 0, snapshot: true });
    });

    it('falls back on the ESM entry when NODE_OPTIONS holds V8 options or --import, which a snapshot cannot take', () => {
      const bin = join(pkg, 'bin/cxm');
      expect(launch(bin, ['list'], '--max-old-space-size=4096')).toMatchObject({ code: 0, snapshot: false });
      expect(launch(bin, ['list'], `--import ${join(pkg, 'package.json')}`)).toMatchObject({ snapshot: false });
      expect(launch(bin, ['list'], '--no-warnings --enable-source-maps')).toMatchObject({ code: 0, snapshot: true });
    });

    it('falls back on the ESM entry when the snapshot was made by another node, or before node changed', () => {
      const stamp = join(pkg, 'dist/cxm.blob.node');
      const madeBy = readFileSync(stamp, 'utf8');
      writeFileSync(stamp, '/usr/local/bin/some-other-node\n');
      expect(launch(join(pkg, 'bin/cxm'), ['list'])).toMatchObject({ code: 0, snapshot: false });
      writeFileSync(stamp, madeBy);
      const longAgo = new Date('2000-01-01T00:00:00Z');
      utimesSync(join(pkg, 'dist/cxm.blob'), longAgo, longAgo);
      expect(launch(join(pkg, 'bin/cxm'), ['score', join(repoRoot, 'examples/acme/it.yaml'), '--format', 'json'])).toMatchObject({
        code: 0,
        snapshot: false,
      });
    });

    it('drops NODE_EXTRA_CA_CERTS, which Node would parse at every start for a cxm that opens no connection', () => {
      const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(pkg, 'no-such-bundle.pem') };
      // Node itself reads the variable before any script runs, and warns when the file is missing.
      expect(spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env }).stderr).toContain('Warning: Ignoring extra certs');
      for (const args of [['list'], ['--version'], ['--help']]) {
        const result = spawnSync(join(pkg, 'bin/cxm'), args, { encoding: 'utf8', env });
        expect([result.status, result.stderr]).toEqual([0, '']);
      }
    });

    it('says so when there is no node on PATH', () => {
      const result = spawnSync(join(pkg, 'bin/cxm'), ['list'], { encoding: 'utf8', env: { PATH: join(pkg, 'bin') } });
      expect([result.status, result.stderr]).toEqual([2, 'cxm: node is not on PATH\n']);
    });

    it('falls back on the ESM entry without a snapshot, and says to build when there is nothing built', () => {
      rmSync(join(pkg, 'dist/cxm.blob'));
      expect(launch(join(pkg, 'bin/cxm'), ['list'])).toMatchObject({ code: 0, snapshot: false });
      rmSync(join(pkg, 'dist'), { recursive: true });
      rmSync(marker, { force: true });
      const unbuilt = spawnSync(join(pkg, 'bin/cxm'), ['list'], { encoding: 'utf8' });
      expect([unbuilt.status, unbuilt.stderr]).toEqual([
        2,
        'cxm: not built yet: run `npm ci` (or `npm run build`) in the cxm folder first\n',
      ]);
      // The bare version is answered before anything built is loaded.
      expect(spawnSync(join(pkg, 'bin/cxm'), ['--version'], { encoding: 'utf8' }).stdout).toBe('0.1.0\n');
    });
  });
});
