import type { Report } from '../model/report.js';
import { CSV_COLUMNS } from './csv.js';
import { officeLabels, type OfficeLabels } from './office-labels.js';
import { agendaRows, answerRows, noteRows, organizationOf, reportDate, respondentNames } from './office-view.js';
import { biggestDisagreements, capabilityTarget, capabilityTitle, levelLabel, strengthsAndGaps, targetMin } from './report-view.js';

/**
 * The workbook's content as plain data, one function per sheet: src/report/xlsx.ts only lays it
 * out. A new sheet is a new function in SHEETS.
 */

/** A number keeps full precision; `format` is how Excel shows it. */
export type SheetCell = string | number | boolean | null | { number: number; format: string };
export interface Sheet {
  name: string;
  header: string[];
  rows: SheetCell[][];
}

const SCORE = '0.0';
const PERCENT = '0%';
const score = (value: number | null | undefined): SheetCell =>
  value === null || value === undefined ? null : { number: value, format: SCORE };

type SheetBuilder = (report: Report, t: OfficeLabels) => Sheet;

function summarySheet(report: Report, t: OfficeLabels): Sheet {
  const { strengths, gaps } = strengthsAndGaps(report);
  const rows: SheetCell[][] = [
    [t.questionnaire, report.questionnaire.title, null, null],
    [t.id, report.questionnaire.id, null, null],
    [t.version, report.questionnaire.version, null, null],
    [t.organization, organizationOf(report) ?? null, null, null],
    [t.facilitator, report.facilitator ?? null, null, null],
    [t.assessed, reportDate(report) ?? null, null, null],
    [t.respondents, report.respondents.length, null, null],
    ...respondentNames(report).map((name) => [t.respondent, name, null, null]),
    [t.overall, null, score(report.overall.score), levelLabel(report, report.overall.level)],
    [t.target, null, score(targetMin(report)), levelLabel(report, report.target)],
    [t.coverage, { number: report.overall.coverage, format: PERCENT }, null, null],
    ...strengths.map((c) => [t.strength, c.title, score(c.score), levelLabel(report, c.level)]),
    ...gaps.map((c) => [t.gap, c.title, score(c.score), levelLabel(report, c.level)]),
    ...biggestDisagreements(report).map((c) => [t.disagreement, c.title, score(c.spread), null]),
    ...report.notAssessed.map((id) => [t.notAssessed, capabilityTitle(report, id), null, null]),
    ...report.gates.map((g) => [t.gate, `${g.rule}: ${g.detail}`, null, g.passed ? t.passed : t.failed]),
    ...report.warnings.map((w) => [t.warning, w, null, null]),
  ];
  return { name: 'Summary', header: [t.item, t.value, t.score, t.level], rows };
}

function capabilitiesSheet(report: Report, t: OfficeLabels): Sheet {
  const roles = Object.keys(report.byRole);
  return {
    name: 'Capabilities',
    header: [t.id, t.capability, t.weight, t.score, t.level, t.target, t.coverage, t.spread, t.disagreement, ...roles, t.nextSteps],
    rows: report.capabilities.map((c) => [
      c.id,
      c.title,
      c.weight,
      score(c.score),
      c.level === null ? null : levelLabel(report, c.level),
      levelLabel(report, capabilityTarget(report, c)),
      { number: c.coverage, format: PERCENT },
      score(c.spread),
      c.disagreement,
      ...roles.map((role) => score(report.byRole[role]?.[c.id])),
      c.nextSteps.join('\n'),
    ]),
  };
}

function roadmapSheet(report: Report, t: OfficeLabels): Sheet {
  const rows = report.roadmap.flatMap((phase) =>
    phase.steps.flatMap((step) =>
      (step.actions.length > 0 ? step.actions : ['']).map((action, i) => [
        phase.phase,
        phase.months ? `${phase.months.from}–${phase.months.to}` : null,
        step.capability,
        capabilityTitle(report, step.capability),
        levelLabel(report, step.fromLevel),
        levelLabel(report, step.toLevel),
        action,
        step.doneWhen?.[i] ?? null,
      ]),
    ),
  );
  return { name: 'Roadmap', header: [t.phaseColumn, t.months, t.id, t.capability, t.from, t.to, t.action, t.doneWhen], rows };
}

/** The discussion agenda (SPEC §5): per question on it, each respondent's (or role's) answer. */
function discussionSheet(report: Report, t: OfficeLabels): Sheet {
  const rows = agendaRows(report).map((a) => [
    a.question,
    capabilityTitle(report, a.capability),
    a.questionText,
    score(a.spread),
    a.respondent,
    a.role || null,
    a.value,
    a.answer,
  ]);
  return { name: 'Discussion', header: [t.id, t.capability, t.question, t.spread, t.respondent, t.role, t.value, t.answer], rows };
}

/** The CSV's columns (machine-readable names, in every language) plus the question's text. */
function answersSheet(report: Report): Sheet {
  const rows = answerRows(report).map((a) => [
    report.questionnaire.id,
    report.questionnaire.version,
    a.file,
    a.name,
    a.role,
    a.capability,
    a.question,
    a.value,
    a.normalized,
    a.notApplicable,
    a.hidden,
    a.note,
    a.questionText,
  ]);
  return { name: 'Answers', header: [...CSV_COLUMNS, 'question_text'], rows };
}

function notesSheet(report: Report, t: OfficeLabels): Sheet {
  const rows = noteRows(report).map((n) => [
    n.question,
    capabilityTitle(report, n.capability),
    n.questionText,
    n.respondent,
    n.role,
    n.note,
    n.evidence,
  ]);
  return { name: 'Notes', header: [t.id, t.capability, t.question, t.respondent, t.role, t.notes, t.evidence], rows };
}

const SHEETS: SheetBuilder[] = [summarySheet, capabilitiesSheet, roadmapSheet, discussionSheet, answersSheet, notesSheet];

export function workbookSheets(report: Report, lang: string): Sheet[] {
  const t = officeLabels(lang);
  return SHEETS.map((build) => build(report, t));
}
