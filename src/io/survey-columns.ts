import type { IndexedQuestionnaire } from '../core/questionnaire-index.js';
import type { LocalizedText } from '../model/text.js';
import { escapeUnsafeInJson } from '../text/sanitize.js';

/** What one column of a survey export holds. */
export type SurveyColumn = { kind: 'question'; question: number } | { kind: 'name' | 'role' | 'organization' } | { kind: 'ignored' };

/** A problem in the header row or a cell, before it is given its file: row and column are 1-based. */
export interface CellFinding {
  row: number;
  column: number;
  message: string;
  /** About the file or the row as a whole: no header is named. */
  whole?: true;
}

export interface ColumnPlan {
  columns: SurveyColumn[];
  /** The header texts as written (for messages). */
  headers: string[];
  /** Column numbers (1-based) that match nothing. */
  ignored: number[];
  findings: CellFinding[];
}

export interface PlanColumnsOptions {
  /** Header of the department column when it is not called `role` (`--role-column`). */
  roleColumn?: string | undefined;
}

/**
 * The one comparison of a header or a cell with a questionnaire's text: Unicode NFKC (full-width
 * letters and digits as their ASCII forms, as Japanese input methods often type them), white space
 * trimmed and collapsed, case ignored.
 */
export function matchKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Every language's text of a localized text. */
export function allTexts(text: LocalizedText | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : Object.values(text);
}

const identityKinds = new Map<string, 'name' | 'role' | 'organization'>([
  ['name', 'name'],
  ['role', 'role'],
  ['organization', 'organization'],
]);

/**
 * Decides what each column holds (SPEC §4.2): a question, matched by its id or its text in any
 * language; a respondent field (`name`, `role`, `organization`, or the `--role-column`); or nothing.
 * Two columns for one question or field are an error at the second one.
 */
export function planColumns(index: IndexedQuestionnaire, headers: readonly string[], options: PlanColumnsOptions = {}): ColumnPlan {
  const byKey = questionKeys(index);
  const roleKey = options.roleColumn === undefined ? undefined : matchKey(options.roleColumn);
  const taken = new Map<string, number>();
  const columns: SurveyColumn[] = [];
  const ignored: number[] = [];
  const findings: CellFinding[] = [];
  headers.forEach((header, c) => {
    const key = matchKey(header);
    const question = byKey.get(key);
    const identity = key === roleKey ? 'role' : identityKinds.get(key);
    const column: SurveyColumn =
      question !== undefined ? { kind: 'question', question } : identity ? { kind: identity } : { kind: 'ignored' };
    if (column.kind === 'ignored') {
      // A blank header over blank cells is what spreadsheets leave after the last column.
      if (key !== '') ignored.push(c + 1);
      columns.push(column);
      return;
    }
    const slot = column.kind === 'question' ? `q${column.question}` : column.kind;
    const first = taken.get(slot);
    if (first !== undefined) {
      const what = column.kind === 'question' ? `question ${index.questions[column.question]?.id}` : `the respondent's ${column.kind}`;
      findings.push({ row: 1, column: c + 1, message: `a second column for ${what} (the first is column ${first})` });
      columns.push({ kind: 'ignored' });
      return;
    }
    taken.set(slot, c + 1);
    columns.push(column);
  });
  if (roleKey !== undefined && !headers.some((h) => matchKey(h) === roleKey)) {
    findings.push({ row: 1, column: 1, message: `no column is headed "${options.roleColumn}" (--role-column)`, whole: true });
  }
  if (!columns.some((c) => c.kind === 'question') && headers.length > 0) {
    findings.push({
      row: 1,
      column: 1,
      message: `no column matches a question of ${index.questionnaire.id} (by id, e.g. "${index.questions[0]?.id}", or by its text)`,
      whole: true,
    });
  }
  return { columns, headers: [...headers], ignored, findings };
}

/** Ids first: a question's id wins over another question's text that happens to read the same. */
function questionKeys(index: IndexedQuestionnaire): Map<string, number> {
  const keys = new Map<string, number>();
  for (const q of index.questions) keys.set(matchKey(q.id), q.index);
  const texts = index.questionnaire.capabilities.flatMap((cap) => cap.questions);
  texts.forEach((question, i) => {
    for (const text of allTexts(question.text)) {
      const key = matchKey(text);
      if (!keys.has(key)) keys.set(key, i);
    }
  });
  return keys;
}

/** A header or a cell as messages show it: quoted, control characters escaped, long texts cut. */
export function quoteText(header: string): string {
  const flat = header.replace(/\s+/g, ' ').trim();
  const short = [...flat].length > 50 ? `${[...flat].slice(0, 49).join('')}…` : flat;
  return escapeUnsafeInJson(JSON.stringify(short));
}
