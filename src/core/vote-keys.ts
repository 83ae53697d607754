import { NOT_APPLICABLE } from '../model/answers.js';
import type { AnswerValue } from './answers-state.js';

/**
 * The editing of one question's votes on the workshop screen, pure: one row per group, a cursor,
 * and the keys of SPEC §4.1 / issue 14 (an option's number, `n` n/a, `s` skip the group, Backspace
 * back one group, `=` the last vote for every remaining group). The terminal only maps keys here.
 */

export interface VoteRow {
  group: string;
  name: string;
  /** The question is hidden for this group (its `when` is not met by the group's answers). */
  hidden: boolean;
  vote: AnswerValue | undefined;
}

export interface VoteState {
  rows: readonly VoteRow[];
  /** The row being voted; rows.length once every row is passed (Enter then confirms). */
  cursor: number;
  /** The last vote given on this screen (`=` repeats it); undefined before the first. */
  last: { vote: AnswerValue | undefined } | undefined;
}

export type VoteKey = { kind: 'option'; number: number } | { kind: 'na' } | { kind: 'skip' } | { kind: 'backspace' } | { kind: 'repeat' };

export interface VoteScale {
  /** The option values, in the order their numbers are shown (1, 2, …). */
  values: readonly number[];
  allowNA: boolean;
}

/** A revisited question starts at its first group without a vote, or at the first group when all have voted. */
export function startVoting(rows: readonly VoteRow[]): VoteState {
  const open = rows.findIndex((r) => !r.hidden && r.vote === undefined);
  return { rows, cursor: open >= 0 ? open : nextRow(rows, -1), last: undefined };
}

export function applyVoteKey(state: VoteState, key: VoteKey, scale: VoteScale): VoteState {
  const { rows, cursor } = state;
  switch (key.kind) {
    case 'backspace':
      return { ...state, cursor: previousRow(rows, cursor) ?? cursor };
    case 'repeat': {
      if (!state.last) return state;
      const vote = state.last.vote;
      const next = rows.map((r, i) => (i >= cursor && !r.hidden ? { ...r, vote } : r));
      return { ...state, rows: next, cursor: rows.length };
    }
    case 'option': {
      // A digit beyond the scale does nothing: it never becomes another action.
      const value = scale.values[key.number - 1];
      return value === undefined ? state : vote(state, value);
    }
    case 'na':
      return scale.allowNA ? vote(state, NOT_APPLICABLE) : state;
    case 'skip':
      return vote(state, undefined);
  }
}

function vote(state: VoteState, value: AnswerValue | undefined): VoteState {
  const { rows, cursor } = state;
  if (cursor >= rows.length) return state;
  const next = rows.map((r, i) => (i === cursor ? { ...r, vote: value } : r));
  return { rows: next, cursor: nextRow(rows, cursor), last: { vote: value } };
}

function nextRow(rows: readonly VoteRow[], from: number): number {
  for (let i = from + 1; i < rows.length; i++) if (!rows[i]?.hidden) return i;
  return rows.length;
}

function previousRow(rows: readonly VoteRow[], from: number): number | undefined {
  for (let i = Math.min(from, rows.length) - 1; i >= 0; i--) if (!rows[i]?.hidden) return i;
  return undefined;
}

/** The votes to save: every row but the hidden ones (a hidden question has no vote). */
export function votesOf(state: VoteState): Record<string, AnswerValue | undefined> {
  return Object.fromEntries(state.rows.filter((r) => !r.hidden).map((r) => [r.group, r.vote]));
}
