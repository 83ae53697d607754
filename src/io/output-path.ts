import type { BigIntStats } from 'node:fs';
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { describeFsError, nonRegularKind } from './read-bounded.js';

/** `-` names standard output wherever a report can go there. */
export const STDOUT = '-';

/** /dev/stdout, /dev/fd/1, /proc/self/fd/1…: names of an open descriptor, not of a file to replace. */
const DESCRIPTOR_ALIAS = /^\/(?:dev\/(?:std(?:in|out|err)|fd\/\d+)|proc\/[^/]+\/fd\/\d+)$/;
const MAX_LINK_HOPS = 40;

/**
 * The file a write to `path` lands in: the final component's links followed to their target (a
 * link is written through, and stays a link), even a dangling one (the target is created). Throws
 * a UserError for a target that is not a regular file or a new path: a folder, a device
 * (/dev/null, /dev/full), a FIFO, a socket, or a descriptor alias such as /dev/stdout.
 */
export async function resolveWriteTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hop = 0; ; hop++) {
    if (process.platform !== 'win32' && DESCRIPTOR_ALIAS.test(current)) {
      throw new UserError(`cannot write ${path}: it is an open descriptor, not a regular file (use "-" for standard output)`);
    }
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(current);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return current;
      throw new UserError(`cannot write ${path}: ${describeFsError(error)}`);
    }
    if (info.isSymbolicLink()) {
      if (hop >= MAX_LINK_HOPS) throw new UserError(`cannot write ${path}: ${describeFsError({ code: 'ELOOP' })}`);
      const target = await readlink(current);
      current = isAbsolute(target) ? target : resolve(dirname(current), target);
      continue;
    }
    const kind = nonRegularKind(info);
    if (kind === 'a folder') throw new UserError(`cannot write ${path}: it is a folder`);
    if (kind !== undefined) throw new UserError(`cannot write ${path}: it is ${kind}, not a regular file (use "-" for standard output)`);
    return current;
  }
}

/**
 * SPEC §2, §8: an output is never one of the command's inputs. Checked before anything is written;
 * `inputs` are every file the command read (answer files, also those found in folders, and their
 * questionnaire). Existing files are compared by device and inode, which sees through links, `..`,
 * hard links and the other spellings of a case-insensitive file system; a path that does not exist
 * yet cannot be an input. Returns the file to write (see resolveWriteTarget).
 */
export async function checkOutputPath(out: string, inputs: readonly string[], option = '--out'): Promise<string> {
  const target = await resolveWriteTarget(out);
  const outId = await identity(target);
  if (outId === undefined) return target;
  for (const input of inputs) {
    if (input === STDOUT) continue;
    const inputId = await identity(input);
    if (inputId !== undefined && inputId === outId) {
      throw new UserError(`${option} ${out} would overwrite the input ${input}; nothing was written`);
    }
  }
  return target;
}

/**
 * `cxm run`: the answer file and the report must differ, and neither may be the questionnaire.
 * The answer file of a new run does not exist yet, so paths are also compared by their real folder
 * and name; names that differ only in case count as the same where the folder ignores case.
 */
export async function checkDistinctPaths(a: { option: string; path: string }, b: { option: string; path: string }): Promise<void> {
  const [idA, idB] = [await identity(a.path), await identity(b.path)];
  const same = idA !== undefined && idB !== undefined ? idA === idB : await sameNewPath(a.path, b.path);
  if (same) throw new UserError(`${b.option} ${b.path} is the same file as ${a.option} ${a.path}; nothing was written`);
}

async function sameNewPath(a: string, b: string): Promise<boolean> {
  const [dirA, dirB] = [await realFolder(a), await realFolder(b)];
  if (dirA !== dirB) return false;
  const [nameA, nameB] = [basename(a), basename(b)];
  if (nameA === nameB) return true;
  return nameA.toLowerCase() === nameB.toLowerCase() && (await ignoresCase(dirA));
}

async function realFolder(path: string): Promise<string> {
  const dir = dirname(resolve(path));
  return realpath(dir).catch(() => dir);
}

/** Whether `dir` is on a case-insensitive file system: the folder found again under other case. */
async function ignoresCase(dir: string): Promise<boolean> {
  const name = basename(dir);
  const swapped = [...name].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  if (swapped === name) {
    // No letters in this name: ask its parent, or fall back on the platform's usual default.
    const parent = dirname(dir);
    return parent === dir ? process.platform === 'darwin' || process.platform === 'win32' : ignoresCase(parent);
  }
  const [original, other] = [await identity(dir), await identity(join(dirname(dir), swapped))];
  return original !== undefined && original === other;
}

/** Device and inode of what `path` names (links followed), or undefined when it does not exist. */
async function identity(path: string): Promise<string | undefined> {
  let info: BigIntStats;
  try {
    info = await stat(path, { bigint: true });
  } catch {
    return undefined;
  }
  // Some file systems (FAT on Windows) have no inode numbers: the real path is the next best name.
  if (info.ino === 0n) return `path:${await realpath(path).catch(() => resolve(path))}`;
  return `${info.dev}:${info.ino}`;
}

function isCode(error: unknown, code: string): boolean {
  return error !== null && typeof error === 'object' && 'code' in error && error.code === code;
}
