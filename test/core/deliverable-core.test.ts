import { describe, expect, it } from 'vitest';
import { AssessmentMetaCollector, commonOrganization } from '../../src/core/assessment-meta.js';
import { discussionAgenda } from '../../src/core/discussion.js';
import { createAccumulator } from '../../src/core/merge.js';
import { type SummaryInput, summarizeCapabilities } from '../../src/core/report-summary.js';
import { questionnaireSchema } from '../../src/model/questionnaire.js';
import { quietSector } from '../../src/report/svg-charts.js';

const cap = (id: string, score: number | null, belowTarget: boolean, spread: number | null = null): SummaryInput => ({
  id,
  score,
  belowTarget,
  spread,
  disagreement: spread !== null && spread >= 25,
});

describe('summarizeCapabilities (SPEC §7 summary)', () => {
  it.each<[string, SummaryInput[], { strengths: string[]; gaps: string[]; disagreements: string[] }]>([
    // Below target are gaps, lowest first; those that meet it are strengths, highest first.
    [
      'splits by target',
      [cap('a', 30, true), cap('b', 70, false), cap('c', 10, true), cap('d', 90, false)],
      { strengths: ['d', 'b'], gaps: ['c', 'a'], disagreements: [] },
    ],
    // A capability that meets its target is never a gap, even when it scores lowest of all.
    [
      'a low score at its own low target is a strength',
      [cap('a', 20, false), cap('b', 55, true)],
      { strengths: ['a'], gaps: ['b'], disagreements: [] },
    ],
    // Nothing meets its target: no strength at all, not the "best of the weak".
    ['no strength below target', [cap('a', 45, true), cap('b', 40, true)], { strengths: [], gaps: ['b', 'a'], disagreements: [] }],
    [
      'at most three each, ties in questionnaire order',
      [cap('a', 10, true), cap('b', 10, true), cap('c', 5, true), cap('d', 10, true)],
      { strengths: [], gaps: ['c', 'a', 'b'], disagreements: [] },
    ],
    ['unscored capabilities are neither', [cap('a', null, false), cap('b', 50, false)], { strengths: ['b'], gaps: [], disagreements: [] }],
    [
      'the largest flagged spreads',
      [cap('a', 50, false, 30), cap('b', 50, false, 80), cap('c', 50, false, 24), cap('d', 50, false, 25), cap('e', 50, false, 40)],
      { strengths: ['a', 'b', 'c'], gaps: [], disagreements: ['b', 'e', 'a'] },
    ],
  ])('%s', (_, input, expected) => {
    expect(summarizeCapabilities(input)).toEqual(expected);
  });
});

describe('AssessmentMetaCollector', () => {
  it('takes each file’s completedAt, else its startedAt, and keeps the text as written', () => {
    const meta = new AssessmentMetaCollector();
    meta.add({ startedAt: '2026-11-20T09:00:00Z', completedAt: '2026-11-20T10:00:00Z' });
    meta.add({ startedAt: '2026-11-21T08:00:00+09:00' }); // 2026-11-20T23:00Z: the latest
    meta.add({ completedAt: 'last tuesday' }); // not a date: ignored
    meta.add({ completedAt: '2026-11-18T09:00:00Z' });
    expect(meta.result().assessedAt).toEqual({ from: '2026-11-18T09:00:00Z', to: '2026-11-21T08:00:00+09:00' });
  });

  it('names a facilitator only when the files that name one agree', () => {
    const agree = new AssessmentMetaCollector();
    agree.add({ facilitator: 'Ken Sato' });
    agree.add({});
    agree.add({ facilitator: ' Ken Sato ' });
    expect(agree.result()).toEqual({ facilitator: 'Ken Sato', assessedAt: null });
    const differ = new AssessmentMetaCollector();
    differ.add({ facilitator: 'Ken Sato' });
    differ.add({ facilitator: 'Aiko Tanaka' });
    expect(differ.result().facilitator).toBeNull();
  });

  it.each([
    [['Acme', undefined, ' Acme '], 'Acme'],
    [['Acme', 'Other'], null],
    [[undefined, ''], null],
  ])('commonOrganization(%j) = %j', (names, expected) => {
    expect(commonOrganization(names)).toBe(expected);
  });
});

describe('discussionAgenda', () => {
  const questionnaire = questionnaireSchema.parse({
    id: 'agenda',
    version: '1.0.0',
    title: 'Agenda',
    scales: { five: { options: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })) } },
    levels: [{ id: 'low', min: 0, label: 'Low' }],
    capabilities: [
      {
        id: 'c',
        title: 'C',
        questions: [
          { id: 'q-1', text: 'Q1', scale: 'five' },
          { id: 'q-2', text: 'Q2', scale: 'five' },
        ],
      },
    ],
  });

  it('lists a survey by role, each role’s merged value, once there are more than twelve respondents', () => {
    const accumulator = createAccumulator(questionnaire);
    // 7 in sales answer q-1 = 1 (q 0), 6 in it answer q-1 = 5 (q 1): spread 100. q-2 = 3 for all: spread 0.
    for (let i = 0; i < 13; i++) {
      const role = i < 7 ? 'sales' : 'it';
      accumulator.add({ file: `${i}.yaml`, name: `P${i}`, role, answers: { 'q-1': role === 'sales' ? 1 : 5, 'q-2': 3 } });
    }
    const agenda = discussionAgenda(accumulator.finish(), 50);
    expect(agenda).toEqual([
      {
        question: 0,
        spread: 100,
        answers: [
          { role: 'it', value: 5 },
          { role: 'sales', value: 1 },
        ],
      },
    ]);
  });

  it('lists each respondent of a workshop, with n/a and unanswered', () => {
    const accumulator = createAccumulator(questionnaire);
    accumulator.add({ file: 'a.yaml', answers: { 'q-1': 2 } });
    accumulator.add({ file: 'b.yaml', answers: { 'q-1': 4, 'q-2': 'n/a' } });
    accumulator.add({ file: 'c.yaml', answers: {} });
    // q-1: q 0.25 and 0.75 → spread 50; q-2 counted by nobody → no spread.
    expect(discussionAgenda(accumulator.finish(), 50)).toEqual([
      {
        question: 0,
        spread: 50,
        answers: [
          { respondent: 0, value: 2, option: 1 },
          { respondent: 1, value: 4, option: 3 },
          { respondent: 2, value: null },
        ],
      },
    ]);
  });
});

describe('quietSector: where the radar’s ring labels go', () => {
  it.each<[string, (number | null)[], number[], number]>([
    // Along the bisector of sector k the data line crosses at 2ab/(a + b): sector 0 (50, 50) crosses at 50,
    // on the 50 ring; sector 2 (90, 10) at 18, 2 from the 20 ring; sector 3 (10, 50) at 16.7; sector 1
    // (50, 90) at 64.3, 14.3 from the 50 ring: the quietest.
    ['the sector whose data line is farthest from every ring', [50, 50, 90, 10], [20, 50, 80], 1],
    ['a sector next to an unscored axis has no line', [50, 50, null, 50], [20, 50, 80], 1],
    ['too few axes for sectors: the labels stay on the first axis', [50, 60], [20, 50], -1],
  ])('%s', (_, scores, rings, expected) => {
    expect(quietSector(scores, rings)).toBe(expected);
  });
});
