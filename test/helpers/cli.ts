import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The command as npm installs it: package.json's `bin`, started through its `#!/usr/bin/env node` line. */
export const cxmBin = join(repoRoot, 'bin/cxm.js');
export const fixture = (...parts: string[]) => join(repoRoot, 'test/fixtures', ...parts);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would (no TTY, no colour unless asked). `npm test` builds first. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  // Left out, not emptied: an empty FORCE_COLOR forces colour on, as in Node (src/report/color.ts).
  const { FORCE_COLOR: _inherited, ...inherited } = process.env;
  const result = spawnSync(cxmBin, args, {
    cwd: options.cwd ?? repoRoot,
    env: { ...inherited, NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'cxm-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
