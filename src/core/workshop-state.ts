import type { AnswerEntry, AnswerFile } from '../model/answers.js';
import type { Group, VoteEntry, WorkshopFile } from '../model/workshop.js';
import type { AnswerValue } from './answers-state.js';
import type { AnswerMap } from './flow.js';

/** The answers of a workshop (SPEC §4.1): question id → every group's vote and the question's note. */
export type WorkshopAnswers = Readonly<Record<string, VoteEntry>>;

/** A group's vote per group id; undefined: the group has not answered (skipped). */
export type Votes = Readonly<Record<string, AnswerValue | undefined>>;

/** `{ votes, note }` without the groups that have not answered; none at all when nothing is left. */
export function makeVoteEntry(votes: Votes, note: string | undefined): VoteEntry | undefined {
  const given: Record<string, AnswerValue> = {};
  for (const [group, vote] of Object.entries(votes)) if (vote !== undefined) given[group] = vote;
  const hasNote = note !== undefined && note.trim() !== '';
  if (Object.keys(given).length === 0 && !hasNote) return undefined;
  return hasNote ? { votes: given, note } : { votes: given };
}

function withEntry(answers: WorkshopAnswers, id: string, entry: VoteEntry | undefined): WorkshopAnswers {
  const next: Record<string, VoteEntry> = { ...answers };
  if (entry === undefined) delete next[id];
  else next[id] = entry;
  return next;
}

/** The question's votes replaced by `votes` (the confirmed screen); its note stays. */
export function setVotes(answers: WorkshopAnswers, id: string, votes: Votes): WorkshopAnswers {
  return withEntry(answers, id, makeVoteEntry(votes, answers[id]?.note));
}

/** An empty note removes the note. */
export function setQuestionNote(answers: WorkshopAnswers, id: string, note: string): WorkshopAnswers {
  const trimmed = note.trim();
  return withEntry(answers, id, makeVoteEntry(answers[id]?.votes ?? {}, trimmed === '' ? undefined : trimmed));
}

export function sameVoteEntry(a: VoteEntry | undefined, b: VoteEntry | undefined): boolean {
  return JSON.stringify(makeVoteEntry(a?.votes ?? {}, a?.note)) === JSON.stringify(makeVoteEntry(b?.votes ?? {}, b?.note));
}

/**
 * One group's answers, as one respondent's (visibility, scores). With `withNotes`, the notes too:
 * a workshop's notes go with its first group only, so that a report lists each once.
 */
export function groupAnswers(answers: WorkshopAnswers, groupId: string, withNotes = false): AnswerMap {
  const own: Record<string, AnswerEntry> = {};
  for (const [id, entry] of Object.entries(answers)) {
    const vote = Object.hasOwn(entry.votes, groupId) ? entry.votes[groupId] : undefined;
    const note = withNotes && entry.note !== undefined && entry.note.trim() !== '' ? entry.note : undefined;
    if (note !== undefined) own[id] = vote === undefined ? { note } : { value: vote, note };
    else if (vote !== undefined) own[id] = vote;
  }
  return own;
}

export function groupIds(groups: readonly Group[]): string[] {
  return groups.map((g) => g.id);
}

/**
 * A workshop file as the respondents it stands for (SPEC §4.1): one per group, name = the group's
 * name, role = its id, the organisation and the rest of the header shared.
 */
export function respondentsOfWorkshop(file: WorkshopFile): AnswerFile[] {
  const { groups, answers, respondent, ...header } = file;
  const organization = respondent?.organization;
  return groups.map((group, g) => ({
    ...header,
    respondent: { name: group.name, role: group.id, ...(organization !== undefined && { organization }) },
    answers: groupAnswers(answers, group.id, g === 0),
  }));
}
