import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

/**
 * Writes through a temporary file in the same directory, flushed to disk, then renamed over the
 * target: a reader (or a crash, even `kill -9`) sees the old content or the new, never half of it.
 * A missing folder is created; a path that cannot be written is a UserError (exit 2), not a crash.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string>): Promise<void> {
  const dir = dirname(path);
  // Unique enough among concurrent writers of one folder: the pid, plus a random part for this process.
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await ensureDirectory(dir);
    const handle = await open(temp, 'w', 0o644);
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      // A large report in pieces (src/report/json-stream.ts), never held as one string.
      else for (const piece of content) await handle.write(piece);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new UserError(`cannot write ${path}: ${describeWriteError(error)}`);
  }
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
