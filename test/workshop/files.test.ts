import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

/**
 * Workshop files (SPEC §4.1) wherever an answer file goes: each group one respondent (name = the
 * group's name, role = its id). Scores worked by hand on the hand-worked questionnaire:
 *
 *            w-1 (five, ×3)  w-2 (ten)   w-3 (balance)  | g-1   g-2 (g-1 ≥ 3)  | d-1
 * Marketing  5 → 1           10 → 1      2 → 1          | 4 → .75  4 → .75    | 3 → .5
 * Sales      3 → .5          5 → .5      0 → .5         | 2 → .25  hidden     | 3 → .5
 * IT         1 → 0           n/a         —              | 3 → .5   5 → 1      | 3 → .5
 *
 * weighted (cap weight 2): Marketing 100, Sales 50, IT 0; merged q: w-1 .5, w-2 .75, w-3 .75 →
 *   100 × (3·.5 + .75 + .75) / 5 = 60; spread 100.
 * gated: Marketing 75, Sales 25, IT 75; merged g-1 .5, g-2 .875 → 68.75; spread 50.
 * dependent: 50 for everyone. empty: no score.
 * overall = (2·60 + 68.75 + 50) / 4 = 59.6875.
 */

const dir = fixture('workshop-three-groups');
const json = (args: string[]) => {
  const result = runCli([...args, '--format', 'json'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};
const separate = ['separate/marketing.yaml', 'separate/sales.yaml', 'separate/it.yaml'];

/** The file names are the only difference: `workshop.yaml#marketing` stands for `separate/marketing.yaml`. */
const sameNames = (text: string) => text.replace(/separate\/(marketing|sales|it)\.yaml/g, 'workshop.yaml#$1');
function comparable(report: { generatedAt?: string }): unknown {
  const { generatedAt: _g, ...rest } = report;
  return JSON.parse(sameNames(JSON.stringify(rest)));
}

describe('cxm score on a workshop file', () => {
  it('scores each group as one respondent, as worked by hand', () => {
    const report = json(['score', 'workshop.yaml']);
    expect(report.respondents.map((r: { name: string; role: string }) => [r.name, r.role])).toEqual([
      ['Marketing', 'marketing'],
      ['Sales', 'sales'],
      ['IT', 'it'],
    ]);
    expect(report.overall.score).toBeCloseTo(59.6875, 9);
    const [weighted, gated, empty, dependent] = report.capabilities;
    expect(weighted.score).toBeCloseTo(60, 9);
    expect(weighted.spread).toBeCloseTo(100, 9);
    expect(weighted.respondents.map((r: { score: number }) => r.score)).toEqual([100, 50, 0]);
    expect(gated.score).toBeCloseTo(68.75, 9);
    expect(gated.respondents.map((r: { score: number }) => r.score)).toEqual([75, 25, 75]);
    expect(empty.score).toBeNull();
    expect(dependent.score).toBe(50);
    expect(report.byRole.marketing).toEqual({ weighted: 100, gated: 75, empty: null, dependent: 50 });
    expect(report.byRole.it.weighted).toBe(0);
  });

  it('equals the merge of three single-respondent files with the same answers, in every format', () => {
    expect(comparable(json(['score', 'workshop.yaml', '--detail']))).toEqual(comparable(json(['score', ...separate, '--detail'])));
    for (const format of ['text', 'markdown', 'csv', 'html']) {
      const one = runCli(['score', 'workshop.yaml', '--format', format, '--detail'], { cwd: dir });
      const three = runCli(['score', ...separate, '--format', format, '--detail'], { cwd: dir });
      expect(one.code).toBe(0);
      // The HTML footer names the moment it was generated.
      const undated = (text: string) => text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<generated>');
      expect(undated(one.stdout)).toBe(undated(sameNames(three.stdout)));
    }
  });

  it('is read alike in worker threads (large batches) and in-process', () => {
    const score = (workers: string) =>
      runCli(['score', 'workshop.yaml', ...separate, '--format', 'json'], { cwd: dir, env: { CXM_WORKERS: workers } });
    const [here, workers] = [score('0'), score('2')];
    expect(workers.code).toBe(0);
    const { generatedAt: _a, ...a } = JSON.parse(here.stdout);
    const { generatedAt: _b, ...b } = JSON.parse(workers.stdout);
    expect(b).toEqual(a);
    expect(a.respondents).toHaveLength(6);
  });

  it('is found in a folder and mixed with other answer files', () => {
    const tmp = tempDir('cxm-workshop-');
    mkdirSync(join(tmp, 'answers'));
    copyFileSync(fixture('score-hand-worked/questionnaire.yaml'), join(tmp, 'questionnaire.yaml'));
    writeFileSync(
      join(tmp, 'answers/workshop.yaml'),
      'questionnaire: ../questionnaire.yaml\ngroups: [{ id: a, name: A }, { id: b, name: B }]\nanswers:\n  d-1: { votes: { a: 5, b: 1 } }\n',
    );
    writeFileSync(join(tmp, 'answers/solo.yaml'), 'questionnaire: ../questionnaire.yaml\nrespondent: { name: Solo }\nanswers:\n  d-1: 3\n');
    const result = runCli(['score', 'answers', '--format', 'json'], { cwd: tmp });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // d-1: A 1, B 0, Solo .5 → mean .5.
    expect(report.respondents.map((r: { name: string }) => r.name)).toEqual(['Solo', 'A', 'B']);
    expect(report.capabilities[3].score).toBe(50);
    expect(report.capabilities[3].spread).toBe(100);
  });

  it('is scored together with a survey export', () => {
    const tmp = tempDir('cxm-workshop-');
    writeFileSync(join(tmp, 'survey.csv'), 'name,d-1\nSurveyed,4\n');
    const result = runCli(
      [
        'score',
        join(dir, 'workshop.yaml'),
        'survey.csv',
        '--questionnaire',
        fixture('score-hand-worked/questionnaire.yaml'),
        '--format',
        'json',
      ],
      { cwd: tmp },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.respondents.map((r: { name: string }) => r.name)).toEqual(['Marketing', 'Sales', 'IT', 'Surveyed']);
    // d-1: .5 × 3 and .75 → mean .5625.
    expect(report.capabilities[3].score).toBeCloseTo(56.25, 9);
  });
});

describe('cxm diff with a workshop file', () => {
  it('sees no change between the workshop file and the three files it equals', () => {
    const result = runCli(['diff', 'workshop.yaml', 'separate', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff.overall.before).toBeCloseTo(59.6875, 9);
    expect(diff.overall.after).toBeCloseTo(59.6875, 9);
    expect(diff.regressions).toEqual([]);
  });

  it('compares a workshop with a later one, group by group as roles', () => {
    const tmp = tempDir('cxm-workshop-');
    copyFileSync(fixture('score-hand-worked/questionnaire.yaml'), join(tmp, 'questionnaire.yaml'));
    const workshop = (vote: number) =>
      `questionnaire: questionnaire.yaml\ngroups: [{ id: it, name: IT }]\nanswers:\n  d-1: { votes: { it: ${vote} } }\n`;
    writeFileSync(join(tmp, 'before.yaml'), workshop(2));
    writeFileSync(join(tmp, 'after.yaml'), workshop(4));
    const result = runCli(['diff', 'before.yaml', 'after.yaml', '--format', 'json', '--fail-on-regression'], { cwd: tmp });
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    // d-1 on 1-5: 2 → 25, 4 → 75.
    expect(diff.overall.before).toBe(25);
    expect(diff.overall.after).toBe(75);
  });
});

describe('cxm validate on workshop files', () => {
  it('accepts a valid one and says how many groups voted', () => {
    const result = runCli(['validate', 'workshop.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✓ workshop.yaml (workshop answers to hand-worked: 3 groups, 6 questions voted)\n');
  });

  const cases: [file: string, lines: string[]][] = [
    ['duplicate-group.yaml', ['duplicate-group.yaml:4:11 groups[1].id: duplicate group id "marketing" (also groups[0])']],
    [
      'undeclared-group.yaml',
      ['undeclared-group.yaml:6:33 answers.w-1.votes.sales: "sales" is not a group of this workshop (groups: marketing, it)'],
    ],
    ['off-scale-vote.yaml', ['off-scale-vote.yaml:9:18 answers.w-2.votes.marketing: 6 is not on the scale "ten" (0, 2.5, 5, 7.5, 10)']],
    [
      'not-votes.yaml',
      [
        'not-votes.yaml:5:8 answers.w-1: a file with groups holds only votes, e.g. { votes: { <group id>: 4 } }; found 4',
        'not-votes.yaml:6:10 answers.w-2.value: unknown key "value"',
        'not-votes.yaml:7:3 answers.nope-1: unknown question "nope-1"',
      ],
    ],
  ];
  it.each(cases)('%s exits 2 with the exact problem lines', (file, lines) => {
    const result = runCli(['validate', file], { cwd: fixture('validate-workshop-errors') });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((l) => l !== '' && !l.endsWith('file(s) invalid'))).toEqual(lines);
  });

  it('refuses to score an invalid workshop file, with the same lines', () => {
    const result = runCli(['score', 'off-scale-vote.yaml'], { cwd: fixture('validate-workshop-errors') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('off-scale-vote.yaml:9:18 answers.w-2.votes.marketing: 6 is not on the scale "ten"');
    expect(result.stdout).toBe('');
  });
});
