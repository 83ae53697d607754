import { eastAsianWidth } from 'get-east-asian-width';
import type { Report } from '../model/report.js';
import { commonOrganization } from '../core/assessment-meta.js';
import { answerText, assessmentDates, describeRespondent, reportNotes } from './report-view.js';

/** What the workbook and the deck both derive from a report, so that they never disagree. */

/** The client's name (SPEC §7 `organization`); a report of an earlier cxm has it only on its respondents. */
export function organizationOf(report: Report): string | undefined {
  if (report.organization !== undefined) return report.organization ?? undefined;
  return commonOrganization(report.respondents.map((r) => r.organization)) ?? undefined;
}

/** When the assessment took place (SPEC §7 `assessedAt`); undefined when the answer files do not say: never the day of printing. */
export function reportDate(report: Report): string | undefined {
  return assessmentDates(report);
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
  /** Evidence given with the answer, one per line. */
  evidence: string;
}

/** Every note and piece of evidence, in question order, with who gave it (SPEC §7 `notes`, absent with --no-notes). */
export function noteRows(report: Report): NoteRow[] {
  return reportNotes(report).flatMap((n) =>
    n.answers.map((a) => ({
      question: n.question,
      capability: n.capability,
      questionText: n.text,
      respondent: a.name ?? a.file,
      role: a.role ?? '',
      note: a.note ?? '',
      evidence: (a.evidence ?? []).join('\n'),
    })),
  );
}

export interface AgendaRow {
  question: string;
  capability: string;
  questionText: string;
  spread: number;
  respondent: string;
  role: string;
  value: number | null;
  answer: string;
}

/** The discussion agenda, one row per question × respondent (or role), largest spread first. */
export function agendaRows(report: Report): AgendaRow[] {
  return (report.discussion ?? []).flatMap((d) =>
    d.answers.map((a) => ({
      question: d.question,
      capability: d.capability,
      questionText: d.text ?? '',
      spread: d.spread,
      respondent: a.name ?? a.file ?? a.role ?? '',
      role: a.role ?? '',
      value: typeof a.value === 'number' ? a.value : null,
      answer: answerText(a),
    })),
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
