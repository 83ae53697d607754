// Bundles the CLI into dist/ with esbuild: one start-up file plus lazily loaded chunks, so that
// `cxm --version` does not pay for the reporters, prompts or scorer (see the Speed section of the README).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

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

const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'score-worker': 'src/io/score-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  write: false,
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (cli-table3) call require() on Node built-ins; ESM output has no require.
  banner: { js: "import { createRequire as __cxmCreateRequire } from 'node:module'; const require = __cxmCreateRequire(import.meta.url);" },
  minify: process.env.CXM_NO_MINIFY ? false : true,
  logLevel: 'warning',
  plugins: [yamlDebugSwitchesOff, zodEnglishOnly, commanderLazyChildProcess],
});

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
  const keep = written.has(relative(outdir, path)) || path.endsWith('.tmp') || relative(outdir, path).startsWith('questionnaires');
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

// The JSON Schemas are generated from the zod schemas, so editors and `cxm schema` never disagree.
await mkdir(join(root, 'schemas'), { recursive: true });
for (const kind of ['questionnaire', 'answers', 'report', 'diff']) {
  const json = execFileSync(process.execPath, [join(root, 'bin/cxm.js'), 'schema', kind], { encoding: 'utf8' });
  await writeFile(join(root, 'schemas', `${kind}.schema.json`), json);
}
