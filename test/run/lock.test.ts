import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatSince } from '../../src/io/answer-lock.js';
import { cxmBin, repoRoot, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession, waitForFile } from './tmux.js';

/**
 * Two real `cxm run` processes on one answer file (SPEC §8): the first holds it through a lock
 * file beside it; a second is refused with exit 2 naming the holder; once the first is killed
 * with -9 (no code runs, the lock stays), the next run takes the lock over with a notice.
 */

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

/** Each session writes its exit code to its own file, so two sessions can share a folder. */
function start(dir: string, name: string, args: string): TmuxSession {
  rmSync(join(dir, `${name}.exit`), { force: true });
  const session = new TmuxSession(`'${cxmBin}' run ${pinned(args)}; echo EXIT=$? > '${dir}/${name}.exit'`, { cwd: dir });
  sessions.push(session);
  return session;
}

// The 47-question walk of cxm-playbook 1.0.0: a resumed file names its own version.
const pinned = (args: string) => (args.includes('--resume') ? args : `cxm-playbook@1.0.0 ${args}`);

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const exitCode = async (dir: string, name: string) =>
  Number((await waitForFile(() => readIfExists(join(dir, `${name}.exit`)))).replace('EXIT=', ''));
const lockOf = (dir: string) => join(dir, '.a.yaml.cxm-lock');
const holder = (dir: string) => JSON.parse(readFileSync(lockOf(dir), 'utf8'));

describe.skipIf(skipTerminalTests)('cxm run holds its answer file', () => {
  it('refuses a second run on the same file (also through a link), takes over the lock of a run killed with -9', async () => {
    const dir = tempDir('cxm-run-lock-');
    const first = start(dir, 'first', '--answers a.yaml --name A --role r --organization o');
    await first.waitFor(/Q 1 of 47 [\s\S]*q Save and quit/);
    first.keys('4', 'Enter');
    await first.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);

    const lock = holder(dir);
    expect(Object.keys(lock)).toEqual(['pid', 'host', 'startedAt', 'file']);
    expect(lock.host).toBe(hostname());
    expect(lock.file).toBe(join(dir, 'a.yaml'));
    const node = spawnSync('pgrep', ['-P', String(first.panePid())], { encoding: 'utf8' }).stdout.trim();
    expect(lock.pid).toBe(Number(node));
    const since = formatSince(lock.startedAt);
    expect(since).toMatch(/^\d\d:\d\d$/);

    const second = start(dir, 'second', '--resume a.yaml');
    expect(await exitCode(dir, 'second')).toBe(2);
    expect(second.screen({ joined: true })).toContain(
      `cxm: a.yaml is being written by cxm run (pid ${lock.pid} on ${hostname()}, since ${since}); finish or quit that run first\n`,
    );
    // Another spelling of the same file: the same lock.
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'link.yaml'));
    const third = start(dir, 'third', '--resume ./link.yaml');
    expect(await exitCode(dir, 'third')).toBe(2);
    expect(third.screen({ joined: true })).toContain(`cxm: link.yaml is being written by cxm run (pid ${lock.pid} on`);
    // Neither touched the file nor the lock.
    expect(parse(readFileSync(join(dir, 'a.yaml'), 'utf8')).answers).toEqual({ 'jt-1': 4 });
    expect(holder(dir)).toEqual(lock);

    process.kill(lock.pid, 'SIGKILL');
    expect(await exitCode(dir, 'first')).toBe(137);
    expect(holder(dir)).toEqual(lock); // kill -9 runs no code: the lock stays

    const next = start(dir, 'next', '--resume a.yaml');
    await next.waitFor(
      `! Took over the lock left by a cxm run that is no longer running (pid ${lock.pid} on ${hostname()}, since ${since})`,
    );
    await next.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
    expect(holder(dir).pid).not.toBe(lock.pid);
    next.keys('2', 'Enter');
    await next.waitFor(/Q 3 of 47 [\s\S]*q Save and quit/);
    next.keys('C-c');
    expect(await exitCode(dir, 'next')).toBe(130);
    expect(existsSync(lockOf(dir))).toBe(false);
    expect(parse(readFileSync(join(dir, 'a.yaml'), 'utf8')).answers).toEqual({ 'jt-1': 4, 'jt-2': 2 });
  });

  it('respects the lock of a run on another host, saying how to remove it', async () => {
    const dir = tempDir('cxm-run-lock-');
    writeFileSync(join(dir, 'a.yaml'), 'questionnaire: cxm-playbook\nquestionnaireVersion: 1.0.0\nanswers: { jt-1: 3 }\n');
    const other = { pid: 4242, host: 'elsewhere.example', startedAt: '2026-01-05T09:00:00.000Z', file: join(dir, 'a.yaml') };
    writeFileSync(lockOf(dir), JSON.stringify(other));
    const t = start(dir, 'run', '--resume a.yaml');
    expect(await exitCode(dir, 'run')).toBe(2);
    expect(t.screen({ joined: true })).toContain(
      `cxm: a.yaml is being written by cxm run (pid 4242 on elsewhere.example, since ${formatSince(other.startedAt)}); ` +
        'if that run has ended, remove .a.yaml.cxm-lock (a run on another host cannot be checked from here)\n',
    );
    expect(JSON.parse(readFileSync(lockOf(dir), 'utf8'))).toEqual(other);
  });

  it('removes the lock when the run finishes, quits, fails or gets SIGTERM or SIGHUP', async () => {
    const dir = tempDir('cxm-run-lock-');
    const t = start(dir, 'run', '--answers a.yaml --name A --role r --organization o');
    await t.waitFor(/Q 1 of 47 [\s\S]*q Save and quit/);
    expect(existsSync(lockOf(dir))).toBe(true);
    t.keys('4', 'Enter'); // the answer file is written with the first answer
    await t.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
    t.keys('q', 'Enter');
    expect(await exitCode(dir, 'run')).toBe(130);
    expect(existsSync(lockOf(dir))).toBe(false);

    for (const [signal, code] of [
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      const s = start(dir, signal, '--resume a.yaml');
      await s.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
      const { pid } = holder(dir);
      process.kill(pid, signal);
      expect(await exitCode(dir, signal), signal).toBe(code);
      expect(existsSync(lockOf(dir)), signal).toBe(false);
    }

    // An error after the lock is taken (an unknown --lang): exit 2, no lock left.
    const failed = start(dir, 'failed', '--resume a.yaml --lang xx');
    expect(await exitCode(dir, 'failed')).toBe(2);
    expect(failed.screen({ joined: true })).toContain('cxm: --lang xx: the questionnaire has no texts in that language');
    expect(existsSync(lockOf(dir))).toBe(false);
  });
});
