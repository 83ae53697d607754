import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/build-report.js';
import { createAccumulator, type RespondentInput } from '../../src/core/merge.js';
import { indexQuestionnaire, type IndexedQuestionnaire } from '../../src/core/questionnaire-index.js';
import { scoreRespondent } from '../../src/core/score-respondent.js';
import { COUNTED, classifyAnswers, HIDDEN, NOT_APPLICABLE_STATUS, UNANSWERED } from '../../src/core/visibility.js';
import { loadQuestionnaireFile } from '../../src/io/load-questionnaire.js';
import { reportSchema } from '../../src/model/report.js';
import { fixture } from '../helpers/cli.js';

// Hand-worked against test/fixtures/score-hand-worked/questionnaire.yaml:
//   weighted (capability weight 2): w-1 five 1-5 weight 3 · w-2 ten 0-10 · w-3 balance −2…2
//   gated: g-1 five · g-2 five when g-1 ≥ 3 · g-3 balance when g-2 ∈ {4, 5}
//   empty: e-1, e-2 (nobody answers) · dependent (requires weighted): d-1 five
//   levels initial 0 / developing 20 / defined 40 / managed 60 / optimized 80; target managed.

let index: IndexedQuestionnaire;
beforeAll(async () => {
  index = indexQuestionnaire((await loadQuestionnaireFile(fixture('score-hand-worked', 'questionnaire.yaml'))).questionnaire);
});
const capability = (id: string) => index.capabilityById.get(id) ?? -1;

describe('one respondent', () => {
  it('weights questions, normalises each scale by its own min and max, and weights capabilities', () => {
    const scored = scoreRespondent(index, { 'w-1': 4, 'w-2': 7.5, 'w-3': -1, 'g-1': 2, 'd-1': 1 });
    // weighted: w-1 (4−1)/(5−1) = 0.75 × 3 = 2.25; w-2 7.5/10 = 0.75 × 1; w-3 (−1+2)/4 = 0.25 × 1
    //           100 × (2.25 + 0.75 + 0.25) / (3 + 1 + 1) = 100 × 3.25 / 5 = 65
    expect(scored.capabilities[capability('weighted')]?.score).toBeCloseTo(65, 12);
    // gated: g-1 (2−1)/4 = 0.25 → 25; g-2 and g-3 hidden, not counted
    expect(scored.capabilities[capability('gated')]?.score).toBeCloseTo(25, 12);
    // empty: nothing answered → no score, never 0
    expect(scored.capabilities[capability('empty')]).toEqual({ score: null, coverage: 0 });
    // dependent: d-1 = 1 → q 0 → a real score of 0, not "no score"
    expect(scored.capabilities[capability('dependent')]).toEqual({ score: 0, coverage: 1 });
    // overall over scored capabilities, by capability weight: (2 × 65 + 1 × 25 + 1 × 0) / (2 + 1 + 1) = 155 / 4
    expect(scored.overall.score).toBeCloseTo(38.75, 12);
    // coverage: counted 3 + 1 + 0 + 1 = 5 of visible 3 + 1 + 2 + 1 = 7
    expect(scored.overall.coverage).toBeCloseTo(5 / 7, 12);
  });

  it('does not score a hidden question even when it is answered, nor one hidden behind it', () => {
    // g-1 = 2 < 3 hides g-2 (answered 5 anyway); g-3 depends on g-2, which is hidden → hidden too.
    const scored = scoreRespondent(index, { 'g-1': 2, 'g-2': 5, 'g-3': 2 });
    const status = (id: string) => scored.answers.status[index.questionById.get(id) ?? -1];
    expect([status('g-1'), status('g-2'), status('g-3')]).toEqual([COUNTED, HIDDEN, HIDDEN]);
    expect(scored.capabilities[capability('gated')]).toEqual({ score: 25, coverage: 1 });
  });

  it('excludes n/a from the average but counts it as visible for coverage; n/a never meets a condition', () => {
    // g-1 = 3 → q 0.5 and g-2 visible; g-2 n/a → excluded, and g-3 (condition on g-2) hidden.
    const scored = scoreRespondent(index, { 'g-1': 3, 'g-2': 'n/a', 'g-3': 2 });
    const status = (id: string) => scored.answers.status[index.questionById.get(id) ?? -1];
    expect([status('g-1'), status('g-2'), status('g-3')]).toEqual([COUNTED, NOT_APPLICABLE_STATUS, HIDDEN]);
    // score 100 × 0.5 / 1 = 50; coverage counted 1 / visible 2 (g-1, g-2)
    expect(scored.capabilities[capability('gated')]).toEqual({ score: 50, coverage: 0.5 });
  });

  it('reads an unanswered condition as not met, and a note without a value as unanswered', () => {
    const scored = scoreRespondent(index, { 'g-1': { note: 'ask the CRM team' }, 'g-2': 4 });
    const status = (id: string) => scored.answers.status[index.questionById.get(id) ?? -1];
    expect([status('g-1'), status('g-2')]).toEqual([UNANSWERED, HIDDEN]);
    expect(scored.capabilities[capability('gated')]).toEqual({ score: null, coverage: 0 });
  });

  it('normalises a scale listed from high to low by its values, not its order', () => {
    // downward: 10, 5, 0 → min 0, max 10; e-2 = 5 → q 0.5; e-1 unanswered → score 50, coverage 1/2
    const scored = scoreRespondent(index, { 'e-2': 5 });
    expect(scored.capabilities[capability('empty')]).toEqual({ score: 50, coverage: 0.5 });
  });
});

