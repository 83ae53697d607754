// `npm run bench:survey`: scoring survey exports (issue 16). Generates a seeded 100,000-row CSV, a
// 10,000-row CSV and a 10,000-row xlsx of the bundled questionnaire, then prints medians of
// interleaved runs next to their floors — the same parser reading the same file in one process —
// with the targets and pass/fail. Wall-clock figures move with the machine's load; ratios count.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSurveyCsv, ensureSurveyXlsx, surveyShape } from './survey-generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench/.work');
const node = process.execPath;
// The installed command: node on bin/cxm.js, as npm's bin link starts it.
const cxm = [node, join(root, 'bin/cxm.js')];
const floor = join(root, 'bench/survey-floor.mjs');
const RUNS = Number(process.env.BENCH_SURVEY_RUNS ?? 5);
const LARGE = Number(process.env.BENCH_SURVEY_ROWS ?? 100_000);
const SMALL = LARGE / 10;

mkdirSync(work, { recursive: true });
const shape = await surveyShape(join(root, 'questionnaires/cxm-playbook.yaml'));
const files = {
  large: join(work, `survey-${LARGE}.csv`),
  small: join(work, `survey-${SMALL}.csv`),
  xlsx: join(work, `survey-${SMALL}.xlsx`),
};
process.stderr.write('generating survey exports…\n');
await ensureSurveyCsv(files.large, LARGE, shape);
await ensureSurveyCsv(files.small, SMALL, shape);
await ensureSurveyXlsx(files.xlsx, SMALL, shape);

// As in bench/run.mjs: cxm drops NODE_EXTRA_CA_CERTS, so every command here runs without it.
/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;
const out = join(work, 'survey-report.json');
/**
 * @param {string} file
 * @returns {string[]} a command and its arguments
 */
const score = (file) => [...cxm, 'score', file, '--questionnaire', 'cxm-playbook', '--format', 'json', '--out', out, '--quiet'];

/** @param {string[]} commandLine */
function time([command, ...args]) {
  if (command === undefined) throw new Error('time: empty command line');
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * @param {number[]} values
 * @returns {number}
 */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  // No values gives NaN, as `undefined` arithmetic did before the types.
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};

/**
 * Subject and floor alternately, `RUNS` times each after one warm-up: machine noise hits both alike.
 * @param {string[]} subject
 * @param {string[]} baseline
 */
function compare(subject, baseline) {
  time(subject);
  time(baseline);
  const s = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(time(baseline));
    s.push(time(subject));
  }
  return { subject: median(s), baseline: median(b) };
}

/**
 * Peak RSS in MiB, from bench/max-rss.cjs preloaded into the process (it reaches the snapshot too).
 * @param {string[]} commandLine
 */
function peakRss([command, ...args]) {
  if (command === undefined) throw new Error('peakRss: empty command line');
  const file = join(work, 'survey-rss.txt');
  rmSync(file, { force: true });
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...env, CXM_BENCH_RSS_FILE: file, NODE_OPTIONS: `--require ${join(root, 'bench/max-rss.cjs')}` },
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(readFileSync(file, 'utf8').trim()) / 1024;
}

/** @typedef {{ what: string, figure: string, baseline: string, ratio: string, target: string, result: string }} Row */
/** @type {Row[]} */
const rows = [];
/**
 * @param {string} what
 * @param {string} figure
 * @param {string} baseline
 * @param {number} ratio
 * @param {number} target
 */
const row = (what, figure, baseline, ratio, target) =>
  rows.push({
    what,
    figure,
    baseline,
    ratio: ratio.toFixed(2),
    target: `≤ ${target.toFixed(2)}`,
    result: ratio <= target ? 'pass' : 'FAIL',
  });
/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** @param {number} n */
const count = (n) => n.toLocaleString('en');

process.stderr.write(`timing ${count(LARGE)} CSV rows…\n`);
const csv = compare(score(files.large), [node, floor, files.large]);
row(
  `cxm score ${count(LARGE)}-row CSV --format json --out`,
  seconds(csv.subject),
  `csv-parse alone ${seconds(csv.baseline)}`,
  csv.subject / csv.baseline,
  2.0,
);

process.stderr.write('measuring peak RSS…\n');
const rssSmall = median([0, 1, 2].map(() => peakRss(score(files.small))));
const rssLarge = median([0, 1, 2].map(() => peakRss(score(files.large))));
row(
  `peak RSS, ${count(LARGE)} rows`,
  `${rssLarge.toFixed(0)} MiB`,
  `${count(SMALL)} rows ${rssSmall.toFixed(0)} MiB`,
  rssLarge / rssSmall,
  1.5,
);

process.stderr.write(`timing ${count(SMALL)} xlsx rows…\n`);
const xlsx = compare(score(files.xlsx), [node, floor, files.xlsx]);
row(
  `cxm score ${count(SMALL)}-row xlsx --format json --out`,
  seconds(xlsx.subject),
  `exceljs alone ${seconds(xlsx.baseline)}`,
  xlsx.subject / xlsx.baseline,
  2.0,
);

console.log(`cxm survey benchmark — node ${process.version}, ${RUNS} interleaved runs each, medians\n`);
/** @type {(keyof Row)[]} */
const headers = ['what', 'figure', 'baseline', 'ratio', 'target', 'result'];
const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
/** @param {string[]} cells */
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(headers));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(headers.map((h) => r[h])));
rmSync(out, { force: true });
process.exitCode = rows.every((r) => r.result === 'pass') ? 0 : 1;
