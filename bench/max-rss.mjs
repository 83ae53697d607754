// Preloaded with --import: appends the process's peak resident set size in KiB (worker threads
// included, they share the process) to the file named by CXM_BENCH_RSS_FILE at exit.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  const target = process.env.CXM_BENCH_RSS_FILE;
  if (target) appendFileSync(target, `${process.resourceUsage().maxRSS}\n`);
});
