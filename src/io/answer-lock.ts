import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { link, open, readFile, realpath, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { displayPath } from './load-questionnaire.js';

/**
 * The lock by which a `cxm run` holds its answer file (SPEC §8): `.<name>.cxm-lock` beside the
 * file (beside its real path, so a link or another spelling of the path finds the same lock),
 * created with O_EXCL and holding `{ pid, host, startedAt, file }` as JSON. It is removed on every
 * exit that runs code: the end of the run, an error, Ctrl-C, SIGTERM and SIGHUP (kill -9 leaves
 * it; the next run sees that the process is gone and takes it over).
 */

// Printed in messages: no control or format characters (a hand-made lock must not drive the terminal).
const plainText = z.string().regex(/^[^\p{Cc}\p{Cf}]{1,255}$/u);
const holderSchema = z.object({ pid: z.number().int().positive(), host: plainText, startedAt: plainText, file: z.string().optional() });
export type LockHolder = z.infer<typeof holderSchema>;

export interface AnswerLock {
  /** The lock file. */
  path: string;
  /** The holder of a lock left by a run that is no longer running, which this run took over. */
  takenOver: LockHolder | undefined;
  /** Removes the lock if it is still this run's; safe to call more than once. */
  release(): void;
}

export async function lockPathOf(answerPath: string): Promise<{ lock: string; file: string }> {
  const absolute = resolve(answerPath);
  let real = absolute;
  try {
    real = await realpath(absolute);
  } catch {
    // A new file: the real folder, the given name.
    real = await realpath(dirname(absolute)).then(
      (dir) => join(dir, basename(absolute)),
      () => absolute,
    );
  }
  return { lock: join(dirname(real), `.${basename(real)}.cxm-lock`), file: real };
}

export async function acquireAnswerLock(answerPath: string): Promise<AnswerLock> {
  const { lock, file } = await lockPathOf(answerPath);
  const shown = displayPath(answerPath);
  const content = `${JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), file })}\n`;
  let takenOver: LockHolder | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await createLock(lock, content, shown)) return holdLock(lock, content, takenOver);
    const found = await readHolder(lock);
    if (found === 'gone') continue;
    if (found === 'unreadable') {
      // Maybe created an instant ago and not yet written: look again shortly.
      await new Promise((done) => setTimeout(done, 25));
      continue;
    }
    if (!isStale(found.holder)) throw new UserError(heldMessage(shown, found.holder, lock));
    if (await removeStale(lock, found.text)) takenOver = found.holder;
  }
  throw new UserError(
    `${shown} is locked by ${displayPath(lock)}, which cannot be read; if no cxm run is writing ${shown}, remove that file`,
  );
}

async function createLock(lock: string, content: string, shown: string): Promise<boolean> {
  try {
    const handle = await open(lock, 'wx', 0o644);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw new UserError(`cannot lock ${shown} (${displayPath(lock)}): ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readHolder(lock: string): Promise<{ holder: LockHolder; text: string } | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(lock, 'utf8');
  } catch (error) {
    return codeOf(error) === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const parsed = holderSchema.safeParse(JSON.parse(text));
    return parsed.success ? { holder: parsed.data, text } : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Stale: taken on this host by a process that no longer exists (or by a pid that is now ours). */
export function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists, it belongs to someone else.
    return codeOf(error) === 'ESRCH';
  }
}

/**
 * Moves the stale lock aside before deleting it, and checks it moved the lock it judged: two runs
 * taking over at once must not delete the lock the faster one has just made.
 */
async function removeStale(lock: string, judged: string): Promise<boolean> {
  const aside = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(lock, aside);
  } catch {
    return false;
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== judged) await link(aside, lock).catch(() => undefined);
  await rm(aside, { force: true });
  return moved === judged;
}

const EXIT_SIGNALS = { SIGTERM: 143, SIGHUP: 129 } as const;

function holdLock(lock: string, content: string, takenOver: LockHolder | undefined): AnswerLock {
  const release = () => {
    process.removeListener('exit', release);
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    try {
      if (readFileSync(lock, 'utf8') === content) rmSync(lock, { force: true });
    } catch {
      // Already gone.
    }
  };
  // Deferred exit: other listeners of the signal (temp-file cleanup) run first.
  const handlers = Object.entries(EXIT_SIGNALS).map(([signal, code]) => {
    const handler = () => {
      release();
      setImmediate(() => process.exit(code));
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  process.on('exit', release);
  return { path: lock, takenOver, release };
}

/** `09:00`, or `2026-12-01 09:00` when not today (local time). */
export function formatSince(startedAt: string, now = new Date()): string {
  const date = new Date(startedAt);
  if (Number.isNaN(date.getTime())) return startedAt;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return day === today ? time : `${day} ${time}`;
}

function heldMessage(shown: string, holder: LockHolder, lock: string): string {
  const who = `cxm run (pid ${holder.pid} on ${holder.host}, since ${formatSince(holder.startedAt)})`;
  const what =
    holder.host === hostname()
      ? 'finish or quit that run first'
      : `if that run has ended, remove ${displayPath(lock)} (a run on another host cannot be checked from here)`;
  return `${shown} is being written by ${who}; ${what}`;
}

function codeOf(error: unknown): unknown {
  return error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
}
