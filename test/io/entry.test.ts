import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

describe('bin/cxm.js, the entry', () => {
  it("answers the bare version itself, exactly as commander's --version does", () => {
    const commander = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), '--version'], { encoding: 'utf8' });
    expect(commander.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const flag of ['--version', '-v']) expect(runCli([flag])).toEqual({ code: 0, stdout: commander.stdout, stderr: '' });
  });

  describe('in a copy of the package', () => {
    let dir: string;
    let pkg: string;
    beforeAll(() => {
      dir = tempDir('cxm-entry-');
      pkg = join(dir, 'pkg');
      for (const part of ['bin', 'dist', 'questionnaires', 'package.json'])
        cpSync(join(repoRoot, part), join(pkg, part), { recursive: true });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('finds its package through a relative symlink, as npm links bins', () => {
      const binDir = join(dir, 'node_modules', '.bin');
      mkdirSync(binDir, { recursive: true });
      symlinkSync('../../pkg/bin/cxm.js', join(binDir, 'cxm'));
      const scored = spawnSync(join(binDir, 'cxm'), ['score', join(repoRoot, 'examples/acme'), '--format', 'json'], { encoding: 'utf8' });
      expect([scored.status, scored.stderr]).toEqual([0, '']);
      expect(JSON.parse(scored.stdout).overall.level).toBe('developing');
    });

    it('says to build when nothing is built yet, and still tells its version', () => {
      rmSync(join(pkg, 'dist'), { recursive: true });
      const unbuilt = spawnSync(join(pkg, 'bin/cxm.js'), ['list'], { encoding: 'utf8' });
      expect([unbuilt.status, unbuilt.stdout, unbuilt.stderr]).toEqual([
        2,
        '',
        'cxm: not built yet: run `npm ci` (or `npm run build`) in the cxm folder first\n',
      ]);
      expect(spawnSync(join(pkg, 'bin/cxm.js'), ['--version'], { encoding: 'utf8' }).stdout).toBe('0.1.0\n');
    });
  });
});
