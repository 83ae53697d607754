import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidInputError, UserError } from '../errors.js';
import type { Problem } from '../model/problem.js';
import { describeFsError } from './read-bounded.js';
import { checkStdinOnce, isStdin } from './read-stdin.js';

export const ANSWER_FILE_PATTERN = /\.(ya?ml|json)$/i;

export interface DiscoveredFile {
  /** The path as the user would write it: the argument, or the argument joined with the name found in it. */
  path: string;
  /** Found inside a folder rather than named on the command line. */
  fromFolder: boolean;
}

/**
 * Expands command-line arguments: a file stays as given; a folder gives every .yaml/.yml/.json file
 * below it, sorted (dot-files, dot-folders such as .git, and node_modules are skipped). A missing path or a folder
 * without any such file is a usage error (exit 2). A file named twice is scored once.
 */
export async function discoverAnswerFiles(args: readonly string[]): Promise<DiscoveredFile[]> {
  checkStdinOnce(args);
  const found: DiscoveredFile[] = [];
  // Only several arguments can name a file twice; one folder of 20,000 files then needs no set of
  // 20,000 absolute paths (the main thread's heap would grow to fit them, and stay grown).
  const seen = args.length > 1 ? new Set<string>() : undefined;
  const push = (path: string, fromFolder: boolean) => {
    if (seen) {
      const key = resolve(path);
      if (seen.has(key)) return;
      seen.add(key);
    }
    found.push({ path, fromFolder });
  };
  for (const arg of args) {
    if (isStdin(arg)) {
      found.push({ path: arg, fromFolder: false });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(arg)).isDirectory();
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw new UserError(`"${arg}": ${describeFsError(error)}`);
      throw new UserError(`"${arg}" not found`, { hint: 'give answer files (.yaml, .yml, .json) or folders of them' });
    }
    if (!isDirectory) {
      push(arg, false);
      continue;
    }
    const names = await listAnswerFiles(arg);
    if (names.length === 0) throw new UserError(`no answer files (.yaml, .yml, .json) in the folder "${arg}"`);
    // join(arg, name) for each, without normalising the folder 20,000 times over: the names found
    // are plain relative paths (no ".", "..", or empty parts), so only the folder needs it.
    const folder = join(arg, 'x').slice(0, -1);
    for (const name of names) push(folder + name, true);
  }
  return found;
}

/**
 * Every .yaml, .yml and .json file below `dir` (dot-files and dot-folders skipped), as relative
 * paths in code-point order. Links to folders are not followed (the walk stays inside `dir` and
 * cannot loop); a link to a file is read like the file. Whatever cannot be read (a folder without
 * permission, a path over the system's limit, a broken link or a link loop) is a problem line with
 * its path, and the whole folder is walked before they are reported together.
 */
export async function listAnswerFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const problems: Problem[] = [];
  const fail = (relative: string, error: unknown) => {
    const reason = isCode(error, 'ENOENT') && relative !== '' ? 'a broken link (its target does not exist)' : describeFsError(error);
    problems.push({ file: join(dir, relative), line: 0, column: 0, path: '', message: reason, severity: 'error' });
  };
  const walk = async (relative: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(join(dir, relative), { withFileTypes: true });
    } catch (error) {
      fail(relative, error);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = relative === '' ? entry.name : join(relative, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (!ANSWER_FILE_PATTERN.test(entry.name)) continue;
      else if (entry.isSymbolicLink()) {
        try {
          // A link to a file is read; a link to a folder is not followed.
          if (!(await stat(join(dir, path))).isDirectory()) out.push(path);
        } catch (error) {
          fail(path, error);
        }
        // Regular files, and FIFOs or devices named like answer files, which the reader refuses in one line.
      } else out.push(path);
    }
  };
  await walk('');
  if (problems.length > 0) throw new InvalidInputError(problems);
  // Code-point order, not the locale's: the same files give the same report everywhere.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isCode(error: unknown, code: string): boolean {
  return error !== null && typeof error === 'object' && 'code' in error && error.code === code;
}
