// Bundles the CLI into dist/ with esbuild: one start-up file plus lazily loaded chunks, so that
// `cxm --version` does not pay for the reporters, prompts or scorer (see the Speed section of the README).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');

// The yaml parser reads process.env.LOG_TOKENS (a debugging switch) once per token; process.env is a
// slow C++ getter, about a tenth of the time spent parsing a batch of answer files. Fix it to false.
const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replace(/node_process\.env\.LOG_(TOKENS|STREAM)/g, 'false');
      if (patched === source) throw new Error(`yaml-debug-switches-off: nothing to patch in ${args.path}`);
      return { contents: patched, loader: 'js' };
    });
  },
};
const outdir = join(root, 'dist');
// zod re-exports ~40 error-message locales as `z.locales`, half of its size in the bundle and parsed
// at every start. cxm only uses English messages (zod's default), so the other locales are left out.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

// commander loads node:child_process at start-up for executable subcommands, which cxm has none
// of; loading it only when used takes a few milliseconds off every command.
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`commander-lazy-child-process: nothing to patch in ${args.path}`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

// string-width creates an Intl.Segmenter when it is evaluated, and Intl objects cannot be saved in
// a start-up snapshot: in the snapshot's bundle it is evaluated on first use instead.
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      // cli-table3 requires its own string-width 4, which creates no Intl object.
      if (args.namespace === 'lazy-string-width' || args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      const real = await build.resolve('string-width', { kind: args.kind, resolveDir: args.resolveDir, namespace: 'lazy-string-width' });
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let width; export default function stringWidth(text, options) { width ??= require(${JSON.stringify(args.path)}).default; return width(text, options); }`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

// chalk guesses the terminal's colours when it is evaluated (node:tty, the environment), which a
// snapshot would freeze at build time. cxm never uses that guess (src/report/color.ts decides and
// passes a level to each Chalk), so the snapshot's chalk gets a guess of "no colour" instead.
const chalkWithoutGuess = {
  name: 'chalk-without-guess',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'chalk-without-guess' }));
    build.onLoad({ filter: /.*/, namespace: 'chalk-without-guess' }, () => ({
      contents: 'export function createSupportsColor() { return false; } export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

// Code restored from a snapshot cannot import() (Node gives it no module loader for that), so the
// snapshot's bundle loads the Node built-ins that cxm imports lazily with require() instead.
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtins-by-require' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtins-by-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

// cli-table3 measures cells with string-width 4, which builds its 10 KB emoji regular expression
// on every call: a third of a one-file `cxm score`. It gets the width function of our own wrapping
// instead (src/text/width.ts: string-width 7 for anything but plain English and Japanese), so
// table columns and wrapped text also agree on the width of every character.
const cliTable3SharesOurWidth = {
  name: 'cli-table3-shares-our-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) => {
      if (!args.importer.includes(`${sep}cli-table3${sep}`)) return undefined;
      return { path: join(root, 'src/text/width.ts'), namespace: 'cli-table3-width' };
    });
    build.onLoad({ filter: /.*/, namespace: 'cli-table3-width' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)}).displayWidth;`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  write: false,
  minify: !process.env.CXM_NO_MINIFY,
  logLevel: 'warning',
  plugins: [yamlDebugSwitchesOff, zodEnglishOnly, commanderLazyChildProcess, cliTable3SharesOurWidth],
};

// The ESM build: the worker threads' script, bin/cxm.js (started without the snapshot), and what
// the snapshot build below falls back on.
const result = await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts', 'score-worker': 'src/io/score-worker.ts' },
  outdir,
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (cli-table3) call require() on Node built-ins; ESM output has no require.
  banner: { js: "import { createRequire as __cxmCreateRequire } from 'node:module'; const require = __cxmCreateRequire(import.meta.url);" },
});

