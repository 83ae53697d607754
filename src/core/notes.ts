import type { AnswerEntry } from '../model/answers.js';
import type { IndexedQuestionnaire } from './questionnaire-index.js';

/** A note or evidence a respondent gave on one question: what the consultant hands back as its record. */
export interface CollectedNote {
  /** Question index (questionnaire order). */
  question: number;
  /** Respondent index (the order respondents were added). */
  respondent: number;
  note?: string;
  evidence?: string[];
}

/**
 * The notes and evidence of one respondent's answers, in questionnaire order; blank ones are left
 * out. Walks the answers given, not the questionnaire: a survey row brings none, at no cost.
 */
export function annotationsOf(
  index: IndexedQuestionnaire,
  answers: Readonly<Record<string, AnswerEntry>>,
): Omit<CollectedNote, 'respondent'>[] {
  const found: Omit<CollectedNote, 'respondent'>[] = [];
  for (const [id, entry] of Object.entries(answers)) {
    const question = index.questionById.get(id);
    if (question === undefined || typeof entry !== 'object') continue;
    const note = entry.note?.trim() ? entry.note : undefined;
    const evidence = evidenceOf(entry);
    if (note === undefined && evidence.length === 0) continue;
    found.push({ question, ...(note !== undefined && { note }), ...(evidence.length > 0 && { evidence }) });
  }
  return found.sort((a, b) => a.question - b.question);
}

/** Whether an answer entry is worth keeping once its value has been classified: it carries a note or evidence. */
export function isAnnotated(entry: AnswerEntry | undefined): boolean {
  if (entry === undefined || typeof entry !== 'object') return false;
  return Boolean(entry.note?.trim()) || evidenceOf(entry).length > 0;
}

/** SPEC §4 `evidence: [links or references]`, blank ones left out. */
function evidenceOf(entry: Exclude<AnswerEntry, number | string>): string[] {
  return (entry.evidence ?? []).filter((e) => e.trim() !== '');
}