describe('three respondents in two roles (ana and ben: marketing, cho: it)', () => {
  const ana: RespondentInput = {
    file: 'ana.yaml',
    name: 'Ana',
    role: 'marketing',
    answers: { 'w-1': 5, 'w-2': 10, 'w-3': 2, 'g-1': 4, 'g-2': 4, 'g-3': 0, 'd-1': 3 },
  };
  const ben: RespondentInput = {
    file: 'ben.yaml',
    name: 'Ben',
    role: 'marketing',
    answers: { 'w-1': 3, 'w-2': 5, 'w-3': 'n/a', 'g-1': 1, 'g-2': 5, 'd-1': 'n/a' },
  };
  const cho: RespondentInput = {
    file: 'cho.yaml',
    name: 'Cho',
    role: 'it',
    answers: { 'w-1': 1, 'w-2': 0, 'w-3': 0, 'g-1': 5, 'g-2': 2, 'g-3': 2, 'd-1': 5 },
  };
  const merge = (...respondents: RespondentInput[]) => {
    const accumulator = createAccumulator(index.questionnaire, { detail: true });
    for (const r of respondents) accumulator.add(r);
    return accumulator.finish();
  };

  it('averages q per question over those who counted it, then applies the one-respondent formula', () => {
    const merged = merge(ana, ben, cho);
    // weighted: w-1 q = (1 + 0.5 + 0)/3 = 0.5; w-2 (1 + 0.5 + 0)/3 = 0.5; w-3 (1 + 0.5)/2 = 0.75 (ben n/a)
    //           100 × (3 × 0.5 + 0.5 + 0.75) / 5 = 100 × 2.75 / 5 = 55
    expect(merged.capabilities[capability('weighted')]?.score).toBeCloseTo(55, 12);
    // gated: g-1 (0.75 + 0 + 1)/3 = 0.58333; g-2 (0.75 + 0.25)/2 = 0.5 (hidden for ben);
    //        g-3 0.5 (ana only: hidden for cho, g-2 = 2 ∉ {4, 5}) → 100 × (0.58333 + 0.5 + 0.5)/3 = 52.7778
    expect(merged.capabilities[capability('gated')]?.score).toBeCloseTo((100 * (1.75 / 3 + 0.5 + 0.5)) / 3, 12);
    expect(merged.capabilities[capability('empty')]).toEqual({ score: null, coverage: 0 });
    // dependent: d-1 (0.5 + 1)/2 = 0.75 (ben n/a) → 75
    expect(merged.capabilities[capability('dependent')]?.score).toBeCloseTo(75, 12);
    // overall: (2 × 55 + 52.7778 + 75) / 4 = 59.4444 → defined (managed starts at 60)
    expect(merged.overall.score).toBeCloseTo((2 * 55 + (100 * (1.75 / 3 + 1)) / 3 + 75) / 4, 12);
    // coverage: counted by ≥ 1 respondent / visible to ≥ 1: (3 + 3 + 0 + 1) / (3 + 3 + 2 + 1) = 7/9
    expect(merged.overall.coverage).toBeCloseTo(7 / 9, 12);
  });

  it("keeps each respondent's own scores, the spread and the per-role merge in the report", () => {
    const report = buildReport(merge(ana, ben, cho), { generatedAt: new Date('2026-11-25T00:00:00Z') });
    expect(reportSchema.parse(report)).toEqual(report);
    const cap = (id: string) => report.capabilities.find((c) => c.id === id);

    // weighted, own scores: ana 100 × (3+1+1)/5 = 100; ben 100 × (3 × 0.5 + 0.5)/4 = 50; cho 100 × 0.5/5 = 10
    expect(cap('weighted')?.respondents.map((r) => r.score)).toEqual([100, 50, 10]);
    expect(cap('weighted')?.spread).toBeCloseTo(90, 12); // 100 − 10
    expect(cap('weighted')?.disagreement).toBe(true);
    // gated: ana (0.75 + 0.75 + 0.5)/3 = 66.67; ben g-1 = 1 → 0; cho (1 + 0.25)/2 = 62.5
    expect(cap('gated')?.respondents.map((r) => r.score)).toEqual([expect.closeTo(200 / 3, 12), 0, 62.5]);
    // dependent: ben is n/a → null, left out of the spread: 100 − 50
    expect(cap('dependent')?.respondents.map((r) => r.score)).toEqual([50, null, 100]);
    expect(cap('dependent')?.spread).toBe(50);
    // empty: no scores → no spread, no disagreement
    expect(cap('empty')).toMatchObject({ score: null, level: null, spread: null, disagreement: false, nextSteps: [] });
    expect(report.notAssessed).toEqual(['empty']);

    // byRole, marketing = ana + ben: weighted w-1 0.75, w-2 0.75, w-3 1 → 100 × (2.25 + 0.75 + 1)/5 = 80
    //   gated g-1 (0.75 + 0)/2 = 0.375, g-2 0.75, g-3 0.5 → 100 × 1.625/3 = 54.17; dependent 50
    expect(report.byRole.marketing).toEqual({
      weighted: expect.closeTo(80, 12),
      gated: expect.closeTo(162.5 / 3, 12),
      empty: null,
      dependent: 50,
    });
    // it = cho alone
    expect(report.byRole.it).toEqual({ weighted: expect.closeTo(10, 12), gated: 62.5, empty: null, dependent: 100 });
    expect(Object.keys(report.byRole)).toEqual(['it', 'marketing']);
  });

  it('flags a disagreement from the --spread threshold, inclusive', () => {
    const merged = merge(ana, ben, cho);
    const at = (spread: number) => buildReport(merged, { spread }).capabilities.find((c) => c.id === 'dependent')?.disagreement;
    expect([at(25), at(50), at(50.0001)]).toEqual([true, true, false]); // spread 50
  });

  it('gives next steps for the current level, and a roadmap to the target', () => {
    const report = buildReport(merge(ana, ben, cho));
    const cap = (id: string) => report.capabilities.find((c) => c.id === id);
    expect(cap('weighted')).toMatchObject({ level: 'defined', nextSteps: ['Weigh everything'] });
    expect(cap('dependent')).toMatchObject({ level: 'managed', nextSteps: [] }); // at target
    // gated 52.78 and weighted 55, both defined → managed in one phase, lower score first
    expect(report.roadmap).toEqual([
      {
        phase: 1,
        months: { from: 1, to: 3 }, // the default horizon, three months a phase
        steps: [
          { capability: 'gated', fromLevel: 'defined', toLevel: 'managed', actions: ['Automate the gate'] },
          { capability: 'weighted', fromLevel: 'defined', toLevel: 'managed', actions: ['Weigh everything'] },
        ],
      },
    ]);
  });

  it('localises titles, levels and recommendations, falling back to the default language', () => {
    const report = buildReport(merge(ana, ben, cho), { lang: 'ja', target: 'optimized' });
    expect(report.capabilities[0]).toMatchObject({ title: '重み付き', nextSteps: ['すべてを重み付けする'] });
    expect(report.capabilities[1]?.title).toBe('Conditional questions'); // a plain string
    expect(report.levels[2]?.label).toBe('確立');
    expect(report.roadmap.flatMap((p) => p.steps).find((s) => s.fromLevel === 'managed' && s.capability === 'weighted')?.actions).toEqual([
      'Weigh automatically',
    ]);
  });

  it('lists every answer with --detail, hidden ones included but not normalised', () => {
    const report = buildReport(merge(ana, ben, cho), { detail: true });
    const g2 = report.questions?.find((q) => q.id === 'g-2');
    expect(g2).toMatchObject({ capability: 'gated', score: 50, counted: 2, hidden: 1, notApplicable: 0, unanswered: 0 });
    expect(g2?.answers).toEqual([
      { file: 'ana.yaml', value: 4, normalized: 0.75, hidden: false },
      { file: 'ben.yaml', value: 5, normalized: null, hidden: true },
      { file: 'cho.yaml', value: 2, normalized: 0.25, hidden: false },
    ]);
    expect(report.questions?.find((q) => q.id === 'e-1')).toMatchObject({ score: null, unanswered: 3 });
  });
});