// The start-up snapshot's entry: one CommonJS file (a snapshot cannot load modules from files).
const snapshotEntry = await build({
  ...common,
  entryPoints: ['src/snapshot.ts'],
  outfile: join(outdir, 'snapshot.cjs'),
  format: 'cjs',
  // Restored code has no file of its own; src/snapshot.ts tells it where the package is instead.
  define: { 'import.meta.url': 'undefined' },
  plugins: [...common.plugins, lazyStringWidth, chalkWithoutGuess, builtinsByRequire],
});
if (snapshotEntry.outputFiles.some((file) => /\bimport\(\s*["'`]/.test(file.text))) {
  throw new Error('dist/snapshot.cjs imports a module at run time, which a snapshot cannot; bundle it or require() it');
}
result.outputFiles.push(...snapshotEntry.outputFiles);

// One character outside ASCII (esbuild escapes them in strings, not in regular expressions) makes V8
// keep the whole file as a two-byte string: the snapshot's source would take 1.2 MB instead of 0.6.
// (The unminified debugging build keeps comments, which may be in any language.)
for (const file of common.minify ? result.outputFiles : []) {
  const at = file.contents.findIndex((byte) => byte > 0x7f);
  if (at >= 0)
    throw new Error(
      `${relative(root, file.path)}: non-ASCII output near "${Buffer.from(file.contents.slice(Math.max(0, at - 40), at + 8)).toString('utf8')}"; escape it in the source`,
    );
}

// Replace files one by one (temp + rename) and only then drop stale chunks, so a CLI started while
// a build runs (a parallel test run) never finds dist/ half empty.
const written = new Set();
for (const file of result.outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  const temp = `${file.path}.${process.pid}.tmp`;
  await writeFile(temp, file.contents);
  await rename(temp, file.path);
  written.add(relative(outdir, file.path));
}
for (const entry of await readdir(outdir, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  const name = relative(outdir, path);
  const keep = written.has(name) || path.endsWith('.tmp') || name.startsWith('questionnaires') || name.startsWith('cxm.blob');
  if (entry.isFile() && !keep) await rm(path, { force: true });
}

// The bundled questionnaires, validated once here instead of at every start (see compiled-questionnaire.ts).
const compiler = await build({
  absWorkingDir: root,
  entryPoints: ['scripts/compile-questionnaires.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  write: false,
  banner: { js: "import { createRequire as __cxmCreateRequire } from 'node:module'; const require = __cxmCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
const compilerScript = join(outdir, `.compile-questionnaires.${process.pid}.mjs`);
await writeFile(compilerScript, compiler.outputFiles[0].contents);
try {
  execFileSync(process.execPath, [compilerScript], { stdio: 'inherit' });
} finally {
  await rm(compilerScript, { force: true });
}

// The start-up snapshot itself, built by the node that runs the build: a blob only loads in the
// node version that made it, so bin/cxm checks that node is still the same file (cxm.blob.node).
const blob = join(outdir, 'cxm.blob');
const tempBlob = `${blob}.${process.pid}.tmp`;
try {
  execFileSync(process.execPath, ['--snapshot-blob', tempBlob, '--build-snapshot', join(outdir, 'snapshot.cjs')], {
    stdio: 'inherit',
    env: { ...process.env, CXM_SNAPSHOT_ROOT: root },
  });
  await writeFile(`${blob}.node.${process.pid}.tmp`, `${process.execPath}\n`);
  await rename(tempBlob, blob);
  await rename(`${blob}.node.${process.pid}.tmp`, `${blob}.node`);
} finally {
  await rm(tempBlob, { force: true });
}

// The JSON Schemas are generated from the zod schemas, so editors and `cxm schema` never disagree.
await mkdir(join(root, 'schemas'), { recursive: true });
for (const kind of ['questionnaire', 'answers', 'report', 'diff']) {
  const json = execFileSync(process.execPath, [join(root, 'bin/cxm.js'), 'schema', kind], { encoding: 'utf8' });
  await writeFile(join(root, 'schemas', `${kind}.schema.json`), json);
}
