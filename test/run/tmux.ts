import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cxmBin } from '../helpers/cli.js';

/**
 * Drives the real binary in a real pseudo-terminal: a private tmux server per session (its own
 * socket), keys sent with send-keys, the screen read with capture-pane.
 */

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
/** Terminal tests are skipped only on a developer machine without tmux; CI must have it. */
export const skipTerminalTests = !hasTmux && process.env.CI !== 'true';

/** A folder with `cxm` linked to this checkout's bin, as `npm install -g` links it. */
let linkedBin: string | undefined;
function cxmLinkDir(): string {
  if (linkedBin === undefined) {
    linkedBin = mkdtempSync(join(tmpdir(), 'cxm-bin-'));
    symlinkSync(cxmBin, join(linkedBin, 'cxm'));
  }
  return linkedBin;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TmuxOptions {
  width?: number;
  height?: number;
  cwd?: string;
  /** Keep the pane (and its last screen) after the command ends. */
  keep?: boolean;
  /**
   * Put a `cxm` linked to this checkout first on the PATH (default), as an installed cxm is: the
   * lines that say how to go on then read `cxm …`, as they do for a user.
   */
  cxmOnPath?: boolean;
}

export class TmuxSession {
  readonly socket = `cxm-test-${process.pid}-${randomBytes(4).toString('hex')}`;

  constructor(command: string, options: TmuxOptions = {}) {
    const path = options.cxmOnPath === false ? '' : `export PATH='${cxmLinkDir()}':"$PATH"; `;
    const shell = `${path}${options.cwd ? `cd '${options.cwd}' && ` : ''}${command}${options.keep === false ? '' : '; sleep 3600'}`;
    this.tmux([
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-x',
      String(options.width ?? 100),
      '-y',
      String(options.height ?? 40),
      '-s',
      'main',
      shell,
    ]);
  }

  private tmux(args: string[], check = true): string {
    const result = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
    if (check && result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  }

  /** Key names (Enter, Up, Down, C-c) or single characters. */
  keys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', 'main', ...keys]);
  }

  /** Literal text. */
  type(text: string): void {
    this.tmux(['send-keys', '-t', 'main', '-l', text]);
  }

  screen(options: { joined?: boolean; history?: boolean } = {}): string {
    const args = ['capture-pane', '-p', '-t', 'main'];
    if (options.joined) args.push('-J');
    if (options.history) args.push('-S', '-');
    return this.tmux(args, false);
  }

  panePid(): number {
    return Number(this.tmux(['display-message', '-p', '-t', 'main', '#{pane_pid}']).trim());
  }

  /** Polls the screen until `expected` appears; throws with the last screen after `timeout` ms. */
  async waitFor(expected: string | RegExp, timeout = 20_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const screen = this.screen();
      if (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(expected)}; the screen:\n${screen}`);
      await sleep(40);
    }
  }

  /** The pane's title, which an OSC 0/2 sequence printed in it would change. */
  paneTitle(): string {
    return this.tmux(['display-message', '-p', '-t', 'main', '#{pane_title}']).trim();
  }

  /** Ends the server and removes its socket file (tmux leaves it behind). */
  kill(): void {
    this.tmux(['kill-server'], false);
    const dir = join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`);
    rmSync(join(dir, this.socket), { force: true });
  }
}

/** Waits until a file exists (the exit code the shell writes after the command). */
export async function waitForFile(read: () => string | undefined, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const content = read();
    if (content !== undefined && content.trim() !== '') return content.trim();
    if (Date.now() > deadline) throw new Error('timed out waiting for a file');
    await sleep(40);
  }
}
