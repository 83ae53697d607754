import type { Report } from '../model/report.js';
import type { RenderOptions } from './render-options.js';

export const CSV_COLUMNS = [
  'questionnaire_id',
  'questionnaire_version',
  'respondent_file',
  'respondent_name',
  'respondent_role',
  'capability_id',
  'question_id',
  'value',
  'normalized',
  'not_applicable',
  'hidden',
  'note',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A cell a spreadsheet would run as a formula (OWASP "CSV injection") gets a leading apostrophe. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break, and double its quotes. */
export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

type Cell = { text: string } | { number: number | null };

function cell(c: Cell): string {
  if ('number' in c) return c.number === null || !Number.isFinite(c.number) ? '' : String(c.number);
  return quoteCsvField(neutralizeFormula(c.text));
}

/**
 * Tidy long format, one row per respondent × question, for pivot tables and R/pandas: UTF-8 with a
 * BOM (Excel then reads Japanese), CRLF line ends. `value` and `normalized` are real numbers (a −2 stays
 * −2); every text cell is neutralised against formula injection. Without `report.questions`
 * (no --detail) only the header is written.
 */
export function renderCsv(report: Report, _options?: RenderOptions): string {
  const respondents = new Map(report.respondents.map((r) => [r.file, r]));
  const files = [...respondents.keys()];
  for (const q of report.questions ?? []) for (const a of q.answers) if (!files.includes(a.file)) files.push(a.file);
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const file of files) {
    const who = respondents.get(file);
    for (const q of report.questions ?? []) {
      const answer = q.answers.find((a) => a.file === file);
      if (answer === undefined) continue;
      const cells: Cell[] = [
        { text: report.questionnaire.id },
        { text: report.questionnaire.version },
        { text: file },
        { text: who?.name ?? '' },
        { text: who?.role ?? '' },
        { text: q.capability },
        { text: q.id },
        { number: typeof answer.value === 'number' ? answer.value : null },
        { number: answer.normalized },
        { text: String(answer.value === 'n/a') },
        { text: String(answer.hidden) },
        { text: answer.note ?? '' },
      ];
      rows.push(cells.map(cell).join(','));
    }
  }
  return BOM + rows.map((r) => r + CRLF).join('');
}
