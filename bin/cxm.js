#!/usr/bin/env node
// The cxm command: one JavaScript entry, as npm links it on every system (cmd-shim turns it into
// cxm.cmd and cxm.ps1 on Windows, which call node on this file).
// CommonJS (bin/package.json says so) on purpose: Node starts a CommonJS file sooner than an ES
// module, whose loader it would set up first; for `cxm --version` that is a third of the time
// (docs/performance.md). The bundle itself is ESM and loaded with import().
'use strict';
const { existsSync, readFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // The bare version needs no argument parser, so it is answered before the bundle loads; it is
  // exactly what commander's `--version` prints (test/io/entry.test.ts compares them).
  /** @type {{ version: string }} */
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  try {
    writeSync(1, `${version}\n`);
  } catch (error) {
    // A closed pipe (`cxm --version | true`) is not an error of cxm's.
    if (!(error instanceof Error && 'code' in error && error.code === 'EPIPE')) throw error;
  }
} else {
  const bundle = join(__dirname, '..', 'dist', 'cli.js');
  if (!existsSync(bundle)) {
    // A fresh clone before `npm ci` has no bundle yet: say so instead of printing a stack trace.
    process.stderr.write('cxm: not built yet: run `npm ci` (or `npm run build`) in the cxm folder first\n');
    process.exit(2);
  }
  // Node >= 22.1 keeps the code it compiled for the bundle on disk (in the system's temporary
  // folder) and reuses it at the next start: a short command then skips most of its compiling.
  // Node 20 has no such cache; the optional call leaves it out there.
  /** @type {{ enableCompileCache?: () => unknown }} */ (require('node:module')).enableCompileCache?.();
  // A rejection (an internal error) ends node with its stack and exit 1, as an ESM entry's would.
  import(pathToFileURL(bundle).href);
}
