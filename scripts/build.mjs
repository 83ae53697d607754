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
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'score-worker': 'src/io/score-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  write: false,
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (cli-table3) call require() on Node built-ins; ESM output has no require.
  banner: { js: "import { createRequire as __cxmCreateRequire } from 'node:module'; const require = __cxmCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [yamlDebugSwitchesOff],
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
  if (entry.isFile() && !written.has(relative(outdir, path)) && !path.endsWith('.tmp')) await rm(path, { force: true });
}

// The JSON Schemas are generated from the zod schemas, so editors and `cxm schema` never disagree.
await mkdir(join(root, 'schemas'), { recursive: true });
for (const kind of ['questionnaire', 'answers', 'report', 'diff']) {
  const json = execFileSync(process.execPath, [join(root, 'bin/cxm.js'), 'schema', kind], { encoding: 'utf8' });
  await writeFile(join(root, 'schemas', `${kind}.schema.json`), json);
}
