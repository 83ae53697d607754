import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Installation {
  root: string;
  /** True when running the bundle in dist/ (which has the worker script), false for the TypeScript sources. */
  fromDist: boolean;
}

let installation: Installation | undefined;

/** Found by walking up from this module: the code runs from src/ (tests) and from dist/ (bundle). */
function locate(): Installation {
  if (installation) return installation;
  const here = fileURLToPath(import.meta.url);
  let dir = dirname(here);
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'questionnaires'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the cxm package root');
    dir = parent;
  }
  installation = { root: dir, fromDist: here.startsWith(join(dir, 'dist') + sep) };
  return installation;
}

export function packageRoot(): string {
  return locate().root;
}

export function runsFromDist(): boolean {
  return locate().fromDist;
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

/** Earlier versions of the bundled questionnaires: questionnaires/versions/<id>-<version>.yaml. */
export function bundledVersionsDir(): string {
  return join(bundledDir(), 'versions');
}

/** The files of the earlier bundled versions (any id), sorted by name. */
export function bundledVersionPaths(): string[] {
  const dir = bundledVersionsDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** The file of an earlier bundled version of `id`, if that version is bundled. */
export function bundledVersionPath(id: string, version: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(id) || !/^[0-9A-Za-z.+-]+$/.test(version)) return undefined;
  for (const ext of ['.yaml', '.yml']) {
    const path = join(bundledVersionsDir(), `${id}-${version}${ext}`);
    if (existsSync(path)) return path;
  }
  return undefined;
}
