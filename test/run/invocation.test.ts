import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cxmInvocation } from '../../src/commands/invocation.js';
import { cxmBin, repoRoot, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession, waitForFile } from './tmux.js';

/** The command the closing lines tell a user to type: the one they can actually run. */

describe('cxmInvocation', () => {
  const dir = tempDir('cxm-invocation-');
  const onPath = join(dir, 'bin');
  mkdirSync(onPath);
  symlinkSync(cxmBin, join(onPath, 'cxm'));
  const other = join(dir, 'other');
  mkdirSync(other);
  symlinkSync('/bin/true', join(other, 'cxm'));

  it('under npx: the package from node_modules', () => {
    const script = join(dir, 'node_modules/cxm/bin/cxm.js');
    expect(cxmInvocation({ PATH: '/nowhere', npm_command: 'exec' }, script, dir)).toBe('npx cxm');
    // npm_command is also set for whatever an npm script starts: a clone's bin is not npx's.
    expect(cxmInvocation({ PATH: '/nowhere', npm_command: 'exec' }, cxmBin, repoRoot)).toBe('node bin/cxm.js');
  });

  it.each<[string, NodeJS.ProcessEnv, string, string]>([
    ['cxm on the PATH is this program (npm links it)', { PATH: `/nowhere:${onPath}` }, repoRoot, 'cxm'],
    ['from a clone, not on the PATH', { PATH: '/nowhere' }, repoRoot, 'node bin/cxm.js'],
    ['another cxm on the PATH is not this one', { PATH: other }, repoRoot, 'node bin/cxm.js'],
    ['outside the clone: the full path', { PATH: '/nowhere' }, dir, `node ${cxmBin}`],
  ])('%s', (_, env, cwd, expected) => {
    expect(cxmInvocation(env, cxmBin, cwd)).toBe(expected);
  });
});

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

describe.skipIf(skipTerminalTests)('the resume line of a cxm not on the PATH', () => {
  it('names node and the script, and that command resumes', async () => {
    const dir = tempDir('cxm-invocation-');
    const exit = join(dir, 'exit');
    const read = () => (existsSync(exit) ? readFileSync(exit, 'utf8') : undefined);
    const run = (args: string) => {
      rmSync(exit, { force: true });
      const t = new TmuxSession(`${args}; echo EXIT=$? > '${exit}'`, { cwd: repoRoot, cxmOnPath: false });
      sessions.push(t);
      return t;
    };
    const first = run(`node bin/cxm.js run cxm-playbook@1.0.0 --answers '${dir}/a.yaml' --name x --role y --organization z`);
    await first.waitFor(/Q 1 of 47 [\s\S]*q Save and quit/);
    first.keys('4', 'Enter');
    await first.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
    first.keys('C-c');
    expect(await waitForFile(read)).toBe('EXIT=130');
    const line = /Resume with: (.*)/.exec(first.screen({ joined: true }))?.[1]?.trim();
    expect(line).toBe(`node bin/cxm.js run --resume ${dir}/a.yaml`);

    const again = run(line ?? '');
    await again.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
    again.keys('q', 'Enter');
    expect(await waitForFile(read)).toBe('EXIT=130');
  });
});
