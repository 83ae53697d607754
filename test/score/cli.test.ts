import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { reportSchema } from '../../src/model/report.js';
import { runCli, tempDir } from '../helpers/cli.js';

// End to end: the built binary (`npm run build` first), run from the repository root.
const ACME = 'examples/acme';
let validate: (data: unknown) => boolean;
let errorsOf: () => unknown;

beforeAll(() => {
  const schema = runCli(['schema', 'report']);
  expect(schema.code).toBe(0);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(JSON.parse(schema.stdout));
  validate = (data) => check(data);
  errorsOf = () => check.errors;
});

function parseReport(stdout: string): Report {
  const data: unknown = JSON.parse(stdout);
  expect(validate(data), JSON.stringify(errorsOf())).toBe(true);
  return reportSchema.parse(data);
}

describe('cxm score --format json', () => {
  it('prints a report that the published report schema accepts (exit 0)', () => {
    const result = runCli(['score', ACME, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = parseReport(result.stdout);
    expect(report.respondents.map((r) => [r.file, r.role])).toEqual([
      ['examples/acme/it.yaml', 'it'],
      ['examples/acme/marketing.yaml', 'marketing'],
      ['examples/acme/sales.yaml', 'sales'],
    ]);
    expect(report.capabilities.filter((c) => c.disagreement).map((c) => c.id)).toEqual(['shared-customer-id', 'data-driven-decisions']);
    expect(Object.keys(report.byRole)).toEqual(['it', 'marketing', 'sales']);
    expect(report.roadmap.length).toBeGreaterThan(0);
    expect(result.stdout.endsWith('}\n')).toBe(true);
  });

  it('includes every answer with --detail, and validates against the schema', () => {
    const report = parseReport(runCli(['score', 'test/fixtures/score-hand-worked', '--format', 'json', '--detail']).stdout);
    expect(report.questions?.find((q) => q.id === 'g-2')?.answers.map((a) => [a.value, a.normalized, a.hidden])).toEqual([
      [4, 0.75, false],
      [5, null, true],
      [2, 0.25, false],
    ]);
  });

  it('honours --spread and --target', () => {
    const report = parseReport(runCli(['score', ACME, '--format', 'json', '--spread', '60', '--target', 'defined']).stdout);
    expect(report.capabilities.filter((c) => c.disagreement)).toEqual([]);
    expect(report.target).toBe('defined');
    expect(report.capabilities.find((c) => c.id === 'shared-customer-id')?.nextSteps).toEqual([]); // defined = target
  });
});

describe('gates', () => {
  it('exits 1 under --fail-under, naming the overall score, and still prints the report', () => {
    const result = runCli(['score', ACME, '--format', 'json', '--fail-under', '50']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('gate failed: overall 36.6 is below 50\n');
    expect(parseReport(result.stdout).gates).toEqual([{ rule: 'overall >= 50', passed: false, detail: 'overall 36.6 is below 50' }]);
  });

  it('exits 1 under --min-level, naming each failing capability with its score and level', () => {
    const result = runCli(['score', ACME, '--format', 'json', '--min-level', 'shared-customer-id=managed', '--min-level', '*=developing']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('gate failed: shared-customer-id 41.1 (defined) is below managed\n');
    const gates = parseReport(result.stdout).gates;
    expect(gates).toHaveLength(10); // one explicit rule + * over nine capabilities
    expect(gates.filter((g) => !g.passed).map((g) => g.rule)).toEqual(['shared-customer-id >= managed']);
  });

  it('exits 0 when every gate passes', () => {
    const result = runCli([
      'score',
      ACME,
      '--format',
      'json',
      '--fail-under',
      '36',
      '--min-level',
      '*=developing',
      '--min-level',
      'privacy-trust=defined',
    ]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(parseReport(result.stdout).gates.every((g) => g.passed)).toBe(true);
  });
});

describe('exit 2: bad usage or invalid input, with nothing on stdout', () => {
  it.each([
    [['--min-level', 'nope=defined'], 'cxm: --min-level nope=defined: unknown capability "nope" (known: journey-teams,'],
    [
      ['--min-level', 'journey-teams=expert'],
      'cxm: --min-level journey-teams=expert: unknown level "expert" (known: initial, developing, defined, managed, optimized)',
    ],
    [['--min-level', 'journey-teams'], 'cxm: --min-level: expected CAPABILITY=LEVEL, found "journey-teams"'],
    [['--fail-under', '150'], 'cxm: --fail-under: expected a number from 0 to 100, found "150"'],
    [['--fail-under', 'half'], 'cxm: --fail-under: expected a number from 0 to 100, found "half"'],
    [['--spread', '-5'], 'cxm: --spread: expected a number ≥ 0, found "-5"'],
    [['--spread', 'wide'], 'cxm: --spread: expected a number ≥ 0, found "wide"'],
    [['--target', 'expert'], 'cxm: --target: unknown level "expert" (known: initial, developing, defined, managed, optimized)'],
    [['--lang', 'Japanese!'], 'cxm: --lang: "Japanese!" is not a language code'],
  ])('%j', (args, message) => {
    const result = runCli(['score', ACME, '--format', 'json', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toContain(message);
  });

  it('prints every problem of every invalid answer file, located', () => {
    const result = runCli(['score', 'test/fixtures/score-invalid-answers']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'test/fixtures/score-invalid-answers/bad-value.yaml:5:9 answers.jt-2: 7 is not on the scale "agreement" (1, 2, 3, 4, 5)',
        'test/fixtures/score-invalid-answers/bad-value.yaml:6:10 answers.cid-1: "n/a" is not allowed for cid-1',
        'test/fixtures/score-invalid-answers/unknown-question.yaml:4:3 answers.jt-9: unknown question "jt-9"',
        '',
      ].join('\n'),
    );
  });

  it('refuses answer files of different questionnaires', () => {
    const result = runCli(['score', 'test/fixtures/score-mixed-questionnaires']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cxm: the answer files answer different questionnaires:');
    expect(result.stderr).toContain('test/fixtures/score-mixed-questionnaires/hand-worked.yaml');
    expect(result.stderr).toContain('test/fixtures/score-mixed-questionnaires/playbook.yaml');
  });

  it('refuses an empty folder and a missing path', () => {
    const empty = runCli(['score', 'test/fixtures/score-empty-folder']);
    expect([empty.code, empty.stderr]).toEqual([
      2,
      'cxm: no answer files (.yaml, .yml, .json) in the folder "test/fixtures/score-empty-folder"\n',
    ]);
    const missing = runCli(['score', 'examples/acme/nobody.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^cxm: "examples\/acme\/nobody.yaml" not found\n/);
  });

  it('writes no --out file when the input is invalid', () => {
    const out = join(tempDir(), 'report.json');
    expect(runCli(['score', 'test/fixtures/score-invalid-answers', '--format', 'json', '--out', out]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('--out', () => {
  it('writes the chosen format atomically, replacing the old file, and still prints the text report', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    writeFileSync(out, 'old content');
    const result = runCli(['score', ACME, '--format', 'json', '--out', out]);
    expect(result.code).toBe(0);
    expect(parseReport(readFileSync(out, 'utf8')).respondents).toHaveLength(3);
    expect(readdirSync(dir)).toEqual(['report.json']); // no temporary file left behind
    expect(result.stdout.trim()).not.toBe('');
    expect(result.stdout.trimStart().startsWith('{')).toBe(false); // the text report, not the JSON
    expect(result.stderr).toBe(`cxm: wrote ${out}\n`);
  });

  it('writes the report and exits 1 when a gate fails', () => {
    const out = join(tempDir(), 'nested', 'report.json');
    const result = runCli(['score', ACME, '--format', 'json', '--out', out, '--min-level', 'journey-teams=defined', '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('gate failed: journey-teams 31.9 (developing) is below defined\n');
    expect(parseReport(readFileSync(out, 'utf8')).gates[0]?.passed).toBe(false);
  });

  it('--quiet prints nothing for the text report', () => {
    const result = runCli(['score', ACME, '--quiet']);
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
  });
});
