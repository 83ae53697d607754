import { NOT_APPLICABLE, normalizeAnswer, type AnswerEntry } from '../model/answers.js';
import type { Condition } from '../model/questionnaire.js';
import type { IndexedQuestion, IndexedQuestionnaire } from './questionnaire-index.js';

/** What became of one question for one respondent. Only COUNTED enters the averages. */
export const COUNTED = 0;
export const NOT_APPLICABLE_STATUS = 1;
export const UNANSWERED = 2;
export const HIDDEN = 3;
export type QuestionStatus = typeof COUNTED | typeof NOT_APPLICABLE_STATUS | typeof UNANSWERED | typeof HIDDEN;

export interface ClassifiedAnswers {
  /** Per question, in questionnaire order. */
  status: Uint8Array;
  /** Per question: the index of the chosen scale option when COUNTED, else -1. */
  option: Int32Array;
}

/** All the tests that are given must hold (SPEC §3). */
export function conditionHolds(when: Condition, value: number): boolean {
  if (when.atLeast !== undefined && value < when.atLeast) return false;
  if (when.atMost !== undefined && value > when.atMost) return false;
  if (when.in !== undefined && !when.in.includes(value)) return false;
  return true;
}

/**
 * Classifies every answer, in questionnaire order so that a condition sees the final status of the
 * earlier question it refers to: a condition on a hidden, unanswered or n/a question is not met, and
 * a hidden question is not scored even when an answer for it is present.
 */
export function classifyAnswers(index: IndexedQuestionnaire, answers: Readonly<Record<string, AnswerEntry>>): ClassifiedAnswers {
  return classifyValues(index, (question) => normalizeAnswer(Object.hasOwn(answers, question.id) ? answers[question.id] : undefined).value);
}

/** The value given to a question before visibility applies: a scale value, n/a, or none. */
export type GivenValue = number | typeof NOT_APPLICABLE | undefined;

/** The same from each question's given value: a survey row has them by question, not by id. */
export function classifyValues(index: IndexedQuestionnaire, givenValue: (question: IndexedQuestion) => GivenValue): ClassifiedAnswers {
  const n = index.questions.length;
  const status = new Uint8Array(n);
  const option = new Int32Array(n).fill(-1);
  // Hidden questions counted as their lowest option still hide what depends on them.
  const hidden = new Uint8Array(n);
  for (const question of index.questions) {
    const i = question.index;
    if (question.when && !isMet(question.when, question.whenIndex, status, option, hidden, index)) {
      hidden[i] = 1;
      // `ifHidden: lowest` (SPEC §5): counted as answered with q = 0, and visible for coverage.
      if (question.hiddenOption >= 0) {
        status[i] = COUNTED;
        option[i] = question.hiddenOption;
      } else status[i] = HIDDEN;
      continue;
    }
    const value = givenValue(question);
    if (value === undefined) status[i] = UNANSWERED;
    else if (value === NOT_APPLICABLE) status[i] = NOT_APPLICABLE_STATUS;
    else {
      const chosen = question.optionOf.get(value);
      if (chosen === undefined) throw new Error(`${value} is not on the scale of ${question.id} (the answers were not validated)`);
      status[i] = COUNTED;
      option[i] = chosen;
    }
  }
  return { status, option };
}

function isMet(
  when: Condition,
  whenIndex: number,
  status: Uint8Array,
  option: Int32Array,
  hidden: Uint8Array,
  index: IndexedQuestionnaire,
): boolean {
  if (whenIndex < 0 || status[whenIndex] !== COUNTED || hidden[whenIndex]) return false;
  const value = index.questions[whenIndex]?.values[option[whenIndex] ?? -1];
  return value !== undefined && conditionHolds(when, value);
}
