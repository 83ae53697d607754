import type { IndexedQuestionnaire } from '../core/questionnaire-index.js';
import type { GivenValue } from '../core/visibility.js';
import type { AnswerEntry, Respondent } from '../model/answers.js';
import type { Problem } from '../model/problem.js';
import { cellReaders } from './survey-cells.js';
import { type CellFinding, type ColumnPlan, planColumns, quoteText } from './survey-columns.js';
import { readSurveyRows, SurveyReadError } from './survey-rows.js';

/** One row of an export read as a respondent. */
export interface SurveyRespondent {
  /** The row as the spreadsheet numbers it. */
  row: number;
  respondent: Respondent;
  /** Per question, in questionnaire order: scoring reads them as they are, with no record of ids to build. */
  values: readonly GivenValue[];
}

/** A row's answers as an answer file holds them (`cxm import`, the per-question detail). */
export function answersOf(index: IndexedQuestionnaire, values: readonly GivenValue[]): Record<string, AnswerEntry> {
  const answers: Record<string, AnswerEntry> = {};
  for (const question of index.questions) {
    const value = values[question.index];
    if (value !== undefined) answers[question.id] = value;
  }
  return answers;
}

export interface ReadSurveyOptions {
  /** Header of the department column (`--role-column`). */
  roleColumn?: string | undefined;
}

export interface ReadSurveyResult {
  /** Every problem of the export, in row order; none means every row was handed over. */
  problems: Problem[];
  /** `file:1:1 ignored columns: …`, when there are any. */
  warnings: Problem[];
  respondents: number;
}

/** Past this many problems in one export the rest are counted, not listed: 100,000 bad rows are one mistake. */
const MAX_LISTED_PROBLEMS = 1000;

/**
 * Reads a survey export (SPEC §4.2) row by row and hands each valid row to `onRespondent` as soon as
 * it is read, so nothing grows with the rows here. Every problem of the file is collected; after
 * the first one, rows are still checked but no longer handed over.
 */
export async function readSurvey(
  path: string,
  index: IndexedQuestionnaire,
  options: ReadSurveyOptions,
  /** May return a promise (an import writes each file), awaited before the next row is read. */
  onRespondent: (respondent: SurveyRespondent) => void | Promise<void>,
): Promise<ReadSurveyResult> {
  const problems: Problem[] = [];
  let more = 0;
  let plan: ColumnPlan | undefined;
  const problem = (f: CellFinding): void => {
    if (problems.length >= MAX_LISTED_PROBLEMS) {
      more++;
      return;
    }
    const header = plan?.headers[f.column - 1];
    const where = header === undefined || f.whole ? '' : quoteText(header);
    problems.push({ file: path, line: f.row, column: f.column, path: where, message: f.message, severity: 'error' });
  };
  const readers = cellReaders(index);
  let respondents = 0;
  let lastRow = 0;
  try {
    for await (const { row, cells } of readSurveyRows(path)) {
      lastRow = row;
      if (!plan) {
        plan = planColumns(index, cells, options);
        for (const f of plan.findings) problem(f);
        continue;
      }
      if (cells.every((cell) => cell.trim() === '')) continue;
      const respondent: Respondent = {};
      const values: GivenValue[] = new Array(index.questions.length).fill(undefined);
      let valid = true;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c] ?? '';
        const column = plan.columns[c];
        if (!column) {
          if (cell.trim() !== '') {
            problem({ row, column: c + 1, message: 'a cell beyond the last column with a header' });
            valid = false;
          }
          continue;
        }
        if (column.kind === 'ignored') continue;
        if (column.kind !== 'question') {
          const text = /^\S+( \S+)*$/.test(cell) ? cell : cell.replace(/\s+/g, ' ').trim();
          if (text !== '') respondent[column.kind] = text;
          continue;
        }
        const answer = readers[column.question]?.(cell);
        if (answer === undefined) continue;
        if (typeof answer === 'object') {
          problem({ row, column: c + 1, message: answer.error });
          valid = false;
          continue;
        }
        values[column.question] = answer;
      }
      if (!valid || problems.length > 0) continue;
      respondents++;
      const pending = onRespondent({ row, respondent, values });
      if (pending) await pending;
    }
  } catch (error) {
    if (!(error instanceof SurveyReadError)) throw error;
    problem(error.finding);
  }
  if (!plan && problems.length === 0) problem({ row: 1, column: 1, message: 'the export is empty (no header row)', whole: true });
  else if (plan && respondents === 0 && problems.length === 0) {
    problem({ row: lastRow + 1, column: 1, message: 'the export has no respondents (only the header row)', whole: true });
  }
  if (more > 0) {
    problems.push({
      file: path,
      line: lastRow,
      column: 1,
      path: '',
      message: `and ${more} more problem(s) not listed`,
      severity: 'error',
    });
  }
  const warnings: Problem[] = [];
  if (plan && plan.ignored.length > 0) {
    const named = plan.ignored.map((c) => `${quoteText(plan?.headers[c - 1] ?? '')} (${c})`).join(', ');
    warnings.push({ file: path, line: 1, column: 1, path: '', message: `ignored columns: ${named}`, severity: 'warning' });
  }
  return { problems, warnings, respondents };
}
