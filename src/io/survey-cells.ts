import type { IndexedQuestionnaire } from '../core/questionnaire-index.js';
import { NOT_APPLICABLE } from '../model/answers.js';
import { localize } from '../model/text.js';
import { allTexts, matchKey, quoteText } from './survey-columns.js';

/** A cell read as an answer: a value, n/a, unanswered (empty), or why it is none of these. */
export type CellAnswer = number | typeof NOT_APPLICABLE | undefined | { error: string };

export type CellReader = (cell: string) => CellAnswer;

/** Stands for `n/a` in a scale's lookup (option values are finite numbers, never NaN). */
const NA_MARK = Number.NaN;

/**
 * One reader per question: a cell holds an option's value or its label in any language (compared
 * with `matchKey`), `n/a` where the question allows it, or nothing. Readers are built once per
 * scale and question, since a survey of 100,000 rows reads every cell through them.
 */
export function cellReaders(index: IndexedQuestionnaire): CellReader[] {
  const q = index.questionnaire;
  const scaleOf = new Map(q.capabilities.flatMap((cap) => cap.questions.map((question) => [question.id, question])));
  const lookups = new Map<string, Map<string, number>>();
  return index.questions.map((question) => {
    const source = scaleOf.get(question.id);
    const scaleName = source?.scale ?? '';
    const scale = q.scales[scaleName];
    let lookup = lookups.get(scaleName);
    if (!lookup) {
      lookup = new Map();
      for (const option of scale?.options ?? []) {
        lookup.set(String(option.value), option.value);
        for (const label of allTexts(option.label)) {
          // The label as written too: what a survey tool exports, found without normalising the cell.
          for (const key of [label, matchKey(label)]) if (!lookup.has(key)) lookup.set(key, option.value);
        }
      }
      lookup.set(NOT_APPLICABLE, NA_MARK);
      lookups.set(scaleName, lookup);
    }
    const known = lookup;
    const allowNA = source?.allowNA !== false;
    const values = question.values.join(', ');
    const notApplicable: CellAnswer = allowNA ? NOT_APPLICABLE : { error: `"n/a" is not allowed for ${question.id}` };
    const labels = (scale?.options ?? []).map((o) => localize(o.label, index.defaultLang, index.defaultLang)).join(', ');
    return (cell) => {
      // The common case first: a value written as the scale writes it ("4").
      const exact = known.get(cell);
      if (exact !== undefined) return Number.isNaN(exact) ? notApplicable : exact;
      if (cell === '') return undefined;
      const key = matchKey(cell);
      if (key === '') return undefined;
      const found = known.get(key);
      if (found !== undefined) return Number.isNaN(found) ? notApplicable : found;
      const number = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(key) ? Number(key) : NaN;
      if (Number.isFinite(number)) {
        if (question.optionOf.has(number)) return number;
        return { error: `${key} is not on the scale "${scaleName}" (${values})` };
      }
      return { error: `${quoteText(cell)} is neither a value nor a label of the scale "${scaleName}" (${values}: ${labels})` };
    };
  });
}
