#!/usr/bin/env node
'use strict';
// The plain entry of cxm (bin/cxm starts the snapshot instead when it can). CommonJS on purpose:
// Node starts a CommonJS file ~5 ms sooner than an ES module, a third of `cxm --version`'s budget.
// The bare version needs no argument parser either, so it is answered before commander loads; it
// prints exactly what commander's `--version` prints (test/io/launcher.test.ts compares them).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  try {
    require('node:fs').writeSync(1, `${require('../package.json').version}\n`);
  } catch (error) {
    // A closed pipe (`cxm --version | true`) is not an error of cxm's.
    if (error?.code !== 'EPIPE') throw error;
  }
} else {
  import('../dist/cli.js').catch((error) => {
    // A fresh clone before `npm ci` has no bundle yet: say so instead of printing a stack trace.
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/cli.js')) {
      process.stderr.write('cxm: not built yet: run `npm ci` (or `npm run build`) in the cxm folder first\n');
      process.exit(2);
    }
    throw error;
  });
}
