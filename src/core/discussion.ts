import { MAX_NAMED_RESPONDENTS } from './defaults.js';
import { reaches } from './levels.js';
import type { MergeResult } from './merge.js';
import { COUNTED, HIDDEN, NOT_APPLICABLE_STATUS } from './visibility.js';

export interface AgendaAnswer {
  /** The respondent (index in the merge) whose answer this is; absent for a role's merged answer. */
  respondent?: number;
  role?: string;
  /** A scale value (a role's: its merged v̄), `n/a`, or null when not answered. */
  value: number | 'n/a' | null;
  /** Index of the chosen scale option, for its label; absent for a role's merged answer. */
  option?: number;
}

export interface AgendaItem {
  /** Question index (questionnaire order). */
  question: number;
  spread: number;
  answers: AgendaAnswer[];
}

/**
 * SPEC §5 discussion agenda: the questions whose spread (100 × (max q − min q) over the respondents
 * who counted them) reaches `threshold`, largest first, then questionnaire order. A workshop lists
 * each respondent's answer (a hidden question's respondents are left out); beyond
 * MAX_NAMED_RESPONDENTS, a survey lists each role's merged answer instead, since a row per person
 * would make the agenda as long as the survey.
 */
export function discussionAgenda(merged: MergeResult, threshold: number): AgendaItem[] {
  const { index } = merged;
  const listed = merged.respondents.length <= MAX_NAMED_RESPONDENTS;
  const items: AgendaItem[] = [];
  for (const question of index.questions) {
    const spread = merged.questionSpreads[question.index] ?? null;
    if (spread === null || !reaches(spread, threshold)) continue;
    const i = question.index;
    const answers: AgendaAnswer[] = [];
    if (listed) {
      merged.listedAnswers.forEach((classified, r) => {
        const status = classified.status[i];
        if (status === HIDDEN) return;
        const option = classified.option[i] ?? -1;
        if (status === COUNTED) answers.push({ respondent: r, value: question.values[option] ?? null, option });
        else answers.push({ respondent: r, value: status === NOT_APPLICABLE_STATUS ? 'n/a' : null });
      });
    } else {
      const min = Math.min(...question.values);
      const max = Math.max(...question.values);
      for (const { role, questions } of merged.byRole) {
        const score = questions[i] ?? null;
        answers.push({ role, value: score === null ? null : min + (score / 100) * (max - min) });
      }
    }
    items.push({ question: i, spread, answers });
  }
  // Array.prototype.sort is stable: equal spreads keep questionnaire order.
  return items.sort((a, b) => (reaches(a.spread, b.spread) && reaches(b.spread, a.spread) ? 0 : b.spread - a.spread));
}
