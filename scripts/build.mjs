// Bundles the CLI into dist/ with esbuild: one start-up file plus lazily loaded chunks, so that
// `cxm --version` does not pay for the reporters, prompts or scorer (see the Speed section of the README).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (cli-table3) call require() on Node built-ins; ESM output has no require.
  banner: { js: "import { createRequire as __cxmCreateRequire } from 'node:module'; const require = __cxmCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The JSON Schemas are generated from the zod schemas, so editors and `cxm schema` never disagree.
const { execFileSync } = await import('node:child_process');
const { mkdir, writeFile } = await import('node:fs/promises');
await mkdir(new URL('../schemas/', import.meta.url), { recursive: true });
for (const kind of ['questionnaire', 'answers', 'report']) {
  const json = execFileSync(process.execPath, ['bin/cxm.js', 'schema', kind], { encoding: 'utf8' });
  await writeFile(new URL(`../schemas/${kind}.schema.json`, import.meta.url), json);
}
