import { type NOT_APPLICABLE, normalizeAnswer, type AnswerEntry } from '../model/answers.js';
import type { Capability, Question, Questionnaire } from '../model/questionnaire.js';
import { indexQuestionnaire } from './questionnaire-index.js';
import { classifyAnswers, HIDDEN } from './visibility.js';

/**
 * The question flow of `cxm run`, pure: which questions are visible given the answers so far,
 * where a question stands, and where to go next. No file system, no terminal.
 */

export type AnswerMap = Readonly<Record<string, AnswerEntry>>;

export interface FlowQuestion {
  question: Question;
  capability: Capability;
}

/** `fill` goes to the next unanswered question; `review` walks every visible question in order. */
export type FlowMode = 'fill' | 'review';

export interface QuestionPosition {
  /** 1-based among the visible questions. */
  index: number;
  total: number;
  /** 1-based among the visible questions of its capability. */
  indexInCapability: number;
  totalInCapability: number;
  /** Visible questions answered with a value or n/a. */
  answered: number;
}

export function allQuestions(q: Questionnaire): FlowQuestion[] {
  return q.capabilities.flatMap((capability) => capability.questions.map((question) => ({ question, capability })));
}

export function answerValue(entry: AnswerEntry | undefined): number | typeof NOT_APPLICABLE | undefined {
  return normalizeAnswer(entry).value;
}

/** Answered means a value or n/a; a note alone leaves a question unanswered. */
export function isAnswered(entry: AnswerEntry | undefined): boolean {
  return answerValue(entry) !== undefined;
}

/** Ids of the visible questions: the scorer's own classification (SPEC §3), so a run and a score never disagree. */
export function visibleIds(q: Questionnaire, answers: AnswerMap): Set<string> {
  const index = indexQuestionnaire(q);
  const { status } = classifyAnswers(index, answers);
  const visible = new Set<string>();
  for (const question of index.questions) if (status[question.index] !== HIDDEN) visible.add(question.id);
  return visible;
}

export function visibleQuestions(q: Questionnaire, answers: AnswerMap): FlowQuestion[] {
  const visible = visibleIds(q, answers);
  return allQuestions(q).filter(({ question }) => visible.has(question.id));
}

export function positionOf(q: Questionnaire, answers: AnswerMap, id: string): QuestionPosition | undefined {
  const visible = visibleQuestions(q, answers);
  const index = visible.findIndex((item) => item.question.id === id);
  const item = visible[index];
  if (!item) return undefined;
  const sameCapability = visible.filter((other) => other.capability === item.capability);
  return {
    index: index + 1,
    total: visible.length,
    indexInCapability: sameCapability.indexOf(item) + 1,
    totalInCapability: sameCapability.length,
    answered: visible.filter((other) => isAnswered(answers[other.question.id])).length,
  };
}

/**
 * The question after `fromId` in questionnaire order (`fromId` itself may have become hidden):
 * in `fill` mode the next unanswered visible one, in `review` mode the next visible one.
 */
export function nextQuestionId(q: Questionnaire, answers: AnswerMap, fromId: string, mode: FlowMode): string | undefined {
  const all = allQuestions(q);
  const visible = visibleIds(q, answers);
  const from = all.findIndex((item) => item.question.id === fromId);
  for (const { question } of all.slice(from + 1)) {
    if (!visible.has(question.id)) continue;
    if (mode === 'review' || !isAnswered(answers[question.id])) return question.id;
  }
  return undefined;
}

/** The visible question before `fromId` in questionnaire order, if any. */
export function previousQuestionId(q: Questionnaire, answers: AnswerMap, fromId: string): string | undefined {
  const all = allQuestions(q);
  const visible = visibleIds(q, answers);
  const from = all.findIndex((item) => item.question.id === fromId);
  for (let i = from - 1; i >= 0; i--) {
    const id = all[i]?.question.id;
    if (id !== undefined && visible.has(id)) return id;
  }
  return undefined;
}

/** Visible questions without a value or n/a, in order: the skipped ones at the end of a run. */
export function unansweredQuestions(q: Questionnaire, answers: AnswerMap): FlowQuestion[] {
  return visibleQuestions(q, answers).filter(({ question }) => !isAnswered(answers[question.id]));
}

/** Where a resumed run continues. */
export function firstUnansweredId(q: Questionnaire, answers: AnswerMap): string | undefined {
  return unansweredQuestions(q, answers)[0]?.question.id;
}

export function firstVisibleId(q: Questionnaire, answers: AnswerMap): string | undefined {
  return visibleQuestions(q, answers)[0]?.question.id;
}
