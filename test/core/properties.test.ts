import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/build-report.js';
import { createAccumulator, type RespondentInput } from '../../src/core/merge.js';
import { indexQuestionnaire, type IndexedQuestionnaire } from '../../src/core/questionnaire-index.js';
import { planRoadmap, type RoadmapInput } from '../../src/core/roadmap.js';
import { scoreRespondent } from '../../src/core/score-respondent.js';
import type { AnswerEntry } from '../../src/model/answers.js';
import { questionnaireSchema } from '../../src/model/questionnaire.js';

// Random questionnaires: 1-3 scales of 2-6 values anywhere in −10…10 (quarters), 1-5 capabilities of
// 1-4 questions with random weights, `when` conditions on earlier questions and `requires` on earlier
// capabilities (so no cycles), random level minimums and target.
const MAX_QUESTIONS = 20;
const weight = fc.constantFrom(0.5, 1, 2, 3);
const questionnaireArb = fc
  .record({
    scales: fc.array(fc.uniqueArray(fc.integer({ min: -40, max: 40 }), { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
    levelMins: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }),
    target: fc.nat(),
    capabilities: fc.array(
      fc.record({
        weight,
        requires: fc.uniqueArray(fc.nat({ max: 4 }), { maxLength: 2 }),
        questions: fc.array(
          fc.record({
            scale: fc.nat(),
            weight,
            allowNA: fc.boolean(),
            when: fc.option(fc.record({ ref: fc.nat(), kind: fc.constantFrom('atLeast', 'atMost', 'in'), pick: fc.nat() }), { freq: 3 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map((spec) => {
    const scaleValues = spec.scales.map((values) => values.map((v) => v / 4));
    const earlier: { id: string; values: number[] }[] = [];
    const levels = [0, ...[...spec.levelMins].sort((a, b) => a - b)].map((min, i) => ({ id: `L${i}`, min, label: `L${i}` }));
    const raw = {
      id: 'random',
      version: '1.0.0',
      title: 'Random',
      scales: Object.fromEntries(
        scaleValues.map((values, s) => [`s${s}`, { options: values.map((value) => ({ value, label: String(value) })) }]),
      ),
      levels,
      target: levels[spec.target % levels.length]?.id,
      capabilities: spec.capabilities.map((cap, c) => ({
        id: `c${c}`,
        title: `Capability ${c}`,
        weight: cap.weight,
        requires: c === 0 ? [] : [...new Set(cap.requires.map((r) => `c${r % c}`))],
        recommendations: Object.fromEntries(levels.map((l) => [l.id, [`raise c${c} from ${l.id}`]])),
        questions: cap.questions.map((question, k) => {
          const id = `c${c}q${k}`;
          const values = scaleValues[question.scale % scaleValues.length] ?? [];
          const ref = earlier.length > 0 && question.when ? earlier[question.when.ref % earlier.length] : undefined;
          const value = ref?.values[(question.when?.pick ?? 0) % ref.values.length] ?? 0;
          const kind = question.when?.kind;
          earlier.push({ id, values });
          return {
            id,
            text: id,
            scale: `s${question.scale % scaleValues.length}`,
            weight: question.weight,
            allowNA: question.allowNA,
            ...(ref && { when: kind === 'in' ? { question: ref.id, in: [value] } : { question: ref.id, [kind ?? 'atLeast']: value } }),
          };
        }),
      })),
    };
    return indexQuestionnaire(questionnaireSchema.parse(raw));
  });

/** A respondent as seeds: per question, an option index, or one past the end (unanswered), or two (n/a). */
const respondentArb = fc.record({
  seeds: fc.array(fc.nat(), { minLength: MAX_QUESTIONS, maxLength: MAX_QUESTIONS }),
  role: fc.constantFrom(undefined, 'marketing', 'sales'),
});
type RespondentSeed = { seeds: number[]; role: string | undefined };

function answersOf(index: IndexedQuestionnaire, seeds: readonly number[]): Record<string, AnswerEntry> {
  const answers: Record<string, AnswerEntry> = {};
  for (const question of index.questions) {
    const pick = (seeds[question.index] ?? 0) % (question.values.length + 2);
    const allowNA = index.questionnaire.capabilities[question.capability]?.questions.find((q) => q.id === question.id)?.allowNA;
    if (pick < question.values.length) answers[question.id] = question.values[pick] ?? 0;
    else if (pick === question.values.length + 1 && allowNA) answers[question.id] = 'n/a';
  }
  return answers;
}

const toInputs = (index: IndexedQuestionnaire, respondents: readonly RespondentSeed[]): RespondentInput[] =>
  respondents.map((r, i) => ({ file: `r${i}.yaml`, name: `R${i}`, role: r.role, answers: answersOf(index, r.seeds) }));

function merge(index: IndexedQuestionnaire, inputs: readonly RespondentInput[]) {
  const accumulator = createAccumulator(index, { detail: false });
  for (const input of inputs) accumulator.add(input);
  return accumulator.finish();
}

const inRange = (score: number | null) => score === null || (score >= 0 && score <= 100);

describe('scoring properties', () => {
  it('every score is within 0-100 and every coverage within 0-1', () => {
    fc.assert(
      fc.property(questionnaireArb, fc.array(respondentArb, { minLength: 1, maxLength: 5 }), (index, respondents) => {
        const report = buildReport(merge(index, toInputs(index, respondents)), { detail: true });
        const scores = [
          report.overall.score,
          ...report.capabilities.flatMap((c) => [c.score, ...c.respondents.map((r) => r.score)]),
          ...Object.values(report.byRole).flatMap((byCap) => Object.values(byCap)),
          ...(report.questions ?? []).map((q) => q.score),
        ];
        expect(scores.every(inRange)).toBe(true);
        const coverages = [report.overall.coverage, ...report.capabilities.map((c) => c.coverage)];
        expect(coverages.every((c) => c >= 0 && c <= 1)).toBe(true);
      }),
    );
  });

  it('the order of the respondents does not change any merged figure', () => {
    fc.assert(
      fc.property(
        questionnaireArb,
        fc.array(respondentArb, { minLength: 2, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        (index, respondents, keys) => {
          const inputs = toInputs(index, respondents);
          const shuffled = inputs
            .map((input, i) => ({ input, key: keys[i] ?? 0 }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.input);
          const a = buildReport(merge(index, inputs));
          const b = buildReport(merge(index, shuffled));
          const figures = (r: typeof a) => ({
            overall: r.overall,
            capabilities: r.capabilities.map(({ respondents: own, ...rest }) => ({
              ...rest,
              own: own.map((o) => o.score ?? -1).sort((x, y) => x - y),
            })),
            byRole: r.byRole,
            roadmap: r.roadmap,
          });
          // Exact equality: the merge tallies options, so no float sum depends on the order.
          expect(figures(b)).toEqual(figures(a));
        },
      ),
    );
  });

  it('one respondent merged equals that respondent', () => {
    fc.assert(
      fc.property(questionnaireArb, respondentArb, (index, respondent) => {
        const [input] = toInputs(index, [respondent]);
        if (!input) return;
        const own = scoreRespondent(index, input.answers);
        const merged = merge(index, [input]);
        expect(merged.capabilities).toEqual(own.capabilities);
        expect(merged.overall).toEqual(own.overall);
      }),
    );
  });

  it('turning an unanswered question into n/a changes nothing', () => {
    fc.assert(
      fc.property(
        questionnaireArb,
        fc.array(respondentArb, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        (index, respondents, who, which) => {
          const inputs = toInputs(index, respondents);
          const target = inputs[who % inputs.length];
          const candidates = index.questions.filter((q) => {
            const allowNA = index.questionnaire.capabilities[q.capability]?.questions.find((x) => x.id === q.id)?.allowNA !== false;
            return allowNA && target !== undefined && !(q.id in target.answers);
          });
          const question = candidates[which % Math.max(1, candidates.length)];
          fc.pre(target !== undefined && question !== undefined);
          if (!target || !question) return;
          const withNA = inputs.map((input) =>
            input === target ? { ...input, answers: { ...input.answers, [question.id]: 'n/a' as const } } : input,
          );
          const before = merge(index, inputs);
          const after = merge(index, withNA);
          expect(after.capabilities).toEqual(before.capabilities);
          expect(after.overall).toEqual(before.overall);
          expect(after.byRole).toEqual(before.byRole);
          const own = (m: typeof before) => index.capabilities.map((_, c) => m.respondents.capabilityEntries(c).map((r) => r.score));
          expect(own(after)).toEqual(own(before));
        },
      ),
    );
  });

  it('raising one answer never lowers its capability score (for a question no condition depends on)', () => {
    fc.assert(
      fc.property(
        questionnaireArb,
        fc.array(respondentArb, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (index, respondents, who, which, step) => {
          const inputs = toInputs(index, respondents);
          const target = inputs[who % inputs.length];
          const referenced = new Set(index.questions.map((q) => q.whenIndex));
          const candidates = index.questions.filter((q) => !referenced.has(q.index) && typeof target?.answers[q.id] === 'number');
          const question = candidates[which % Math.max(1, candidates.length)];
          const current = question && target ? target.answers[question.id] : undefined;
          const higher = question?.values.filter((v) => typeof current === 'number' && v > current) ?? [];
          fc.pre(higher.length > 0);
          if (!question || !target) return;
          const raised = higher[step % higher.length] ?? 0;
          const raisedInputs = inputs.map((input) =>
            input === target ? { ...input, answers: { ...input.answers, [question.id]: raised } } : input,
          );
          const c = question.capability;
          const before = merge(index, inputs);
          const after = merge(index, raisedInputs);
          expect(after.capabilities[c]?.score ?? -1).toBeGreaterThanOrEqual(before.capabilities[c]?.score ?? -1);
          const own = (m: typeof before) => m.respondents.score(inputs.indexOf(target), c) ?? -1;
          expect(own(after)).toBeGreaterThanOrEqual(own(before));
        },
      ),
    );
  });
});

describe('roadmap properties', () => {
  // Random DAGs: capability i may require any earlier capability; some have no score.
  const roadmapArb = fc
    .record({
      target: fc.integer({ min: 0, max: 4 }),
      capabilities: fc.array(
        fc.record({
          score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { freq: 5 }),
          requires: fc.uniqueArray(fc.nat({ max: 7 }), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    })
    .map(({ target, capabilities }) => ({
      target,
      capabilities: capabilities.map(
        (c, i): RoadmapInput => ({
          id: `c${i}`,
          score: c.score,
          level: c.score === null ? -1 : Math.min(4, Math.floor(c.score / 20)),
          requires: i === 0 ? [] : [...new Set(c.requires.map((r) => `c${r % i}`))],
        }),
      ),
    }));

  it('never schedules a capability ahead of a prerequisite still below target, and reaches the target', () => {
    fc.assert(
      fc.property(roadmapArb, ({ target, capabilities }) => {
        const phases = planRoadmap(capabilities, target);
        const planned = new Map(capabilities.filter((c) => c.score !== null).map((c) => [c.id, c.level]));
        const byId = new Map(capabilities.map((c) => [c.id, c]));
        phases.forEach((phase, p) => {
          expect(phase.phase).toBe(p + 1);
          expect(phase.steps.length).toBeGreaterThan(0);
          const start = new Map(planned);
          for (const step of phase.steps) {
            expect(step.fromLevel).toBe(start.get(step.capability));
            expect(step.toLevel).toBe(step.fromLevel + 1);
            expect(step.toLevel).toBeLessThanOrEqual(target);
            for (const req of byId.get(step.capability)?.requires ?? []) {
              const reqLevel = start.get(req);
              if (reqLevel !== undefined && reqLevel < target) expect(reqLevel).toBeGreaterThanOrEqual(step.toLevel);
            }
            planned.set(step.capability, step.toLevel);
          }
        });
        for (const [id, level] of planned) if ((byId.get(id)?.level ?? 0) < target) expect(level).toBe(target);
      }),
    );
  });

  it('holds on reports built from random questionnaires and answers', () => {
    fc.assert(
      fc.property(questionnaireArb, fc.array(respondentArb, { minLength: 1, maxLength: 3 }), (index, respondents) => {
        const report = buildReport(merge(index, toInputs(index, respondents)));
        const levelIndex = new Map(report.levels.map((l, i) => [l.id, i]));
        const target = levelIndex.get(report.target) ?? 0;
        const planned = new Map(report.capabilities.filter((c) => c.level !== null).map((c) => [c.id, levelIndex.get(c.level ?? '') ?? 0]));
        for (const phase of report.roadmap) {
          const start = new Map(planned);
          for (const step of phase.steps) {
            const to = levelIndex.get(step.toLevel) ?? 0;
            for (const req of report.capabilities.find((c) => c.id === step.capability)?.requires ?? []) {
              const reqLevel = start.get(req);
              if (reqLevel !== undefined && reqLevel < target) expect(reqLevel).toBeGreaterThanOrEqual(to);
            }
            planned.set(step.capability, to);
          }
        }
        expect(report.roadmap.flatMap((p) => p.steps).every((s) => !report.notAssessed.includes(s.capability))).toBe(true);
      }),
    );
  });
});
