import type { ChalkInstance } from 'chalk';
import type { QuestionListRow } from '../core/run-assessment.js';
import { padToWidth, truncateToWidth } from '../text/truncate.js';
import { displayWidth } from '../text/width.js';
import type { KeyItem } from './key-items.js';
import type { RunMessages } from './messages.js';

/**
 * The rows of the `g` list: number, status, a note mark, capability and statement, one line each
 * (cut to the width), so that a facilitator sees at a glance what is open and jumps there.
 */

export interface ListStyle {
  width: number;
  chalk: ChalkInstance;
  messages: RunMessages;
}

export function questionListItems(rows: QuestionListRow[], style: ListStyle): KeyItem<string>[] {
  const { chalk, messages: m } = style;
  const label = (row: QuestionListRow) =>
    row.status === 'answered'
      ? m.statusAnswered
      : row.status === 'n/a'
        ? m.notApplicable
        : row.status === 'skipped'
          ? m.statusSkipped
          : '·';
  const statusWidth = Math.max(...rows.map((row) => displayWidth(label(row))), 1);
  const numberWidth = Math.max(...rows.map((row) => row.number.length), 1);
  const flagWidth = displayWidth(m.flagged);
  // The cursor takes two columns, the gaps two each.
  const textWidth = Math.max(10, style.width - 2 - numberWidth - statusWidth - flagWidth - 6);
  const colour = (row: QuestionListRow, text: string) =>
    row.status === 'answered' ? chalk.green(text) : row.status === 'skipped' ? chalk.yellow(text) : chalk.dim(text);
  return rows.map((row) => {
    const status = colour(row, padToWidth(label(row), statusWidth));
    const flag = row.flagged ? chalk.yellow(m.flagged) : ' '.repeat(flagWidth);
    // Titles and statements are safe: `cxm run` shows a questionnaire made safe by sanitizeData.
    const text = truncateToWidth(`${row.capability} · ${row.text}`.replace(/\s+/g, ' '), textWidth);
    const base = /^\d+$/.test(row.number) ? Number(row.number) : undefined;
    return { value: row.id, name: `${row.number.padStart(numberWidth)}  ${status}  ${flag}  ${text}`, number: base };
  });
}
