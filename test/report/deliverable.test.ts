import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Report, reportSchema } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';

// test/fixtures/report-deliverable: three respondents of a 1..5 scale (q = (v − 1) / 4), worked by hand.
//
//   question  Ana (marketing)  Ben (sales)  Cho (sales)    q̄        spread (100 × (max q − min q))
//   a-1       5 → 1            1 → 0        3 → 0.5        0.5       100
//   a-2       4 → 0.75         2 → 0.25     2 → 0.25       0.4167    50
//   b-1       2 → 0.25         1 → 0        n/a            0.125     25   (v̄ = 1 + 4 · 0.125 = 1.5 ≤ 2: advice)
//   b-2       2 → 0.25         2 → 0.25     skipped        0.25      0
//   c-1       4 → 0.75         4 → 0.75     5 → 1          0.8333    25
//   c-2       5 → 1            4 → 0.75     4 → 0.75       0.8333    25
//
// alpha = 100 · (0.5 + 0.4167) / 2 = 45.83 (developing; own target managed, 75); own scores Ana 87.5,
// Ben 12.5, Cho 37.5: spread 75, a disagreement. a-1 v̄ = 3 > 2: its advice does not apply.
// beta = 100 · (0.125 + 0.25) / 2 = 18.75 (initial; target defined, 50). gamma = 83.33 (managed ≥ 50).
// overall = (45.83 + 18.75 + 83.33) / 3 = 49.31 (developing).
// Summary: gaps are below their target, lowest first: beta, alpha; the strength is gamma (meets its
// target); the one flagged spread is alpha's. Agenda (≥ 50): a-1 (100), then a-2 (50).
// Dates: Ben completed 2026-11-18T09:00, Ana 2026-11-20T10:00, Cho unfinished, started 2026-11-21T08:00.
// Coverage: every question was counted by someone (100 %), but Cho skipped b-2 and marked b-1 n/a.
// Roadmap: alpha requires beta, so beta goes initial → developing (phase 1) → defined (phase 2) while
// alpha waits; alpha developing → defined (phase 3), → managed (phase 4).
const DIR = 'test/fixtures/report-deliverable';

let validate: (data: unknown) => boolean;
let errorsOf: () => unknown;

beforeAll(() => {
  const schema = runCli(['schema', 'report']);
  expect(schema.code).toBe(0);
  const check = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(schema.stdout));
  validate = (data) => check(data);
  errorsOf = () => check.errors;
});

