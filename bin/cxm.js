#!/usr/bin/env node
try {
  await import('../dist/cli.js');
} catch (error) {
  // A fresh clone before `npm ci` has no bundle yet: say so instead of printing a stack trace.
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/cli.js')) {
    process.stderr.write('cxm: not built yet: run `npm ci` (or `npm run build`) in the cxm folder first\n');
    process.exit(2);
  }
  throw error;
}
