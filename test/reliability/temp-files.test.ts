import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

/** A pid that is certainly not running: a process that has just ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

// SPEC §8 / issue 12 case 6: a kill during --out left `.r.csv.<pid>.<rand>.tmp` behind, for good.
describe('stale temp files of an atomic write', () => {
  it('the next write to the same target removes those whose process is gone, and no other', () => {
    const dir = tempDir();
    const dead = deadPid();
    const stale = `.r.json.${dead}.k3j9x0aa.tmp`;
    const alive = `.r.json.${process.pid}.zz00zz00.tmp`;
    const otherTarget = `.other.json.${dead}.k3j9x0aa.tmp`;
    for (const name of [stale, alive, otherTarget]) writeFileSync(join(dir, name), 'half a report');
    const result = runCli(['score', 'examples/acme', '--format', 'json', '--out', join(dir, 'r.json'), '--quiet']);
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([alive, otherTarget, 'r.json'].sort());
  });
});

/**
 * A signal while a write is in flight. The write is held at its fsync by a driver that replaces
 * FileHandle#sync with a promise that never settles (no timing involved): the driver says "ready"
 * once the temp file exists, the test sends the signal, and the process must end by that signal
 * with the temp file gone.
 */
describe('a signal during a write', () => {
  let driver: string;
  beforeAll(async () => {
    const dir = tempDir();
    await build({
      entryPoints: [join(repoRoot, 'src/io/atomic-write.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(dir, 'atomic-write.mjs'),
      logLevel: 'silent',
    });
    driver = join(dir, 'driver.mjs');
    writeFileSync(
      driver,
      `import { open } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.mjs';
const probe = await open(process.argv[1], 'r');
Object.getPrototypeOf(probe).sync = () => { process.stdout.write('ready\\n'); return new Promise(() => {}); };
await probe.close();
setInterval(() => {}, 1000);
await writeFileAtomic(process.argv[2], 'a report');
`,
    );
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s removes the temp file and ends the process by that signal', async (signal) => {
    const dir = tempDir();
    const child = spawn(process.execPath, [driver, join(dir, 'r.csv')], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
    expect(readdirSync(dir).filter((name) => /^\.r\.csv\.\d+\.[0-9a-z]+\.tmp$/.test(name))).toHaveLength(1);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(readdirSync(dir)).toEqual([]);
  });
});
