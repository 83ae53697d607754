// The esbuild options of cxm's bundle, shared by scripts/build.mjs and the bench's library floor
// (bench/run.mjs), which must be bundled the same way to be a fair comparison. The libraries are
// bundled as published: the plugins that rewrote their sources saved less than 10 % of a one-file
// `cxm score` each once the start-up snapshot was gone (figures in docs/performance.md).

/**
 * Options for an ESM bundle of Node code (entry points and output left to the caller).
 * @param {string} root the package folder
 * @returns {import('esbuild').BuildOptions & { write: false }}
 */
export function bundleOptions(root) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    write: false,
    minify: !process.env.CXM_NO_MINIFY,
    logLevel: 'warning',
    // CommonJS dependencies (cli-table3) call require() on Node built-ins; ESM output has no require.
    banner: {
      js: "import { createRequire as __cxmCreateRequire } from 'node:module'; const require = __cxmCreateRequire(import.meta.url);",
    },
  };
}
