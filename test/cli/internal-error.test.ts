import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cxmBin, fixture, repoRoot, runCli, tempDir } from '../helpers/cli.js';

// SPEC §2: a bug is exit 3 with one line naming it and one saying where to report it; never 1
// (a failed gate to CI) and never a stack unless CXM_DEBUG=1. Each case provokes a real error
// in the built command, caught by its real top-level handlers.

const report = 'This is a bug in cxm: please report it at https://github.com/cxm-cli/cxm/issues';
const hint = ' (run with CXM_DEBUG=1 for details)';

/** `cxm list` with its stdout on a file opened read-only: the command's own write throws EBADF. */
function listIntoReadOnlyFile(env: Record<string, string> = {}) {
  const path = join(tempDir(), 'read-only.txt');
  writeFileSync(path, '');
  const fd = openSync(path, 'r');
  try {
    const result = spawnSync(cxmBin, ['list'], {
      cwd: repoRoot,
      stdio: ['pipe', fd, 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stderr: result.stderr };
  } finally {
    closeSync(fd);
  }
}

const preload = (name: string) => ({ NODE_OPTIONS: `--import=${pathToFileURL(fixture('internal-error', name)).href}` });

describe('an internal error', () => {
  it('thrown inside a command: one line, where to report it, exit 3', () => {
    const result = listIntoReadOnlyFile();
    expect(result.stderr).toBe(`cxm: internal error: EBADF: bad file descriptor, write\n${report}${hint}\n`);
    expect(result.code).toBe(3);
  });

  it('shows its stack with CXM_DEBUG=1, and only then', () => {
    const result = listIntoReadOnlyFile({ CXM_DEBUG: '1' });
    const lines = result.stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'cxm: internal error: EBADF: bad file descriptor, write',
      report,
      'Error: EBADF: bad file descriptor, write',
    ]);
    expect(lines[3]).toMatch(/^ {4}at /);
    expect(result.code).toBe(3);
    expect(listIntoReadOnlyFile({ CXM_DEBUG: '0' }).stderr).not.toContain('    at ');
  });

  it('thrown in a callback outside any promise: exit 3, the message on one line', () => {
    const result = runCli(['list'], { env: preload('throw-outside-promise.mjs') });
    expect(result.stdout).toContain('cxm-playbook');
    expect(result.stderr).toBe(`cxm: internal error: thrown in a callback second line\n${report}${hint}\n`);
    expect(result.code).toBe(3);
  });

  it('a rejected promise nobody awaits: exit 3', () => {
    const result = runCli(['list'], { env: preload('reject-unawaited.mjs') });
    expect(result.stderr).toBe(`cxm: internal error: rejected and never awaited\n${report}${hint}\n`);
    expect(result.code).toBe(3);
  });

  it('a usage or input error is still exit 2 with no mention of a bug', () => {
    const result = runCli(['score', fixture('score-invalid-answers', 'bad-value.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).not.toContain('    at ');
  });
});
