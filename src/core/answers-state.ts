import { type NOT_APPLICABLE, normalizeAnswer, type AnswerEntry } from '../model/answers.js';
import type { AnswerMap } from './flow.js';

/** Immutable edits of the answers of a run, each producing the entry form of SPEC §4. */

export type AnswerValue = number | typeof NOT_APPLICABLE;

/** `4`, `n/a`, `{ value, note }`, `{ note }` (unanswered with a note), or no entry at all. */
export function makeEntry(value: AnswerValue | undefined, note: string | undefined): AnswerEntry | undefined {
  const hasNote = note !== undefined && note.trim() !== '';
  if (!hasNote) return value;
  return value === undefined ? { note } : { value, note };
}

function withEntry(answers: AnswerMap, id: string, entry: AnswerEntry | undefined): AnswerMap {
  const next: Record<string, AnswerEntry> = { ...answers };
  if (entry === undefined) delete next[id];
  else next[id] = entry;
  return next;
}

export function setAnswer(answers: AnswerMap, id: string, value: AnswerValue): AnswerMap {
  return withEntry(answers, id, makeEntry(value, normalizeAnswer(answers[id]).note));
}

/** Skip: the question becomes unanswered; its note, if any, stays. */
export function clearAnswer(answers: AnswerMap, id: string): AnswerMap {
  return withEntry(answers, id, makeEntry(undefined, normalizeAnswer(answers[id]).note));
}

/** An empty note removes the note. */
export function setNote(answers: AnswerMap, id: string, note: string): AnswerMap {
  const trimmed = note.trim();
  return withEntry(answers, id, makeEntry(normalizeAnswer(answers[id]).value, trimmed === '' ? undefined : trimmed));
}

export function sameEntry(a: AnswerEntry | undefined, b: AnswerEntry | undefined): boolean {
  const x = normalizeAnswer(a);
  const y = normalizeAnswer(b);
  return x.value === y.value && (x.note ?? '') === (y.note ?? '');
}
