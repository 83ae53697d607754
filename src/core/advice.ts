import type { Advice } from '../model/questionnaire.js';
import { reaches } from './levels.js';
import { denormalize } from './scale.js';
import type { QuestionSummary } from './merge.js';
import type { IndexedQuestionnaire } from './questionnaire-index.js';

export interface AppliedAdvice {
  question: string;
  text: Advice['text'];
}

/**
 * SPEC §5: a question's advice applies when its merged value v̄ = min + q̄·(max − min) is at most
 * `atMost` (+1e-9), whatever the capability's level — a single low answer then still gets its fix
 * even when the capability's average skips the level whose steps would address it.
 */
export function applicableAdvice(index: IndexedQuestionnaire, questions: readonly QuestionSummary[], capability: number): AppliedAdvice[] {
  const cap = index.questionnaire.capabilities[capability];
  const found: AppliedAdvice[] = [];
  cap?.questions.forEach((question, k) => {
    const i = index.capabilities[capability]?.questions[k] ?? -1;
    const score = questions[i]?.score ?? null;
    const values = index.questions[i]?.values ?? [];
    if (!question.advice || score === null || values.length === 0) return;
    const merged = denormalize(score / 100, { min: Math.min(...values), max: Math.max(...values) });
    for (const advice of question.advice) {
      if (reaches(advice.atMost, merged)) found.push({ question: question.id, text: advice.text });
    }
  });
  return found;
}
