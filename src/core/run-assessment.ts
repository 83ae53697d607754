import { NOT_APPLICABLE, normalizeAnswer } from '../model/answers.js';
import type { Questionnaire } from '../model/questionnaire.js';
import { localize } from '../model/text.js';
import { clearAnswer, sameEntry, setAnswer, setNote, type AnswerValue } from './answers-state.js';
import {
  allQuestions,
  firstUnansweredId,
  nextQuestionId,
  positionOf,
  previousQuestionId,
  questionList,
  unansweredQuestions,
  type AnswerMap,
  type FlowMode,
  type ListStatus,
  type QuestionPosition,
} from './flow.js';

/** Everything a terminal needs to draw one question, already in the run's language. */
export interface QuestionScreen {
  id: string;
  title: string;
  capability: string;
  text: string;
  help: string | undefined;
  showHelp: boolean;
  position: QuestionPosition;
  options: { value: number; label: string }[];
  allowNA: boolean;
  canGoBack: boolean;
  current: { value: AnswerValue | undefined; note: string | undefined };
}

export type QuestionChoice =
  | { kind: 'answer'; value: number }
  | { kind: 'na' }
  | { kind: 'skip' }
  | { kind: 'back' }
  | { kind: 'note' }
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'quit' };

/** One row of the jump list, in the run's language. */
export interface QuestionListRow {
  id: string;
  number: string;
  capability: string;
  text: string;
  status: ListStatus;
  flagged: boolean;
}

export interface SkippedQuestion {
  id: string;
  index: number;
  /** As the header numbers it (`10`, `9.1`). */
  number: string;
  text: string;
}

/** The interaction is passed in, so the flow runs (and is tested) without a terminal. */
export interface AssessmentInteraction {
  question(screen: QuestionScreen): Promise<QuestionChoice>;
  /** Returns the new note; an empty string removes it, undefined (Esc) leaves it as it was. */
  note(screen: QuestionScreen): Promise<string | undefined>;
  /** At the end, when visible questions are still unanswered. */
  skipped(questions: SkippedQuestion[]): Promise<'answer' | 'finish' | 'quit'>;
  /** Every visible question with its status: the id to jump to, or undefined to stay at `currentId`. */
  questionList(rows: QuestionListRow[], currentId: string | undefined): Promise<string | undefined>;
}

export interface AssessmentOptions {
  lang: string;
  ask: AssessmentInteraction;
  /**
   * Persists the answers; awaited before the next question is shown. May return the answers as
   * saved (with those merged in from another change to the file), which the run continues with.
   */
  save(answers: AnswerMap): Promise<AnswerMap | undefined>;
  /** Where to start; default the first unanswered visible question. */
  startAt?: string | undefined;
  mode?: FlowMode;
  /** Open the question list first (reviewing a completed file): the run goes where it is picked. */
  startWithList?: boolean;
}

export interface AssessmentResult {
  status: 'finished' | 'quit';
  answers: AnswerMap;
}

export async function runAssessment(q: Questionnaire, initial: AnswerMap, options: AssessmentOptions): Promise<AssessmentResult> {
  const { ask, save } = options;
  let answers = initial;
  let mode: FlowMode = options.mode ?? 'fill';
  let current = options.startAt ?? firstUnansweredId(q, answers);
  let showHelp = false;
  // Shown and left unanswered: "skipped" in the list, where an unreached question is "open".
  const visited = new Set<string>();
  const list = async (at: string | undefined) => {
    const rows = questionList(q, answers, visited).map((entry) => ({
      id: entry.id,
      number: entry.number,
      capability: localize(entry.capability.title, options.lang, defaultLang(q)),
      text: localize(entry.question.text, options.lang, defaultLang(q)),
      status: entry.status,
      flagged: entry.flagged,
    }));
    return (await ask.questionList(rows, at)) ?? at;
  };
  if (options.startWithList) current = await list(current);

  const update = async (next: AnswerMap, id: string): Promise<void> => {
    if (sameEntry(next[id], answers[id])) return;
    answers = (await save(next)) ?? next;
  };

  for (;;) {
    if (current === undefined) {
      const skipped = unansweredQuestions(q, answers);
      if (skipped.length === 0) return { status: 'finished', answers };
      const choice = await ask.skipped(
        skipped.map(({ question }) => ({
          id: question.id,
          index: positionOf(q, answers, question.id)?.index ?? 0,
          number: positionOf(q, answers, question.id)?.number ?? '',
          text: localize(question.text, options.lang, defaultLang(q)),
        })),
      );
      if (choice === 'finish') return { status: 'finished', answers };
      if (choice === 'quit') return { status: 'quit', answers };
      mode = 'fill';
      current = skipped[0]?.question.id;
      continue;
    }

    const screen = buildScreen(q, answers, current, options.lang, showHelp);
    const choice = await ask.question(screen);
    const id: string = current;
    switch (choice.kind) {
      case 'answer':
      case 'na':
        await update(setAnswer(answers, id, choice.kind === 'na' ? NOT_APPLICABLE : choice.value), id);
        current = nextQuestionId(q, answers, id, mode);
        showHelp = false;
        break;
      case 'skip':
        await update(clearAnswer(answers, id), id);
        current = nextQuestionId(q, answers, id, mode);
        showHelp = false;
        break;
      case 'back':
        current = previousQuestionId(q, answers, id) ?? id;
        showHelp = false;
        break;
      case 'note': {
        const note = await ask.note(screen);
        if (note !== undefined) await update(setNote(answers, id, note), id);
        break;
      }
      case 'help':
        showHelp = !showHelp;
        break;
      case 'list':
        current = await list(id);
        if (current !== id) showHelp = false;
        break;
      case 'quit':
        return { status: 'quit', answers };
    }
    if (current !== id) visited.add(id);
  }
}

function defaultLang(q: Questionnaire): string {
  return q.languages?.[0] ?? 'en';
}

export function buildScreen(q: Questionnaire, answers: AnswerMap, id: string, lang: string, showHelp: boolean): QuestionScreen {
  const item = allQuestions(q).find(({ question }) => question.id === id);
  const position = positionOf(q, answers, id);
  if (!item || !position) throw new Error(`question ${id} is not visible`);
  const { question, capability } = item;
  const fallback = defaultLang(q);
  const text = (t: Parameters<typeof localize>[0]) => localize(t, lang, fallback);
  const current = normalizeAnswer(answers[id]);
  return {
    id,
    title: text(q.title),
    capability: text(capability.title),
    text: text(question.text),
    help: question.help === undefined ? undefined : text(question.help),
    showHelp,
    position,
    options: (q.scales[question.scale]?.options ?? []).map((o) => ({ value: o.value, label: text(o.label) })),
    allowNA: question.allowNA !== false,
    canGoBack: previousQuestionId(q, answers, id) !== undefined,
    current: { value: current.value, note: current.note },
  };
}
