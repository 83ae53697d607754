// The esbuild options of cxm's bundle, shared by scripts/build.mjs and the bench's library floor
// (bench/run.mjs), which must be bundled the same way to be a fair comparison.
import { readFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';

/** @typedef {import('esbuild').Plugin} Plugin */

// The yaml parser reads process.env.LOG_TOKENS (a debugging switch) once per token; process.env is a
// slow C++ getter, about a tenth of the time spent parsing a batch of answer files. Fix it to false.
/** @type {Plugin} */
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
// zod re-exports ~40 error-message locales as `z.locales`, half of its size in the bundle and parsed
// at every start. cxm only uses English messages (zod's default), so the other locales are left out.
/** @type {Plugin} */
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
/** @type {Plugin} */
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
/** @param {string} root @returns {Plugin} */
const cliTable3SharesOurWidth = (root) => ({
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
});

/**
 * Options for an ESM bundle of Node code (entry points and output left to the caller).
 * @param {string} root the package folder
 * @returns {import('esbuild').BuildOptions & { write: false }}
 */
export function bundleOptions(root) {
  const plugins = [yamlDebugSwitchesOff, zodEnglishOnly, commanderLazyChildProcess, cliTable3SharesOurWidth(root)];
  // For measuring what a plugin saves (docs/performance.md): CXM_BUILD_WITHOUT=name,name builds without them.
  const without = (process.env.CXM_BUILD_WITHOUT ?? '').split(',');
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    write: false,
    minify: !process.env.CXM_NO_MINIFY,
    logLevel: 'warning',
    plugins: plugins.filter((plugin) => !without.includes(plugin.name)),
    // CommonJS dependencies (cli-table3) call require() on Node built-ins; ESM output has no require.
    banner: {
      js: "import { createRequire as __cxmCreateRequire } from 'node:module'; const require = __cxmCreateRequire(import.meta.url);",
    },
  };
}
