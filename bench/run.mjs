// `npm run bench`: generates its inputs, then prints medians over repeated runs, each next to a
// baseline measured in the same run (interleaved, so machine noise hits both alike), with the
// targets of the speed issue and pass/fail. Figures are wall-clock medians; ratios are what count.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerFile, ensureAnswerDir, questionIds } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench/.work');
// The installed command (the launcher of the start-up snapshot), as a user or CI runs it.
const cxm = join(root, 'bin/cxm');
const node = process.execPath;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const BATCH_RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 5);
const BATCH_FILES = Number(process.env.BENCH_BATCH_FILES ?? 10_000);

const questions = await questionIds(join(root, 'questionnaires/versions/cxm-playbook-1.0.0.yaml')); // the answers name 1.0.0 (bench/generate.mjs);
mkdirSync(work, { recursive: true });
const one = join(work, 'one.yaml');
writeFileSync(
  one,
  answerFile(questions, 1, () => 0.5),
);
process.stderr.write('generating answer files…\n');
const dirs = { 1000: join(work, 'answers-1000'), [BATCH_FILES]: join(work, `answers-${BATCH_FILES}`), 20000: join(work, 'answers-20000') };
for (const [count, dir] of Object.entries(dirs)) await ensureAnswerDir(dir, Number(count), questions);

// bin/cxm drops NODE_EXTRA_CA_CERTS (see there), which Node parses at every start. Measured with it,
// node -e 0 would carry a cost cxm does not pay, and every ratio would flatter cxm; so every command
// here, baselines included, runs without it. Its cost is printed after the table when it is set.
const userEnv = { ...process.env, NO_COLOR: '1' };
const benchEnv = { ...userEnv };
delete benchEnv.NODE_EXTRA_CA_CERTS;

/** Wall time of one run of `command` in ms. */
function time([command, ...args], env = benchEnv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs subject and baseline alternately `runs` times (after one warm-up each); medians in ms. */
function compare(subject, baseline, runs) {
  time(subject);
  time(baseline);
  const s = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    b.push(time(baseline));
    s.push(time(subject));
  }
  return { subject: median(s), baseline: median(b) };
}

function peakRss([command, ...args]) {
  const file = join(work, 'rss.txt');
  rmSync(file, { force: true });
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...benchEnv, CXM_BENCH_RSS_FILE: file, NODE_OPTIONS: `--require ${join(root, 'bench/max-rss.cjs')}` },
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(readFileSync(file, 'utf8').trim()) / 1024;
}

const rows = [];
const row = (what, figure, baselineName, baselineFigure, ratio, target) =>
  rows.push({
    what,
    figure,
    baseline: `${baselineName} ${baselineFigure}`,
    ratio: ratio.toFixed(2),
    target: `≤ ${target.toFixed(2)}`,
    result: ratio <= target ? 'pass' : 'FAIL',
  });

process.stderr.write('timing start-up…\n');
const version = compare([cxm, '--version'], [node, '-e', '0'], RUNS);
row(
  'cxm --version',
  `${version.subject.toFixed(1)} ms`,
  'node -e 0',
  `${version.baseline.toFixed(1)} ms`,
  version.subject / version.baseline,
  1.3,
);
const single = compare([cxm, 'score', one], [node, '-e', '0'], RUNS);
row(
  'cxm score one.yaml (text)',
  `${single.subject.toFixed(1)} ms`,
  'node -e 0',
  `${single.baseline.toFixed(1)} ms`,
  single.subject / single.baseline,
  1.5,
);

process.stderr.write(`timing ${BATCH_FILES} files…\n`);
const batch = compare(
  [cxm, 'score', dirs[BATCH_FILES], '--format', 'json'],
  [node, join(root, 'bench/parse-floor.mjs'), dirs[BATCH_FILES]],
  BATCH_RUNS,
);
row(
  `cxm score ${BATCH_FILES} files --format json`,
  `${(batch.subject / 1000).toFixed(2)} s`,
  'parse floor',
  `${(batch.baseline / 1000).toFixed(2)} s`,
  batch.subject / batch.baseline,
  1.0,
);

process.stderr.write('measuring peak RSS…\n');
const rssSmall = median([0, 1, 2].map(() => peakRss([cxm, 'score', dirs[1000]])));
const rssLarge = median([0, 1, 2].map(() => peakRss([cxm, 'score', dirs[20000]])));
row(
  'peak RSS, cxm score 20,000 files',
  `${rssLarge.toFixed(0)} MiB`,
  '1,000 files',
  `${rssSmall.toFixed(0)} MiB`,
  rssLarge / rssSmall,
  1.5,
);

console.log(`cxm benchmark — node ${process.version}, ${RUNS} runs (start-up), ${BATCH_RUNS} runs (batch), medians\n`);
const headers = ['what', 'figure', 'baseline', 'ratio', 'target', 'result'];
const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(line(headers));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(headers.map((h) => r[h])));
if (userEnv.NODE_EXTRA_CA_CERTS !== undefined) {
  const nodeStart = (env) => median(Array.from({ length: RUNS }, () => time([node, '-e', '0'], env)));
  const [withCerts, without] = [nodeStart(userEnv), nodeStart(benchEnv)];
  console.log(
    `\nThis environment sets NODE_EXTRA_CA_CERTS: node -e 0 takes ${withCerts.toFixed(1)} ms with it, ${without.toFixed(1)} ms without. ` +
      'cxm drops it, so the figures above are measured without it, baselines included.',
  );
}
process.exitCode = rows.every((r) => r.result === 'pass') ? 0 : 1;
