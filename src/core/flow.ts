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
  /** Stable whatever is answered: `9` for the 9th question without a condition, `9.1` for a follow-up after it. */
  number: string;
  /** Questions without a condition: the total a header shows, which never grows. */
  baseTotal: number;
  /** Questions asked only when a condition holds, visible or not. */
  followUps: number;
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
  const numbering = questionNumbers(q);
  return {
    index: index + 1,
    total: visible.length,
    indexInCapability: sameCapability.indexOf(item) + 1,
    totalInCapability: sameCapability.length,
    answered: visible.filter((other) => isAnswered(answers[other.question.id])).length,
    number: numbering.numbers.get(id) ?? String(index + 1),
    baseTotal: numbering.baseTotal,
    followUps: numbering.followUps,
  };
}

export interface QuestionNumbering {
  numbers: Map<string, string>;
  baseTotal: number;
  followUps: number;
}

const numberings = new WeakMap<Questionnaire, QuestionNumbering>();

/**
 * Numbers that do not move as follow-ups unlock: questions without a condition 1…N in order, a
 * follow-up `k.1`, `k.2`… after base question k (`0.1` before the first).
 */
export function questionNumbers(q: Questionnaire): QuestionNumbering {
  const known = numberings.get(q);
  if (known) return known;
  const numbers = new Map<string, string>();
  let base = 0;
  let sub = 0;
  let followUps = 0;
  for (const { question } of allQuestions(q)) {
    if (question.when === undefined) {
      base++;
      sub = 0;
      numbers.set(question.id, String(base));
    } else {
      sub++;
      followUps++;
      numbers.set(question.id, `${base}.${sub}`);
    }
  }
  const numbering = { numbers, baseTotal: base, followUps };
  numberings.set(q, numbering);
  return numbering;
}

export type ListStatus = 'answered' | 'n/a' | 'skipped' | 'open';

export interface QuestionListEntry {
  id: string;
  number: string;
  capability: Capability;
  question: Question;
  status: ListStatus;
  /** Carries a note: something to come back to. */
  flagged: boolean;
}

/**
 * The visible questions for the jump list. Unanswered is `skipped` once it was shown and left
 * (`visited`) or a later question has an answer, else `open` (not reached yet).
 */
export function questionList(q: Questionnaire, answers: AnswerMap, visited: ReadonlySet<string> = new Set()): QuestionListEntry[] {
  const visible = visibleQuestions(q, answers);
  const { numbers } = questionNumbers(q);
  let laterAnswered = false;
  const entries: QuestionListEntry[] = [];
  for (let i = visible.length - 1; i >= 0; i--) {
    const item = visible[i];
    if (!item) continue;
    const { question, capability } = item;
    const { value, note } = normalizeAnswer(answers[question.id]);
    const status: ListStatus =
      value === 'n/a' ? 'n/a' : value !== undefined ? 'answered' : laterAnswered || visited.has(question.id) ? 'skipped' : 'open';
    if (value !== undefined) laterAnswered = true;
    entries.push({ id: question.id, number: numbers.get(question.id) ?? '', capability, question, status, flagged: note !== undefined });
  }
  return entries.reverse();
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
