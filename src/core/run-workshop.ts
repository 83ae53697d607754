import { NOT_APPLICABLE } from '../model/answers.js';
import type { Questionnaire } from '../model/questionnaire.js';
import { type LocalizedText, localize } from '../model/text.js';
import type { Group } from '../model/workshop.js';
import type { FlowMode } from './flow.js';
import type { QuestionListRow } from './run-assessment.js';
import type { VoteRow } from './vote-keys.js';
import { type WorkshopPosition, WorkshopView } from './workshop-flow.js';
import { sameVoteEntry, setQuestionNote, setVotes, type Votes, type WorkshopAnswers } from './workshop-state.js';

/**
 * `cxm run --groups`, pure: every group votes on each question on one screen, the votes are saved
 * before the next question shows, a question the groups disagree on is offered for discussion,
 * and each capability ends with a summary per group. The interaction is passed in.
 */

export interface VoteScreen {
  id: string;
  title: string;
  capability: string;
  text: string;
  help: string | undefined;
  showHelp: boolean;
  position: WorkshopPosition;
  options: { value: number; label: string }[];
  allowNA: boolean;
  canGoBack: boolean;
  /** One row per group, with its vote so far. */
  rows: VoteRow[];
  note: string | undefined;
}

/** `draft`: the votes pressed but not confirmed yet, kept on the screen that comes back. */
export type VoteChoice =
  | { kind: 'confirm'; votes: Votes }
  | { kind: 'back' }
  /** `g`: the question list, to jump to any question. */
  | { kind: 'list' }
  | { kind: 'note'; draft: Votes }
  | { kind: 'help'; draft: Votes }
  | { kind: 'quit' };

export interface DiscussionScreen {
  id: string;
  text: string;
  spread: number;
  threshold: number;
  /** Each group's vote as shown: `Marketing 4`. */
  votes: { name: string; vote: string }[];
  note: string | undefined;
}

export type DiscussionChoice = 'note' | 'revote' | 'continue' | 'quit';

export interface CapabilitySummary {
  capability: string;
  groups: { name: string; score: number | null }[];
  flagged: { id: string; text: string; spread: number }[];
}

/** A question not voted by every group, listed at the end. */
export interface UnvotedQuestion {
  id: string;
  /** 1-based among the questions visible to some group. */
  index: number;
  text: string;
}

export interface WorkshopInteraction {
  vote(screen: VoteScreen): Promise<VoteChoice>;
  /** Returns the question's new note; an empty string removes it, undefined (Esc) leaves it as it was. */
  note(screen: { id: string; text: string; note: string | undefined }): Promise<string | undefined>;
  discuss(screen: DiscussionScreen): Promise<DiscussionChoice>;
  capabilityDone(summary: CapabilitySummary): Promise<'continue' | 'quit'>;
  /** Every question visible to some group with its status: the id to jump to, or undefined to stay. */
  questionList(rows: QuestionListRow[], currentId: string): Promise<string | undefined>;
  /** At the end, when questions are still not voted by every group. */
  unvoted(questions: UnvotedQuestion[]): Promise<'answer' | 'finish' | 'quit'>;
}

export interface WorkshopOptions {
  lang: string;
  ask: WorkshopInteraction;
  /** Persists the answers, awaited before the next screen; may return them as saved (merged). */
  save(answers: WorkshopAnswers): Promise<WorkshopAnswers | undefined>;
  /** Question spread from which a question is discussed (SPEC §5 `--discuss`). */
  discuss: number;
  startAt?: string | undefined;
  mode?: FlowMode;
  /** Open the question list first (reviewing a completed file): the run goes where it is picked. */
  startWithList?: boolean;
}

export interface WorkshopResult {
  status: 'finished' | 'quit';
  answers: WorkshopAnswers;
}

