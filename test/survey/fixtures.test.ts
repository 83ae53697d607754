import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/model/report.js';
import { fixture, runCli } from '../helpers/cli.js';

// End to end on exports as the survey tools write them (the built binary; `npm run build` first).
// Questionnaire (both folders): q = (v − 1) / 2, so Disagree/そう思わない = 0, Neutral = 0.5,
// Agree = 1; journey = (j-1 + 2·j-2) / 3, data = (d-1 + d-2) / 2, overall = their mean.

/** Scores to 9 decimals: the hand-worked fractions are not the float sums to the last bit. */
const round = (x: number | null | undefined) => (x === null || x === undefined ? x : Math.round(x * 1e9) / 1e9);

function score(folder: string, args: string[]) {
  const result = runCli(['score', ...args, '--questionnaire', 'questionnaire.yaml', '--format', 'json'], { cwd: fixture(folder) });
  expect(result.code, result.stderr).toBe(0);
  return { report: reportSchema.parse(JSON.parse(result.stdout)), stderr: result.stderr };
}

describe('a Google Forms CSV: a Timestamp column, Japanese headers and labels', () => {
  it('scores each row as a respondent, worked by hand', () => {
    const { report, stderr } = score('survey-google-forms', ['responses.csv', '--role-column', '部署']);
    // Aiko: j-1 そう思う 1, j-2 どちらともいえない 0.5 → (1 + 1) / 3 = 66.67; d-1 0, d-2 n/a → 0
    // Ben:  j-1 0.5, j-2 1 → (0.5 + 2) / 3 = 83.33; d-1 empty (unanswered), d-2 1 → 100
    // Cho:  j-1 0, j-2 0 → 0; d-1 1, d-2 0.5 → 75
    const journey = report.capabilities.find((c) => c.id === 'journey');
    const data = report.capabilities.find((c) => c.id === 'data');
    expect(journey?.respondents.map((r) => [r.file, r.name, r.role, round(r.score)])).toEqual([
      ['responses.csv:2', 'Aiko Tanaka', 'marketing', round(200 / 3)],
      ['responses.csv:3', 'Ben Carter', 'sales', round(250 / 3)],
      ['responses.csv:4', 'Cho Min', 'marketing', 0],
    ]);
    expect(data?.respondents.map((r) => r.score)).toEqual([0, 100, 75]);
    // Merged per question: j-1 (1 + 0.5 + 0) / 3 = 0.5, j-2 (0.5 + 1 + 0) / 3 = 0.5 → journey 50;
    // d-1 (0 + 1) / 2 = 0.5 (Ben did not answer), d-2 (1 + 0.5) / 2 = 0.75 (Aiko n/a) → data 62.5.
    expect(journey?.score).toBeCloseTo(50, 12);
    expect(data?.score).toBeCloseTo(62.5, 12);
    expect(report.overall.score).toBeCloseTo(56.25, 12);
    expect(journey?.spread).toBeCloseTo(250 / 3, 12);
    expect(data?.spread).toBe(100);
    // marketing (Aiko, Cho): j-1 0.5, j-2 0.25 → (0.5 + 0.5) / 3 = 33.33; d-1 0.5, d-2 0.5 → 50.
    expect(report.byRole.marketing?.journey).toBeCloseTo(100 / 3, 12);
    expect(report.byRole.marketing?.data).toBe(50);
    expect(report.byRole.sales?.journey).toBeCloseTo(250 / 3, 12);
    expect(report.byRole.sales?.data).toBe(100);
    expect(report.warnings).toEqual(['responses.csv:1:1 ignored columns: "Timestamp" (1)']);
    expect(stderr).toBe('warning: responses.csv:1:1 ignored columns: "Timestamp" (1)\n');
  });

  it('prints the text report in the questionnaire language asked for', () => {
    const result = runCli(['score', 'responses.csv', '--questionnaire', 'questionnaire.yaml', '--lang', 'ja'], {
      cwd: fixture('survey-google-forms'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ジャーニー');
    expect(result.stdout).toContain('回答者: 3');
  });
});

describe('a Microsoft Forms xlsx: ID, Start time, Completion time, Email, Name', () => {
  it('reads the first sheet, labels and numbers alike, worked by hand', () => {
    const { report } = score('survey-microsoft-forms', ['responses.xlsx', '--role-column', 'Department']);
    // Aiko: Agree, Agree → (1 + 2) / 3 = 100; Neutral, Disagree → 25
    // Ben:  3 (a number cell), Neutral → (1 + 1) / 3 = 66.67; N/A, Agree → 100
    // Merged: j-1 1, j-2 0.75 → (1 + 1.5) / 3 = 83.33; d-1 0.5 (Aiko only), d-2 0.5 → 50; overall 66.67.
    expect(report.capabilities.map((c) => [c.id, c.respondents.map((r) => [r.file, r.name, r.role, round(r.score)])])).toEqual([
      [
        'journey',
        [
          ['responses.xlsx:2', 'Aiko Tanaka', 'Marketing', 100],
          ['responses.xlsx:3', 'Ben Carter', 'Sales', round(200 / 3)],
        ],
      ],
      [
        'data',
        [
          ['responses.xlsx:2', 'Aiko Tanaka', 'Marketing', 25],
          ['responses.xlsx:3', 'Ben Carter', 'Sales', 100],
        ],
      ],
    ]);
    expect(report.capabilities[0]?.score).toBeCloseTo(250 / 3, 12);
    expect(report.capabilities[1]?.score).toBe(50);
    expect(report.overall.score).toBeCloseTo(200 / 3, 12);
    expect(report.warnings).toEqual(['responses.xlsx:1:1 ignored columns: "ID" (1), "Start time" (2), "Completion time" (3), "Email" (4)']);
  });

  it('merges several exports and answer files of the same questionnaire as respondents', () => {
    const { report } = score('survey-microsoft-forms', ['responses.xlsx', '../survey-google-forms/responses.csv', 'dana.yaml']);
    // Answer files first, then the exports' rows in the order given.
    expect(report.respondents.map((r) => r.file)).toEqual([
      'dana.yaml',
      'responses.xlsx:2',
      'responses.xlsx:3',
      '../survey-google-forms/responses.csv:2',
      '../survey-google-forms/responses.csv:3',
      '../survey-google-forms/responses.csv:4',
    ]);
    // Without --role-column the departments are not roles (Department and 部署 are ignored
    // columns); Dana's file names hers.
    expect(Object.keys(report.byRole)).toEqual(['Support']);
    expect(report.warnings).toEqual([
      'responses.xlsx:1:1 ignored columns: "ID" (1), "Start time" (2), "Completion time" (3), "Email" (4), "Department" (6)',
      '../survey-google-forms/responses.csv:1:1 ignored columns: "Timestamp" (1), "部署" (3)',
    ]);
  });
});
