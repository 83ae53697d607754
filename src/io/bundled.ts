import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The package root, found by walking up: the code runs from src/ (tests) and from dist/ (bundle). */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'questionnaires'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the cxm package root');
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

export function bundledDir(): string {
  return join(packageRoot(), 'questionnaires');
}

/** Bundled questionnaire ids, from the file names (`<id>.yaml`). */
export function bundledIds(): string[] {
  return readdirSync(bundledDir())
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ''))
    .sort();
}

export function bundledPath(id: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  for (const ext of ['.yaml', '.yml']) {
    const path = join(bundledDir(), id + ext);
    if (existsSync(path)) return path;
  }
  return undefined;
}
