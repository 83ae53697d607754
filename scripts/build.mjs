// Bundles the CLI into dist/ with esbuild: one start-up file plus lazily loaded chunks, so that
// `cxm --version` does not pay for the reporters, prompts or scorer (see the Speed section of the README).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
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

// cli-table3 measures cells with string-width 4, which builds its 10 KB emoji regular expression
// on every call: a third of a one-file `cxm score`. It gets the width function of our own wrapping
// instead (src/report/width.ts: string-width 7 for anything but plain English and Japanese), so
// table columns and wrapped text also agree on the width of every character.
const cliTable3SharesOurWidth = {
  name: 'cli-table3-shares-our-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) => {
      if (!args.importer.includes(`${sep}cli-table3${sep}`)) return undefined;
      return { path: join(root, 'src/report/width.ts'), namespace: 'cli-table3-width' };
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
  plugins: [yamlDebugSwitchesOff, zodEnglishOnly, commanderLazyChildProcess, cliTable3SharesOurWidth].filter(
    // For measuring what a plugin saves (docs/performance.md): CXM_BUILD_WITHOUT=name,name builds without them.
    (plugin) => !(process.env.CXM_BUILD_WITHOUT ?? '').split(',').includes(plugin.name),
  ),
};

// One ESM entry and lazily loaded chunks; the worker threads' script is an entry of its own.
const result = await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts', 'score-worker': 'src/io/score-worker.ts' },
  outdir,
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  // CommonJS dependencies (cli-table3) call require() on Node built-ins; ESM output has no require.
  banner: { js: "import { createRequire as __cxmCreateRequire } from 'node:module'; const require = __cxmCreateRequire(import.meta.url);" },
});

// The package has no runtime dependencies: the bundle must hold everything but Node's built-ins.
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  const outside = output.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path);
  if (outside.length > 0) throw new Error(`${file} imports ${outside.join(', ')} at run time; bundle it (a user installs no dependency)`);
}
result.outputFiles.push(notices(result.metafile));

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
  const keep = written.has(name) || path.endsWith('.tmp') || name.startsWith('questionnaires');
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
  const path = join(root, 'schemas', `${kind}.schema.json`);
  await writeFile(`${path}.${process.pid}.tmp`, json);
  await rename(`${path}.${process.pid}.tmp`, path);
}

/**
 * dist/THIRD-PARTY-NOTICES.md: name, version, licence and licence text of every package the bundle
 * holds, found from esbuild's list of inputs (a package counts once, at its innermost node_modules).
 * @param {import('esbuild').Metafile} metafile
 * @returns {import('esbuild').OutputFile}
 */
function notices(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(?:[\w-]+:)?(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) dirs.add(match[1]);
  }
  const sections = [...dirs]
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      const licenceFile = readdirSync(join(root, dir)).find((name) => /^(licen[cs]e|copying)(\b|[.-])/i.test(name));
      if (!licenceFile) throw new Error(`${dir} has no licence file to include in THIRD-PARTY-NOTICES.md`);
      const text = readFileSync(join(root, dir, licenceFile), 'utf8').trim();
      return { name: pkg.name, text: `## ${pkg.name} ${pkg.version}\n\nLicence: ${pkg.license}\n\n\`\`\`\`text\n${text}\n\`\`\`\`\n` };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const text =
    '# Third-party notices\n\n' +
    `cxm's bundle (dist/) holds the following ${sections.length} packages, each under its own licence, reproduced here.\n\n` +
    sections.map((s) => s.text).join('\n');
  const path = join(outdir, 'THIRD-PARTY-NOTICES.md');
  const contents = Buffer.from(text, 'utf8');
  return { path, contents, text, hash: '' };
}
