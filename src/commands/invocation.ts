import { existsSync, realpathSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative, sep } from 'node:path';

/**
 * The command a user types to run this cxm again, for the lines that say how to go on
 * ("Resume with: …"): `cxm` when that name on the PATH is this very program, `npx cxm` under
 * npx, else node on the script as it was started (`node bin/cxm.js` from a clone).
 */
export function cxmInvocation(env: NodeJS.ProcessEnv = process.env, script = process.argv[1], cwd = process.cwd()): string {
  if (script === undefined || onPath(env.PATH ?? '', script)) return 'cxm';
  // npx runs a package's bin from node_modules (the project's, or its cache's); npm_command alone
  // is also set for any program an npm script starts.
  if (env.npm_command === 'exec' && realOrSelf(script).split(sep).includes('node_modules')) return 'npx cxm';
  const rel = relative(cwd, script);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? script : rel;
  return `node ${shellQuote(shown)}`;
}

function onPath(path: string, script: string): boolean {
  const target = realOrSelf(script);
  return path.split(delimiter).some((dir) => {
    if (dir === '') return false;
    // npm's Windows shims (cxm.cmd) call node on the script: their name is enough.
    if (process.platform === 'win32') return existsSync(join(dir, 'cxm.cmd'));
    const candidate = join(dir, 'cxm');
    return existsSync(candidate) && realOrSelf(candidate) === target;
  });
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A word a POSIX shell reads back as it is: quoted only when it needs to be. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