function scoreJson(...args: string[]): Report {
  const result = runCli(['score', DIR, '--format', 'json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  const data: unknown = JSON.parse(result.stdout);
  expect(validate(data), JSON.stringify(errorsOf())).toBe(true);
  return reportSchema.parse(data);
}

function scoreText(...args: string[]): string {
  const result = runCli(['score', DIR, ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

const file = (name: string) => `${DIR}/${name}.yaml`;

describe('the JSON report carries the deliverable (SPEC §7 additions) and validates against cxm schema report', () => {
  const report = () => scoreJson();

  it('names the client and the assessment dates from the answer files, not the day of printing', () => {
    const r = report();
    expect(r.organization).toBe('Example KK');
    expect(r.facilitator).toBeNull(); // no answer file names one
    expect(r.assessedAt).toEqual({ from: '2026-11-18T09:00:00Z', to: '2026-11-21T08:00:00Z' });
  });

  it('sums up strengths, gaps and disagreements by the SPEC definition', () => {
    const r = report();
    expect(r.overall.score).toBeCloseTo(49.3056, 3);
    expect(r.summary).toEqual({ strengths: ['gamma'], gaps: ['beta', 'alpha'], disagreements: ['alpha'] });
  });

  it('gives every capability its target, level description, advice and done-criteria', () => {
    const [alpha, beta, gamma] = report().capabilities;
    expect(alpha).toMatchObject({ target: 'managed', level: 'developing', levelDescription: 'Alpha happens in one team.', advice: [] });
    expect(alpha?.score).toBeCloseTo(45.8333, 3);
    expect(beta).toMatchObject({
      score: 18.75,
      target: 'defined',
      levelDescription: 'Nobody does beta yet.',
      advice: [{ question: 'b-1', text: 'Start beta with one pilot.' }],
      nextSteps: ['Name an owner for beta.'],
      doneWhen: ['The owner is on the org chart.'],
    });
    expect(gamma).toMatchObject({ target: 'defined', level: 'managed', nextSteps: [] });
  });

  it('puts the questions that spread 50 points or more on the agenda, with who answered what', () => {
    const r = report();
    expect(r.discussThreshold).toBe(50);
    expect(r.discussion?.map((d) => [d.question, d.capability, d.spread])).toEqual([
      ['a-1', 'alpha', 100],
      ['a-2', 'alpha', 50],
    ]);
    expect(r.discussion?.[0]?.answers).toEqual([
      { name: 'Ana', role: 'marketing', file: file('ana'), value: 5, label: 'Strongly agree' },
      { name: 'Ben', role: 'sales', file: file('ben'), value: 1, label: 'Strongly disagree' },
      { name: 'Cho', role: 'sales', file: file('cho'), value: 3, label: 'Neutral' },
    ]);
  });

  it("counts each respondent's skipped and n/a questions, which a merged 100 % hides", () => {
    const r = report();
    expect(r.overall.coverage).toBe(1);
    expect(r.respondents.map((p) => [p.name, p.unanswered, p.notApplicable])).toEqual([
      ['Ana', 0, 0],
      ['Ben', 0, 0],
      ['Cho', 1, 1],
    ]);
  });

  it('groups notes by question, with its text, and keeps a note on an unanswered question', () => {
    expect(report().notes).toEqual([
      {
        question: 'a-1',
        capability: 'alpha',
        text: 'Alpha is run the same way in every team.',
        answers: [{ name: 'Ana', role: 'marketing', file: file('ana'), note: 'We run it in marketing only' }],
      },
      {
        question: 'a-2',
        capability: 'alpha',
        text: 'Alpha results are reviewed.',
        answers: [{ name: 'Ben', role: 'sales', file: file('ben'), note: 'Reviews stopped last year' }],
      },
      {
        question: 'b-2',
        capability: 'beta',
        text: 'Beta is written down.',
        answers: [{ name: 'Cho', role: 'sales', file: file('cho'), note: 'ask IT' }],
      },
    ]);
  });

  it('labels the roadmap phases with a horizon of three months by default', () => {
    expect(report().roadmap.map((p) => [p.phase, p.months, p.steps.map((s) => `${s.capability} ${s.fromLevel}→${s.toLevel}`)])).toEqual([
      [1, { from: 1, to: 3 }, ['beta initial→developing']],
      [2, { from: 4, to: 6 }, ['beta developing→defined']],
      [3, { from: 7, to: 9 }, ['alpha developing→defined']],
      [4, { from: 10, to: 12 }, ['alpha defined→managed']],
    ]);
  });

  it('has no date at all when no answer file gives one', () => {
    const result = runCli(['score', '-', '--format', 'json'], {
      input: 'questionnaire: test/fixtures/report-deliverable/questionnaire.yaml\nanswers: { a-1: 3 }\n',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).assessedAt).toBeNull();
    const text = runCli(['score', '-'], {
      input: 'questionnaire: test/fixtures/report-deliverable/questionnaire.yaml\nanswers: { a-1: 3 }\n',
    });
    expect(text.stdout).not.toMatch(/Assessed|Date|\d{4}-\d{2}-\d{2}/);
  });
});

describe('score options of the deliverable', () => {
  it('--phase-months sets the horizon of each phase, 0 leaves it out', () => {
    expect(scoreJson('--phase-months', '2').roadmap.map((p) => p.months)).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
      { from: 5, to: 6 },
      { from: 7, to: 8 },
    ]);
    expect(scoreText('--phase-months', '2')).toContain('  Phase 3 · months 5–6\n    Alpha practice: Developing → Defined\n');
    expect(scoreJson('--phase-months', '0').roadmap.some((p) => p.months !== undefined)).toBe(false);
    expect(scoreText('--phase-months', '0')).toContain('  Phase 3\n    Alpha practice: Developing → Defined\n');
  });

  it.each([['1.5'], ['-1'], ['three']])('refuses --phase-months %s (exit 2, nothing printed)', (value) => {
    const result = runCli(['score', DIR, '--phase-months', value]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--phase-months');
  });

  it('--discuss sets the spread that puts a question on the agenda', () => {
    expect(scoreJson('--discuss', '100').discussion?.map((d) => d.question)).toEqual(['a-1']);
    expect(scoreJson('--discuss', '25').discussion?.map((d) => d.question)).toEqual(['a-1', 'a-2', 'b-1', 'c-1', 'c-2']);
    expect(runCli(['score', DIR, '--discuss', '101']).code).toBe(2);
  });

  it('--no-notes leaves notes and evidence out of every format', () => {
    expect(scoreJson('--no-notes').notes).toBeUndefined();
    expect(JSON.stringify(scoreJson('--no-notes', '--detail').questions)).not.toContain('"note"');
    for (const format of ['text', 'markdown', 'html', 'csv']) {
      const shown = scoreText('--format', format);
      expect(shown, format).toContain('We run it in marketing only');
      const hidden = scoreText('--format', format, '--no-notes');
      expect(hidden, format).not.toContain('We run it in marketing only');
      expect(hidden, format).not.toContain('Notes and evidence');
      expect(hidden, format).not.toContain('Reviews stopped last year');
    }
  });
});

describe('every human format shows the same deliverable', () => {
  it('text: header, executive summary, details, agenda, roadmap, notes; each action once', () => {
    const text = scoreText();
    expect(text).toContain(
      [
        'Deliverable check',
        'Organisation: Example KK',
        'Assessed: 2026-11-18 – 2026-11-21',
        'Respondents: 3 — marketing: Ana; sales: Ben, Cho',
        'Overall score: 49.3 Developing  (Target: Defined)',
        'Coverage: 100 % (questions answered by at least one respondent, of those shown)',
        '          — Cho (sales) 1 skipped, 1 n/a',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        'Executive summary',
        '  Overall 49.3 (Developing) against a target of Defined: 0.7 points short.',
        '  Strengths',
        '    • Gamma practice — 83.3 Managed (Target: Defined)',
        '  Gaps',
        '    • Beta practice — 18.8 Initial (Target: Defined)',
        '    • Alpha practice — 45.8 Developing (Target: Managed)',
        '  Biggest disagreements',
        '    • Alpha practice (Spread 75.0): Ana (marketing) 87.5 · Cho (sales) 37.5 ·',
        '      Ben (sales) 12.5',
        '  First steps (Phase 1 · months 1–3)',
        '    Beta practice: Initial → Developing',
        '      - Name an owner for beta.',
        '        Done when: The owner is on the org chart.',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        '  Beta practice — 18.8 Initial (Target: Defined)',
        '    What Initial looks like here: Nobody does beta yet.',
        '    - Advice (b-1): Start beta with one pilot.',
        '    Next step: Initial → Developing, in Phase 1 · months 1–3 of the roadmap.',
      ].join('\n'),
    );
    expect(text).toContain('    Next step: Developing → Defined, in Phase 3 · months 7–9 of the roadmap.'); // alpha waits for beta
    expect(text).toContain(
      '  1. a-1 · Alpha practice — Spread 100.0\n     Alpha is run the same way in every team.\n     → Ana (marketing): 5 Strongly agree · Ben (sales): 1 Strongly disagree ·\n       Cho (sales): 3 Neutral\n',
    );
    expect(text).toContain('  a-1 · Alpha is run the same way in every team.\n    • Ana (marketing): We run it in marketing only\n');
    // Scores by role in 80 columns: sales merges Ben and Cho (alpha: a-1 (0 + 0.5) / 2, a-2 0.25 → 25).
    expect(text).toContain('│ Alpha practice                                           │      87.5 │  25.0 │');
    for (const action of ['Name an owner for beta.', 'Write the beta playbook.', 'Run alpha reviews monthly.', 'Automate alpha.']) {
      expect(text.split(action), action).toHaveLength(2);
    }
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('markdown and HTML carry the header, the summary, the agenda and the notes too', () => {
    const md = scoreText('--format', 'markdown');
    expect(md).toContain('- **Organisation:** Example KK\n- **Assessed:** 2026-11-18 – 2026-11-21\n');
    expect(md).toContain('## Executive summary');
    expect(md).toContain(
      '1. **a-1** · Alpha practice — Spread 100.0\n   - *Alpha is run the same way in every team.*\n   - Ana (marketing): 5 Strongly agree\n',
    );
    expect(md).toContain('### Phase 3 · months 7–9');
    const html = scoreText('--format', 'html');
    expect(html).toContain('<dt>Organisation</dt><dd>Example KK</dd>');
    expect(html).toContain('<dt>Assessed</dt><dd>2026-11-18 – 2026-11-21</dd>');
    expect(html).toContain('<section class="summary">');
    expect(html).toContain('<li data-question="a-1"><strong>a-1</strong>');
    expect(html).toContain('<li>Cho (sales): <strong>3 Neutral</strong></li>');
    expect(html).toContain('<h3>Phase 4 · months 10–12</h3>');
    for (const action of ['Name an owner for beta.', 'Automate alpha.']) {
      expect(md.split(action), action).toHaveLength(2);
      expect(html.split(action), action).toHaveLength(2);
    }
  });
});
