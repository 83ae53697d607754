import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cxmBin, repoRoot } from '../helpers/cli.js';

/** Runs cxm with its output's reader already gone, as in `cxm … | head` once head has seen enough. */
function runWithReaderGone(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cxmBin, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output to a reader that has gone', () => {
  it('ends quietly: no stack trace, and the exit code still says how the command went', async () => {
    expect(await runWithReaderGone(['--help'])).toEqual({ code: 0, stderr: '' });
    expect(await runWithReaderGone(['score', 'examples/acme', '--format', 'json'])).toEqual({ code: 0, stderr: '' });
    expect(await runWithReaderGone(['score', 'examples/acme', '--fail-under', '99'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^gate failed: overall [\d.]+ is below 99\n$/),
    });
  });
});
