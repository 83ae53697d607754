// Bundles the CLI into dist/ with esbuild: one start-up file plus lazily loaded chunks, so that a
// command does not pay for the reporters, prompts or scorer it does not use (docs/performance.md).
// Also writes dist/THIRD-PARTY-NOTICES.md, the compiled bundled questionnaires and schemas/.
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outdir = join(root, 'dist');

// One ESM entry and lazily loaded chunks; the worker threads' script is an entry of its own.
const result = await build({
  ...bundleOptions(root),
  entryPoints: { cli: 'src/cli.ts', 'score-worker': 'src/io/score-worker.ts' },
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
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
const [compilerBundle] = compiler.outputFiles;
if (!compilerBundle) throw new Error('esbuild wrote no questionnaire compiler');
await writeFile(compilerScript, compilerBundle.contents);
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
      // A few small packages in exceljs's tree publish no licence file (isarray), or state no licence
      // at all (buffers): say so rather than invent one, and warn whoever builds.
      if (!pkg.license && !licenceFile) console.warn(`build: ${dir} states no licence; listed as such in THIRD-PARTY-NOTICES.md`);
      const author = pkg.author ? ` (author: ${typeof pkg.author === 'string' ? pkg.author : pkg.author.name})` : '';
      const text = licenceFile
        ? readFileSync(join(root, dir, licenceFile), 'utf8').trim()
        : `${pkg.name} publishes no licence file; its package.json gives the licence as ${pkg.license ?? 'nothing: no licence is stated'}${author}.`;
      return {
        name: pkg.name,
        text: `## ${pkg.name} ${pkg.version}\n\nLicence: ${pkg.license ?? 'not stated'}\n\n\`\`\`\`text\n${text}\n\`\`\`\`\n`,
      };
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
