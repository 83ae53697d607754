import type { VoteEntry } from '../model/workshop.js';
import type { AnswerValue } from './answers-state.js';
import { type AnswerConflict, mergePart } from './merge-answer-edits.js';
import { makeVoteEntry, type WorkshopAnswers } from './workshop-state.js';

/**
 * The three-way merge of SPEC §8 for a workshop file: the rule of mergePart applied to each
 * group's vote and to each question's note, so a vote or a note added in an editor during the
 * session survives the run's next save. A conflict names the question and, for a vote, the group:
 * `jt-1 (marketing)`.
 */
export function mergeWorkshopEdits(
  base: WorkshopAnswers,
  mine: WorkshopAnswers,
  theirs: WorkshopAnswers,
): { answers: WorkshopAnswers; takenFromOther: string[]; conflicts: AnswerConflict[] } {
  const answers: Record<string, VoteEntry> = {};
  const takenFromOther: string[] = [];
  const conflicts: AnswerConflict[] = [];
  for (const id of new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])) {
    const [b, m, t] = [base[id], mine[id], theirs[id]];
    const votes: Record<string, AnswerValue | undefined> = {};
    let taken = false;
    const groups = new Set([...Object.keys(m?.votes ?? {}), ...Object.keys(t?.votes ?? {}), ...Object.keys(b?.votes ?? {})]);
    for (const group of groups) {
      const part = mergePart(b?.votes[group], m?.votes[group], t?.votes[group]);
      if (part.conflict) conflicts.push({ id: `${id} (${group})`, part: 'value', kept: m?.votes[group], other: t?.votes[group] });
      if (part.from === 'theirs') taken = true;
      votes[group] = part.value;
    }
    const note = mergePart(b?.note, m?.note, t?.note);
    if (note.conflict) conflicts.push({ id, part: 'note', kept: m?.note, other: t?.note });
    if (taken || note.from === 'theirs') takenFromOther.push(id);
    const entry = makeVoteEntry(votes, note.value);
    if (entry) answers[id] = entry;
  }
  return { answers, takenFromOther, conflicts };
}
