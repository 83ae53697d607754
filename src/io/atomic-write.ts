import { rmSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { resolveWriteTarget } from './output-path.js';

/**
 * Writes through a temporary file in the same directory, flushed to disk, then renamed over the
 * target: a reader (or a crash, even `kill -9`) sees the old content or the new, never half of it.
 * A link is written through to its target; a folder, device or FIFO is refused (output-path.ts).
 * A missing folder is created; a path that cannot be written is a UserError (exit 2), not a crash.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string>): Promise<void> {
  const target = await resolveWriteTarget(path);
  const dir = dirname(target);
  const temp = tempPathFor(target);
  try {
    await ensureDirectory(dir);
    await removeStaleTempFiles(target);
    inFlight.add(temp);
    watchSignals();
    const handle = await open(temp, 'w', 0o644);
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      // A large report in pieces (src/report/json-stream.ts), never held as one string.
      else for (const piece of content) await handle.write(piece);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error instanceof UserError ? error : new UserError(`cannot write ${path}: ${describeWriteError(error)}`);
  } finally {
    inFlight.delete(temp);
    if (inFlight.size === 0) unwatchSignals();
  }
}

/** `.<name>.<pid>.<random>.tmp` beside the target: unique among concurrent writers, and its pid tells whether its writer lives. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

const cleaned = new Set<string>();

/**
 * A writer killed with `kill -9` (or a power cut) cannot remove its temp file; the next write to
 * the same target does, for every temp file of the target whose pid is no longer running. Once per
 * target and process: `cxm run` saves after every answer.
 */
export async function removeStaleTempFiles(target: string): Promise<void> {
  if (cleaned.has(target)) return;
  cleaned.add(target);
  const prefix = `.${basename(target)}.`;
  const names = await readdir(dirname(target)).catch((): string[] => []);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length));
    if (match && !isRunning(Number(match[1]))) await rm(join(dirname(target), name), { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return isCode(error, 'EPERM');
  }
}

/** Temp files being written now: removed if the process ends before their rename. */
const inFlight = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Synchronous: it runs in 'exit' and signal handlers, where nothing asynchronous finishes. */
export function removeTempFilesInFlight(): void {
  for (const temp of inFlight) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done while the process ends.
    }
  }
  inFlight.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // Another handler (cxm run's Ctrl-C) decides what the signal means; the write then ends on its
  // own and 'exit' removes what is left. Alone, the signal ends the process as it would have.
  if (process.listenerCount(signal) > 1) return;
  removeTempFilesInFlight();
  unwatchSignals();
  process.kill(process.pid, signal);
}

let watching = false;

function watchSignals(): void {
  if (watching) return;
  watching = true;
  process.on('exit', removeTempFilesInFlight);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function unwatchSignals(): void {
  if (!watching) return;
  watching = false;
  process.removeListener('exit', removeTempFilesInFlight);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

/**
 * Creates missing folders one level at a time. Node 20's `mkdir(…, { recursive: true })` never
 * returns under /proc (it retries forever), so the recursion is ours.
 */
async function ensureDirectory(dir: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
    throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  const parent = dirname(dir);
  if (parent !== dir) await ensureDirectory(parent);
  try {
    await mkdir(dir);
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
  }
}

function isCode(error: unknown, code: string): boolean {
  return error !== null && typeof error === 'object' && 'code' in error && error.code === code;
}

function describeWriteError(error: unknown): string {
  if (isCode(error, 'EISDIR')) return 'it is a folder';
  if (isCode(error, 'ENOTDIR')) return 'a part of the path is not a folder';
  if (isCode(error, 'EACCES') || isCode(error, 'EPERM')) return 'permission denied';
  if (isCode(error, 'ENOENT')) return 'the folder cannot be created';
  if (isCode(error, 'ENOSPC')) return 'no space left on the device';
  if (isCode(error, 'EROFS')) return 'read-only file system';
  return error instanceof Error ? error.message : String(error);
}
