// Preloaded with NODE_OPTIONS=--require by bench/run.mjs: appends the process's peak resident set
// size in KiB (worker threads included, they share the process) to the file named by
// CXM_BENCH_RSS_FILE when the main thread exits.
const { appendFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.on('exit', () => {
    const target = process.env.CXM_BENCH_RSS_FILE;
    if (target) appendFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