export async function runWorkshop(
  q: Questionnaire,
  groups: readonly Group[],
  initial: WorkshopAnswers,
  options: WorkshopOptions,
): Promise<WorkshopResult> {
  const { ask } = options;
  const fallback = q.languages?.[0] ?? 'en';
  const text = (t: LocalizedText) => localize(t, options.lang, fallback);
  let answers = initial;
  let mode: FlowMode = options.mode ?? 'fill';
  const view = () => new WorkshopView(q, answers, groups);
  let current = options.startAt ?? view().firstOpenId();
  let showHelp = false;
  let draft: Votes | undefined;

  /** `g`: every question with its status; the one picked, or `id` when the list is left. */
  const pickFromList = async (id: string): Promise<string> => {
    const v = view();
    const rows = v.listed().map(
      (item): QuestionListRow => ({
        id: item.question.id,
        number: v.numberOf(item.question.id),
        capability: text(item.capability.title),
        text: text(item.question.text),
        status: v.status(item.question.id),
        flagged: answers[item.question.id]?.note !== undefined,
      }),
    );
    return (await ask.questionList(rows, id)) ?? id;
  };
  if (options.startWithList && current !== undefined) current = await pickFromList(current);

  const update = async (next: WorkshopAnswers, id: string) => {
    if (sameVoteEntry(next[id], answers[id])) return;
    answers = (await options.save(next)) ?? next;
  };

  for (;;) {
    if (current === undefined) {
      const open = view().open();
      if (open.length === 0) return { status: 'finished', answers };
      const choice = await ask.unvoted(
        open.map(({ question }) => ({
          id: question.id,
          index: view().position(question.id)?.index ?? 0,
          text: text(question.text),
        })),
      );
      if (choice !== 'answer') return { status: choice === 'finish' ? 'finished' : 'quit', answers };
      mode = 'fill';
      current = open[0]?.question.id;
      continue;
    }
    const id: string = current;
    const screen = buildVoteScreen(q, view(), answers, id, text, showHelp, draft);
    const choice = await ask.vote(screen);
    if (choice.kind === 'quit') return { status: 'quit', answers };
    if (choice.kind === 'help') {
      showHelp = !showHelp;
      draft = choice.draft;
      continue;
    }
    if (choice.kind === 'note') {
      const note = await ask.note({ id, text: screen.text, note: answers[id]?.note });
      if (note !== undefined) await update(setQuestionNote(answers, id, note), id);
      draft = choice.draft;
      continue;
    }
    showHelp = false;
    draft = undefined;
    if (choice.kind === 'back') {
      current = view().previousId(id) ?? id;
      continue;
    }
    if (choice.kind === 'list') {
      current = await pickFromList(id);
      continue;
    }
    await update(setVotes(answers, id, choice.votes), id);
    const discussed = await discuss(id, screen.text);
    if (discussed === 'quit') return { status: 'quit', answers };
    if (discussed === 'revote') continue;
    const next = view().nextId(id, mode);
    if (capabilityOf(q, next) !== capabilityOf(q, id)) {
      const done = await ask.capabilityDone(summarize(q, view(), capabilityOf(q, id) ?? '', options.discuss, text));
      if (done === 'quit') return { status: 'quit', answers };
    }
    current = next;
  }

  /** When the groups disagree: votes side by side, a note, or a new vote. */
  async function discuss(id: string, questionText: string): Promise<DiscussionChoice> {
    for (;;) {
      const v = view();
      const spread = v.spread(id);
      if (spread === null || !v.isFlagged(id, options.discuss)) return 'continue';
      const votes = answers[id]?.votes ?? {};
      const choice = await ask.discuss({
        id,
        text: questionText,
        spread,
        threshold: options.discuss,
        votes: groups.filter((g) => v.seenBy(id).has(g.id)).map((g) => ({ name: g.name, vote: shownVote(votes[g.id]) })),
        note: answers[id]?.note,
      });
      if (choice !== 'note') return choice;
      const note = await ask.note({ id, text: questionText, note: answers[id]?.note });
      if (note !== undefined) await update(setQuestionNote(answers, id, note), id);
    }
  }
}

function shownVote(vote: number | typeof NOT_APPLICABLE | undefined): string {
  if (vote === undefined) return '—';
  return vote === NOT_APPLICABLE ? 'n/a' : String(vote);
}

function capabilityOf(q: Questionnaire, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  return q.capabilities.find((c) => c.questions.some((question) => question.id === id))?.id;
}

export function buildVoteScreen(
  q: Questionnaire,
  view: WorkshopView,
  answers: WorkshopAnswers,
  id: string,
  text: (t: LocalizedText) => string,
  showHelp: boolean,
  draft?: Votes,
): VoteScreen {
  const item = view.item(id);
  const position = view.position(id);
  if (!item || !position) throw new Error(`question ${id} is not visible to any group`);
  const { question, capability } = item;
  const seen = view.seenBy(id);
  const votes: Votes = draft ?? answers[id]?.votes ?? {};
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
    canGoBack: view.previousId(id) !== undefined,
    rows: view.groups.map((g) => ({ group: g.id, name: g.name, hidden: !seen.has(g.id), vote: votes[g.id] })),
    note: answers[id]?.note,
  };
}

function summarize(
  q: Questionnaire,
  view: WorkshopView,
  capabilityId: string,
  threshold: number,
  text: (t: LocalizedText) => string,
): CapabilitySummary {
  const capability = q.capabilities.find((c) => c.id === capabilityId);
  const flagged: CapabilitySummary['flagged'] = [];
  for (const question of capability?.questions ?? []) {
    const spread = view.spread(question.id);
    if (spread !== null && view.isFlagged(question.id, threshold)) flagged.push({ id: question.id, text: text(question.text), spread });
  }
  return {
    capability: capability ? text(capability.title) : capabilityId,
    groups: view.capabilityScores(capabilityId).map(({ group, score }) => ({ name: group.name, score })),
    flagged,
  };
}
