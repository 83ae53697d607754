import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

// --out is where a user's typo meets the file system: a clear line and exit 2, never a stack or a hang.
describe('writing --out files', () => {
  it('creates missing folders', () => {
    const dir = tempDir();
    const out = join(dir, 'reports', '2026', 'q4.json');
    const result = runCli(['score', 'examples/acme', '--format', 'json', '--out', out, '--quiet']);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  it.each([
    [
      'a folder',
      (dir: string) => {
        mkdirSync(join(dir, 'r.json'));
        return join(dir, 'r.json');
      },
      'it is a folder',
    ],
    [
      'below a file',
      (dir: string) => {
        writeFileSync(join(dir, 'file'), '');
        return join(dir, 'file', 'r.json');
      },
      'a part of the path is not a folder',
    ],
  ])('refuses %s with exit 2 and leaves no temporary file', (_name, makeTarget, reason) => {
    const dir = tempDir();
    const out = makeTarget(dir);
    const result = runCli(['score', 'examples/acme', '--format', 'json', '--out', out, '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`cxm: cannot write ${out}: ${reason}\n`);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(existsSync('/proc/self'))('refuses a folder that cannot be created instead of hanging (/proc)', () => {
    const result = runCli(['score', 'examples/acme', '--format', 'json', '--out', '/proc/cxm-nope/r.json', '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cxm: cannot write /proc/cxm-nope/r.json: the folder cannot be created\n');
  });
});

describe('writing cxm diff --out files', () => {
  it('uses the same one-line error as cxm score', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const out = join(dir, 'file', 'diff.md');
    const result = runCli(['diff', 'examples/acme', 'examples/acme', '--format', 'markdown', '--out', out, '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`cxm: cannot write ${out}: a part of the path is not a folder\n`);
  });
});
