import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { levelOf } from '../../src/core/levels.js';
import { createAccumulator } from '../../src/core/merge.js';
import { indexQuestionnaire, type IndexedQuestionnaire } from '../../src/core/questionnaire-index.js';
import { scoreAnswerPaths } from '../../src/io/score-files.js';
import { loadAnswerFile } from '../../src/io/load-answers.js';
import { loadQuestionnaireFile } from '../../src/io/load-questionnaire.js';
import type { AnswerEntry } from '../../src/model/answers.js';
import { fixture } from '../helpers/cli.js';

// OWASP SAMM v2: 15 practices (our capabilities) of six questions each, every answer 0, 0.25, 0.5 or 1.
// SAMM's practice score (0-3) = the sum of its six answers / 2. With min 0 and max 1, q = v, so our
// capability score 100 × Σv / 6 must equal SAMM's score × 100 / 3.
const sammScore = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / 2;

let index: IndexedQuestionnaire;
beforeAll(async () => {
  index = indexQuestionnaire((await loadQuestionnaireFile(fixture('owasp-samm', 'owasp-samm.yaml'))).questionnaire);
});

describe('OWASP SAMM, scored by cxm', () => {
  it('has 15 practices of six questions', () => {
    expect(index.capabilities).toHaveLength(15);
    expect(index.capabilities.every((c) => c.questions.length === 6)).toBe(true);
  });

  it("matches SAMM's practice score for each answer file of the fixture", async () => {
    // The folder also holds the questionnaire itself: scoring a folder skips it.
    const { report, files } = await scoreAnswerPaths([fixture('owasp-samm')]);
    expect(files.map((f) => f.replace(/.*\//, ''))).toEqual(['appsec-team.yaml', 'platform-team.yaml']);
    for (const [r, file] of files.entries()) {
      const { answers } = await loadAnswerFile(file);
      for (const cap of index.capabilities) {
        const values = cap.questions.map((i) => Number(answers.answers[index.questions[i]?.id ?? '']));
        const own = report.capabilities.find((c) => c.id === cap.id)?.respondents[r]?.score ?? NaN;
        expect((own * 3) / 100).toBeCloseTo(sammScore(values), 12);
      }
    }
  });

  it("matches SAMM's practice score and level for any answers", () => {
    const options = [0, 0.25, 0.5, 1];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...options), { minLength: 90, maxLength: 90 }), (values) => {
        const answers: Record<string, AnswerEntry> = {};
        index.questions.forEach((q, i) => {
          answers[q.id] = values[i] ?? 0;
        });
        const scored = createAccumulator(index).add({ file: 'x.yaml', answers });
        index.capabilities.forEach((cap, c) => {
          const expected = sammScore(cap.questions.map((i) => values[i] ?? 0));
          const score = scored.capabilities[c]?.score ?? NaN;
          expect((score * 3) / 100).toBeCloseTo(expected, 12);
          // SAMM's levels are whole practice scores; the level minimums 100/3 and 200/3 are inexact
          // in floating point, and the 1e-9 tolerance keeps e.g. a sum of exactly 2 at level 1.
          expect(levelOf(score, index.levels)).toBe(`level-${Math.floor(expected)}`);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('gives each practice of an answer file its whole SAMM level', async () => {
    const { report } = await scoreAnswerPaths([fixture('owasp-samm', 'appsec-team.yaml')]);
    const { answers } = await loadAnswerFile(fixture('owasp-samm', 'appsec-team.yaml'));
    for (const cap of index.capabilities) {
      const samm = sammScore(cap.questions.map((i) => Number(answers.answers[index.questions[i]?.id ?? ''])));
      expect(report.capabilities.find((c) => c.id === cap.id)?.level).toBe(`level-${Math.floor(samm)}`);
    }
  });
});
