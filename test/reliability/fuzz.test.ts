import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The benches' seeded generator: the same sequence on every machine.
import { random } from '../../bench/generate.mjs';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

/*
 * Mutation fuzzing (issue 12): seeded mutants of real fixtures — questionnaires, answer files in
 * YAML and JSON, a survey export — through `cxm validate` and `cxm score`. For every mutant: exit 0
 * or 2, no stack frame or internal error, done within 10 s, and no control character or escape
 * sequence in what is printed. A few hundred mutants run in CI; CXM_FUZZ_RUNS=5000 runs longer,
 * CXM_FUZZ_SEED replays another sequence (a failure prints its seed and mutant).
 */

const RUNS = Number(process.env.CXM_FUZZ_RUNS ?? 240);
const SEED = Number(process.env.CXM_FUZZ_SEED ?? 20261202);
const BATCH = 24;
const SCORED = Math.ceil(RUNS / 4);

// Tab, newline and the CSV's CRLF are text; anything else below 0x20, DEL, C1 and bidi controls are not.
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

const HOSTILE = [
  '\u001b]0;PWN\u0007',
  '\u001b[2J',
  '\u009b31m',
  '\u202e',
  '\u0000',
  '&a [*a, *a]',
  '*a',
  '<<: *a',
  '__proto__: { polluted: true }',
  'constructor: { prototype: {} }',
  '{',
  ']',
  '- ',
  ': ',
  '"',
  "'",
  '!!js/function "x"',
  '!!binary AAAA',
  '1e308',
  '-1e308',
  '5e-324',
  '.nan',
  '.inf',
  '0x1F',
  'n/a',
  '~',
  '{"__proto__": 1}',
  '\ufeff',
  '\ud800',
  'x'.repeat(5000),
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '=cmd|" /C calc"!A0',
  ',,,,',
  '\r',
];

type Mutation = (text: string, next: () => number) => string;
const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;
const at = (text: string, next: () => number) => Math.floor(next() * (text.length + 1));

const MUTATIONS: readonly Mutation[] = [
  (t, n) => {
    const i = at(t, n);
    return t.slice(0, i) + pick(HOSTILE, n) + t.slice(i);
  },
  (t, n) => {
    const i = at(t, n);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(n() * 40));
  },
  (t, n) => t.slice(0, at(t, n)),
  (t, n) => {
    const lines = t.split('\n');
    const i = Math.floor(n() * lines.length);
    lines.splice(i, 0, lines[Math.floor(n() * lines.length)] ?? '');
    return lines.join('\n');
  },
  (t, n) => {
    const lines = t.split('\n');
    const i = Math.floor(n() * lines.length);
    const j = Math.floor(n() * lines.length);
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  },
  (t, n) => t.replace(/\d+(\.\d+)?/g, (m) => (n() < 0.2 ? pick(['1e308', '-1', '0', '99999999999999999999', '5e-324', 'NaN'], n) : m)),
  (t, n) => t.replace(/ {2}/g, (m) => (n() < 0.1 ? (n() < 0.5 ? ' ' : '\t') : m)),
  (t, n) => {
    const i = at(t, n);
    const bytes = Array.from({ length: 1 + Math.floor(n() * 8) }, () => String.fromCharCode(Math.floor(n() * 0x250)));
    return t.slice(0, i) + bytes.join('') + t.slice(i);
  },
];

function mutate(text: string, next: () => number): string {
  let out = text;
  const count = 1 + Math.floor(next() * 3);
  for (let k = 0; k < count; k++) out = pick(MUTATIONS, next)(out, next);
  return out;
}

interface Seedling {
  /** The fixture folder, copied whole so the mutant's references resolve. */
  folder: string;
  file: string;
  /** Arguments after `score <mutant>`; undefined: the file is not scored alone (a questionnaire). */
  score?: string[];
}

const SEEDLINGS: readonly Seedling[] = [
  { folder: 'score-hand-worked', file: 'questionnaire.yaml' },
  { folder: 'score-hand-worked', file: 'ana.yaml', score: [] },
  { folder: 'run-small', file: 'questionnaire.yaml' },
  { folder: 'validate-answers', file: 'valid.json', score: [] },
  { folder: 'validate-answers', file: 'valid.yaml', score: [] },
  { folder: 'survey-google-forms', file: 'responses.csv', score: ['--questionnaire', 'questionnaire.yaml'] },
];

function checkOutput(label: string, result: { code: number | null; stdout: string; stderr: string }): void {
  const output = `${result.stdout}${result.stderr}`;
  expect([0, 2], `${label}: exit ${result.code}\n${result.stderr.slice(0, 2000)}`).toContain(result.code);
  expect(output, label).not.toMatch(STACK_FRAME);
  expect(output, label).not.toContain('internal error');
  expect(output, label).not.toMatch(RAW_CONTROL);
}

describe('mutation fuzz', () => {
  it(`${RUNS} mutants (seed ${SEED}): exit 0 or 2, no stack, no raw control characters, each within 10 s`, {
    timeout: 60_000 + RUNS * 2_000,
  }, () => {
    const root = tempDir('cxm-fuzz-');
    for (const folder of new Set([...SEEDLINGS.map((s) => s.folder), 'questionnaire-retail']))
      cpSync(fixture(folder), join(root, folder), { recursive: true });
    const next = random(SEED);
    const mutants = Array.from({ length: RUNS }, (_, k) => {
      const seedling = pick(SEEDLINGS, next);
      const source = readFileSync(fixture(seedling.folder, seedling.file), 'utf8');
      const name = `${seedling.file.slice(0, -extname(seedling.file).length)}.mutant-${k}${extname(seedling.file)}`;
      const path = join(root, seedling.folder, name);
      writeFileSync(path, mutate(source, next));
      return { seedling, path, label: `seed ${SEED}, mutant ${k} (${path})` };
    });

    // validate in batches: one process per batch keeps a few hundred mutants within CI's time.
    for (let b = 0; b < mutants.length; b += BATCH) {
      const batch = mutants.slice(b, b + BATCH).filter((m) => m.seedling.file !== 'responses.csv');
      if (batch.length === 0) continue;
      const started = Date.now();
      const result = runCli(['validate', ...batch.map((m) => m.path)], { cwd: root });
      expect(Date.now() - started, `batch of ${batch.length} from ${batch[0]?.label}`).toBeLessThan(10_000 * batch.length);
      checkOutput(`validate ${batch.map((m) => m.label).join(', ')}`, result);
    }

    // score one at a time: the report of a mutant that is still valid is printed and checked too.
    for (const mutant of mutants.filter((m) => m.seedling.score !== undefined).slice(0, SCORED)) {
      const started = Date.now();
      const result = runCli(['score', mutant.path, ...(mutant.seedling.score ?? []), '--detail'], {
        cwd: join(root, mutant.seedling.folder),
      });
      expect(Date.now() - started, mutant.label).toBeLessThan(10_000);
      checkOutput(`score ${mutant.label}`, result);
    }
  });
});
