import { normalizeAnswer, type AnswerEntry } from '../model/answers.js';
import { makeEntry, type AnswerValue } from './answers-state.js';
import type { AnswerMap } from './flow.js';

/**
 * Three-way merge of an answer file changed by a run and, meanwhile, by something else (an editor,
 * git): `base` is what the run last wrote (or read), `mine` the run's answers now, `theirs` the
 * file as found (SPEC §8). The value and the note of an answer merge separately, so a note added
 * in an editor survives the run answering the same question. For each part: the side that changed
 * it wins; when both changed it differently the run's part is kept and the other one reported.
 */

export interface AnswerConflict {
  id: string;
  part: 'value' | 'note';
  kept: AnswerValue | string | undefined;
  other: AnswerValue | string | undefined;
}

export interface AnswerMergeResult {
  answers: AnswerMap;
  /** Questions whose answer now comes (wholly or in part) from the other side. */
  takenFromOther: string[];
  conflicts: AnswerConflict[];
}

type Part<T> = { value: T; from: 'base' | 'mine' | 'theirs'; conflict: boolean };

/** The merge rule itself, for one part of one answer. */
export function mergePart<T>(base: T, mine: T, theirs: T): Part<T> {
  if (mine === theirs) return { value: mine, from: mine === base ? 'base' : 'mine', conflict: false };
  if (mine === base) return { value: theirs, from: 'theirs', conflict: false };
  return { value: mine, from: 'mine', conflict: theirs !== base };
}

export function mergeAnswerEdits(base: AnswerMap, mine: AnswerMap, theirs: AnswerMap): AnswerMergeResult {
  const answers: Record<string, AnswerEntry> = {};
  const takenFromOther: string[] = [];
  const conflicts: AnswerConflict[] = [];
  // The run's order first, then answers only the other side has, in its order.
  const ids = new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)]);
  for (const id of ids) {
    const b = normalizeAnswer(base[id]);
    const m = normalizeAnswer(mine[id]);
    const t = normalizeAnswer(theirs[id]);
    const value = mergePart(b.value, m.value, t.value);
    const note = mergePart(b.note, m.note, t.note);
    if (value.conflict) conflicts.push({ id, part: 'value', kept: m.value, other: t.value });
    if (note.conflict) conflicts.push({ id, part: 'note', kept: m.note, other: t.note });
    if (value.from === 'theirs' || note.from === 'theirs') takenFromOther.push(id);
    const entry = makeEntry(value.value, note.value);
    if (entry !== undefined) answers[id] = entry;
  }
  return { answers, takenFromOther, conflicts };
}

/**
 * The same rule for the other fields of the file (respondent, lang, completedAt…), compared as
 * JSON. Returns the fields whose value is to be taken from the other side, and those both sides
 * changed differently (the run's value is kept).
 */
export function mergeFieldEdits(
  base: Readonly<Record<string, unknown>>,
  mine: Readonly<Record<string, unknown>>,
  theirs: Readonly<Record<string, unknown>>,
): { takenFromOther: string[]; conflicts: string[] } {
  const takenFromOther: string[] = [];
  const conflicts: string[] = [];
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])) {
    const part = mergePart(JSON.stringify(base[key]), JSON.stringify(mine[key]), JSON.stringify(theirs[key]));
    if (part.from === 'theirs') takenFromOther.push(key);
    if (part.conflict) conflicts.push(key);
  }
  return { takenFromOther, conflicts };
}
