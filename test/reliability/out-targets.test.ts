import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

/** Creating device nodes needs root (CAP_MKNOD). */
const canMakeDevices = (() => {
  const dir = tempDir();
  try {
    execFileSync('mknod', [join(dir, 'probe'), 'c', '1', '3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// SPEC §8: a link is written through to its target; a device, a FIFO or anything but a regular
// file (or a new path) is refused as --out; `-` is standard output.
describe('--out to a link', () => {
  it('writes through to the target and leaves the link a link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'report.json'));
    const result = runCli(['score', 'examples/acme', '--format', 'json', '--out', join(dir, 'report.json'), '--quiet']);
    expect(result.code).toBe(0);
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'report.json'))).toBe('target.json');
    expect(JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('creates the target of a dangling link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    symlinkSync('reports/latest.md', join(dir, 'latest.md'));
    const result = runCli(['diff', 'examples/acme', 'examples/acme', '--format', 'markdown', '--out', join(dir, 'latest.md'), '--quiet']);
    expect(result.code).toBe(0);
    expect(lstatSync(join(dir, 'latest.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'reports/latest.md'), 'utf8')).toMatch(/^# /);
  });
});

describe('--out to what is not a regular file', () => {
  const refusal = (out: string, what: string) =>
    `cxm: cannot write ${out}: it is ${what}, not a regular file (use "-" for standard output)\n`;

  // Device nodes of our own (the same major and minor numbers as /dev/full and /dev/null): should
  // the refusal ever break, the rename replaces a node in a temp folder, not the system's device.
  it.skipIf(!canMakeDevices)('refuses a device (as /dev/full, /dev/null) and leaves it a device', () => {
    const dir = tempDir();
    for (const [name, minor] of [
      ['full', '7'],
      ['null', '3'],
    ] as const) {
      const out = join(dir, name);
      execFileSync('mknod', [out, 'c', '1', minor]);
      const result = runCli(['score', 'examples/acme', '--format', 'json', '--out', out, '--quiet']);
      expect(result.stderr).toBe(refusal(out, 'a character device'));
      expect(result.code).toBe(2);
      expect(statSync(out).isCharacterDevice()).toBe(true);
    }
  });

  it('refuses a FIFO without opening it (which would wait for a reader)', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const result = runCli(['diff', 'examples/acme', 'examples/acme', '--format', 'json', '--out', fifo]);
    expect(result.stderr).toBe(refusal(fifo, 'a FIFO'));
    expect(result.code).toBe(2);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a link to a device', () => {
    const dir = tempDir();
    symlinkSync('/dev/full', join(dir, 'r.json'));
    const result = runCli(['score', 'examples/acme', '--format', 'json', '--out', join(dir, 'r.json')]);
    expect(result.stderr).toBe(refusal(join(dir, 'r.json'), 'a character device'));
    expect(result.code).toBe(2);
  });

  // Through a link of our own: should the refusal ever break, the link is replaced, not /dev/stdout.
  it('refuses /dev/stdout (even when stdout is a pipe, here through a link) and names "-"', () => {
    const dir = tempDir();
    const out = join(dir, 'out.json');
    symlinkSync('/dev/stdout', out);
    const result = runCli(['score', 'examples/acme', '--format', 'json', '--out', out]);
    expect(result.stderr).toBe(`cxm: cannot write ${out}: it is an open descriptor, not a regular file (use "-" for standard output)\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(readlinkSync(out)).toBe('/dev/stdout');
  });

  it('cxm run --report to a device is refused at start-up', () => {
    const dir = tempDir();
    symlinkSync('/dev/null', join(dir, 'r.md'));
    const result = runCli(['run', '--answers', 'a.yaml', '--report', 'r.md'], { cwd: dir, env: { NO_COLOR: '' } });
    expect(result.stderr).toContain(refusal('r.md', 'a character device'));
    expect(result.code).toBe(2);
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
  });
});

/** The two runs differ only in the moment they ran. */
const withoutTime = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, 'TIME');

describe('--out -', () => {
  it.each(['text', 'json', 'markdown', 'html', 'csv'])('score --format %s writes the format to stdout, as without --out', (format) => {
    const dashed = runCli(['score', 'examples/acme', '--format', format, '--out', '-']);
    const plain = runCli(['score', 'examples/acme', '--format', format]);
    expect(dashed.code).toBe(0);
    expect(dashed.stderr).toBe('');
    expect(withoutTime(dashed.stdout)).toBe(withoutTime(plain.stdout));
    expect(existsSync('-')).toBe(false);
  });

  it.each(['text', 'json', 'markdown', 'html'])('diff --format %s writes to stdout', (format) => {
    const dashed = runCli(['diff', 'examples/acme', 'examples/acme', '--format', format, '--out', '-']);
    expect(dashed.code).toBe(0);
    expect(withoutTime(dashed.stdout)).toBe(withoutTime(runCli(['diff', 'examples/acme', 'examples/acme', '--format', format]).stdout));
  });
});
