import { eastAsianWidth } from 'get-east-asian-width';
import type { Report } from '../model/report.js';
import { describeRespondent, formatDate } from './report-view.js';

/** What the workbook and the deck both derive from a report, so that they never disagree. */

/** The client's name when every respondent who gave one gave the same; else none. */
export function organizationOf(report: Report): string | undefined {
  const names = new Set(report.respondents.flatMap((r) => (r.organization?.trim() ? [r.organization.trim()] : [])));
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * The date a report shows, in one place: today's report carries only the time it was made, which
 * the other formats show too. (The assessment's own dates, SPEC §7 `assessedAt`, replace it here.)
 */
export function reportDate(report: Report): string {
  return formatDate(report.generatedAt);
}

export interface AnswerRow {
  file: string;
  name: string;
  role: string;
  capability: string;
  question: string;
  questionText: string;
  value: number | null;
  normalized: number | null;
  notApplicable: boolean;
  hidden: boolean;
  note: string;
}

/** One row per respondent × question, respondents in report order, as the CSV has them. */
export function answerRows(report: Report): AnswerRow[] {
  const respondents = new Map(report.respondents.map((r) => [r.file, r]));
  const files = [...respondents.keys()];
  for (const q of report.questions ?? []) for (const a of q.answers) if (!files.includes(a.file)) files.push(a.file);
  return files.flatMap((file) =>
    (report.questions ?? []).flatMap((q) => {
      const answer = q.answers.find((a) => a.file === file);
      if (answer === undefined) return [];
      const who = respondents.get(file);
      return [
        {
          file,
          name: who?.name ?? '',
          role: who?.role ?? '',
          capability: q.capability,
          question: q.id,
          questionText: q.text,
          value: typeof answer.value === 'number' ? answer.value : null,
          normalized: answer.normalized,
          notApplicable: answer.value === 'n/a',
          hidden: answer.hidden,
          note: answer.note ?? '',
        },
      ];
    }),
  );
}

export interface NoteRow {
  question: string;
  capability: string;
  questionText: string;
  respondent: string;
  role: string;
  note: string;
}

/** Every non-empty note, in question order, with who wrote it. */
export function noteRows(report: Report): NoteRow[] {
  const respondents = new Map(report.respondents.map((r) => [r.file, r]));
  return (report.questions ?? []).flatMap((q) =>
    q.answers
      .filter((a) => a.note !== undefined && a.note.trim() !== '')
      .map((a) => {
        const who = respondents.get(a.file);
        return {
          question: q.id,
          capability: q.capability,
          questionText: q.text,
          respondent: who?.name ?? a.file,
          role: who?.role ?? '',
          note: a.note ?? '',
        };
      }),
  );
}

/** "Name (role)" for each respondent (the reports' own wording). */
export function respondentNames(report: Report): string[] {
  return report.respondents.map(describeRespondent);
}

/**
 * Text an XML 1.0 document can hold: the C0 controls other than tab and line breaks, lone
 * surrogates and U+FFFE/FFFF would make Excel or PowerPoint refuse the whole file.
 */
export function xmlSafeText(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
}

/** Columns a text takes in a fixed-width view: East Asian wide characters count two. */
export function textColumns(text: string): number {
  let columns = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    columns += code < 0x20 ? 0 : eastAsianWidth(code);
  }
  return columns;
}