describe('one way in: add() with the answers or with them classified already gives the same merge', () => {
  const people: RespondentInput[] = [
    { file: 'ana.yaml', role: 'marketing', answers: { 'w-1': 5, 'w-2': 10, 'w-3': 2, 'g-1': 4, 'g-2': 4, 'g-3': 0, 'd-1': 3 } },
    { file: 'ben.yaml', role: 'marketing', answers: { 'w-1': 3, 'w-2': 5, 'w-3': 'n/a', 'g-1': 1, 'g-2': 5, 'd-1': 'n/a' } },
  ];

  it('scores alike: weighted 100 × (3 × 0.75 + 0.75 + 1) / 5 = 80 for both ways', () => {
    const given = createAccumulator(index);
    const classified = createAccumulator(index);
    for (const p of people) {
      given.add(p);
      classified.add({ file: p.file, role: p.role, answers: {}, classified: classifyAnswers(index, p.answers) });
    }
    const [a, b] = [given.finish(), classified.finish()];
    expect(a.capabilities[capability('weighted')]?.score).toBe(80);
    expect(b.capabilities).toEqual(a.capabilities);
    expect(b.overall).toEqual(a.overall);
    expect(b.byRole).toEqual(a.byRole);
  });

  it('refuses classified answers where the per-question detail needs the answers themselves', () => {
    const detailed = createAccumulator(index, { detail: true });
    const p = people[0] as RespondentInput;
    expect(() => detailed.add({ ...p, classified: classifyAnswers(index, p.answers) })).toThrow(/no per-question detail/);
  });
});
