import { formatScore, NO_SCORE, roundScore } from '../core/format-score.js';
import { type ReportSummary, summarizeCapabilities } from '../core/report-summary.js';
import { levelOf, reaches } from '../core/levels.js';
import type { Report, ReportCapability, ReportDiscussion, ReportNote } from '../model/report.js';
import type { ReportLabels } from './labels.js';
import { MAX_NAMED_RESPONDENTS } from '../core/defaults.js';

/** What every format shows the same way: rounding, labels and the derived lists. */

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/** The calendar date of an ISO 8601 time, as written (no time-zone conversion); the text itself if it is not one. */
export function formatDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
}

export function levelLabel(report: Report, levelId: string | null): string {
  if (levelId === null) return NO_SCORE;
  return report.levels.find((l) => l.id === levelId)?.label ?? levelId;
}

/** The level a score falls in (used for byRole scores, which carry none). */
export function levelOfScore(report: Report, score: number | null | undefined): string | null {
  return levelOf(score, report.levels);
}

export function targetMin(report: Report): number {
  return report.levels.find((l) => l.id === report.target)?.min ?? 100;
}

export function isBelowTarget(report: Report, score: number | null): boolean {
  return score !== null && !reaches(score, targetMin(report));
}

export function capabilityTitle(report: Report, id: string): string {
  return report.capabilities.find((c) => c.id === id)?.title ?? id;
}

/** "Name (role)", falling back to the answer file when the respondent gave no name. */
export function describeRespondent(r: { name?: string | undefined; role?: string | undefined; file: string }): string {
  const who = r.name ?? r.file;
  return r.role === undefined ? who : `${who} (${r.role})`;
}

export { MAX_NAMED_RESPONDENTS } from '../core/defaults.js';
const MAX_LISTED_ROLES = 12;

/** Each respondent by name for a workshop; for a survey, each role with its head count. */
export function respondentSummary(report: Report): string[] {
  if (report.respondents.length <= MAX_NAMED_RESPONDENTS) return report.respondents.map(describeRespondent);
  const roles = new Map<string, number>();
  for (const r of report.respondents) roles.set(r.role ?? '—', (roles.get(r.role ?? '—') ?? 0) + 1);
  const sorted = [...roles].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, MAX_LISTED_ROLES).map(([role, count]) => `${role} × ${count}`);
  return sorted.length > MAX_LISTED_ROLES ? [...shown, '…'] : shown;
}

export function scoredCapabilities(report: Report): ReportCapability[] {
  return report.capabilities.filter((c) => c.score !== null);
}

/** This capability's target level id (reports of earlier cxm versions carry only the report's). */
export function capabilityTarget(report: Report, c: ReportCapability): string {
  return c.target ?? report.target;
}

function levelMin(report: Report, levelId: string): number {
  return report.levels.find((l) => l.id === levelId)?.min ?? 100;
}

/** The executive summary's capabilities (SPEC §7 `summary`), recomputed for a report that predates it. */
export function reportSummary(report: Report): ReportSummary {
  return (
    report.summary ??
    summarizeCapabilities(
      report.capabilities.map((c) => ({
        ...c,
        belowTarget: c.score !== null && !reaches(c.score, levelMin(report, capabilityTarget(report, c))),
      })),
    )
  );
}

function capabilitiesById(report: Report, ids: readonly string[]): ReportCapability[] {
  return ids.flatMap((id) => report.capabilities.filter((c) => c.id === id));
}

/** Strengths and gaps as capabilities, by the SPEC's definition: a gap is below its target, a strength meets it. */
export function strengthsAndGaps(report: Report): { strengths: ReportCapability[]; gaps: ReportCapability[] } {
  const summary = reportSummary(report);
  return { strengths: capabilitiesById(report, summary.strengths), gaps: capabilitiesById(report, summary.gaps) };
}

/** The flagged capabilities with the largest spreads, at most three. */
export function biggestDisagreements(report: Report): ReportCapability[] {
  return capabilitiesById(report, reportSummary(report).disagreements);
}

/**
 * Who said what in a disagreement: each respondent's own score, highest first (a survey: each
 * role's). Names fall back to the file, roles are added as "(role)".
 */
export function disagreementVoices(report: Report, c: ReportCapability): { who: string; score: number | null }[] {
  const voices =
    report.respondents.length <= MAX_NAMED_RESPONDENTS
      ? c.respondents.map((r) => ({ who: describeRespondent(r), score: r.score }))
      : Object.entries(report.byRole).map(([role, scores]) => ({ who: role, score: scores[c.id] ?? null }));
  return voices.filter((v) => v.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
}

/** The assessment's dates as calendar days: "2026-11-18 – 2026-11-19", one day once; undefined when unknown (never today). */
export function assessmentDates(report: Report): string | undefined {
  if (!report.assessedAt) return undefined;
  const from = formatDate(report.assessedAt.from);
  const to = formatDate(report.assessedAt.to);
  return from === to ? from : `${from} – ${to}`;
}

/** Respondents grouped by role, "role: Name, Name"; without roles, the plain list; a survey: role × count. */
export function respondentsByRole(report: Report): string[] {
  if (report.respondents.length > MAX_NAMED_RESPONDENTS || !report.respondents.some((r) => r.role !== undefined)) {
    return respondentSummary(report);
  }
  // Respondents without a role are listed by name after the roles, with no "role:" of their own.
  const groups = new Map<string | undefined, string[]>();
  for (const r of report.respondents) groups.set(r.role, [...(groups.get(r.role) ?? []), r.name ?? r.file]);
  const withRole = [...groups].flatMap(([role, names]) => (role === undefined ? [] : [`${role}: ${names.join(', ')}`]));
  return [...withRole, ...(groups.get(undefined) ?? [])];
}

/** Respondents who left questions unanswered or marked them n/a, with how many: what a merged 100 % coverage hides. */
export function coverageGaps(report: Report): { who: string; unanswered: number; notApplicable: number }[] {
  return report.respondents
    .filter((r) => (r.unanswered ?? 0) > 0 || (r.notApplicable ?? 0) > 0)
    .map((r) => ({ who: describeRespondent(r), unanswered: r.unanswered ?? 0, notApplicable: r.notApplicable ?? 0 }));
}

/** The first roadmap phase in which a capability advances, with its step; undefined when it does not. */
export function firstRoadmapStep(
  report: Report,
  capability: string,
): { phase: Report['roadmap'][number]; from: string; to: string } | undefined {
  for (const phase of report.roadmap) {
    const step = phase.steps.find((s) => s.capability === capability);
    if (step) return { phase, from: step.fromLevel, to: step.toLevel };
  }
  return undefined;
}

/** A score as "44.2 Defined". */
export function scoreAndLevel(report: Report, score: number | null, level: string | null): string {
  return `${formatScore(score)} ${levelLabel(report, level)}`;
}

/** How far a score is from its target's minimum: positive when short of it; 0 once reached. */
export function pointsToTarget(report: Report, score: number | null, target = report.target): number | null {
  if (score === null) return null;
  const gap = levelMin(report, target) - score;
  return reaches(score, levelMin(report, target)) ? 0 : gap;
}

/** Actions with their done-criteria (`doneWhen` runs parallel to the actions when present). */
export function stepItems(
  actions: readonly string[],
  doneWhen: readonly (string | null)[] | undefined,
): { action: string; doneWhen?: string }[] {
  return actions.map((action, i) => {
    const done = doneWhen?.[i];
    return done ? { action, doneWhen: done } : { action };
  });
}

export function hasSeveralRespondents(report: Report): boolean {
  return report.capabilities.some((c) => c.spread !== null);
}

/** The discussion agenda a human format prints: the first few, and how many more the JSON report has. */
export const MAX_AGENDA_ITEMS = 10;

export function agendaItems(report: Report): { shown: ReportDiscussion[]; more: number } {
  const all = report.discussion ?? [];
  return { shown: all.slice(0, MAX_AGENDA_ITEMS), more: Math.max(0, all.length - MAX_AGENDA_ITEMS) };
}

/** An answer on the agenda: "4 Agree", "n/a", "—" when unanswered; a role's merged value to one decimal. */
export function answerText(answer: { value: number | 'n/a' | null; label?: string | undefined }): string {
  if (answer.value === null) return NO_SCORE;
  if (answer.value === 'n/a') return 'n/a';
  const value = Number.isInteger(answer.value) ? String(answer.value) : roundScore(answer.value).toFixed(1);
  return answer.label === undefined ? value : `${value} ${answer.label}`;
}

/** Coverage with what it counts and, with several respondents, who left what out; a survey gives totals. */
export function coverageText(report: Report, t: ReportLabels): string {
  const percent = formatPercent(report.overall.coverage);
  if (report.respondents.length < 2) return percent;
  // A report of an earlier cxm has no per-respondent counts: say what is counted, claim nothing more.
  if (!report.respondents.some((r) => r.unanswered !== undefined)) return `${percent} (${t.coverageCounts})`;
  const gaps = coverageGaps(report);
  const detail =
    gaps.length === 0
      ? t.noCoverageGaps
      : report.respondents.length > MAX_NAMED_RESPONDENTS
        ? `${gaps.length}/${report.respondents.length} ${t.respondents.toLowerCase()}: ${t.respondentGaps(
            gaps.reduce((n, g) => n + g.unanswered, 0),
            gaps.reduce((n, g) => n + g.notApplicable, 0),
          )}`
        : gaps.map((g) => `${g.who} ${t.respondentGaps(g.unanswered, g.notApplicable)}`).join('; ');
  return `${percent} (${t.coverageCounts}) — ${detail}`;
}

/**
 * Notes and evidence by question (SPEC §7 `notes`). A report of an earlier cxm has them only in
 * its per-question detail, with no evidence; they are gathered from there.
 */
export function reportNotes(report: Report): ReportNote[] {
  if (report.notes !== undefined) return report.notes;
  const respondents = new Map(report.respondents.map((r) => [r.file, r]));
  return (report.questions ?? []).flatMap((q) => {
    const answers = q.answers.flatMap((a) => {
      if (a.note === undefined || a.note.trim() === '') return [];
      const who = respondents.get(a.file);
      return [
        {
          ...(who?.name !== undefined && { name: who.name }),
          ...(who?.role !== undefined && { role: who.role }),
          file: a.file,
          note: a.note,
        },
      ];
    });
    return answers.length === 0 ? [] : [{ question: q.id, capability: q.capability, text: q.text, answers }];
  });
}

/** The summary's first sentence: the overall score and level against the target, and how far short. */
export function overallAgainstTarget(report: Report, t: ReportLabels): string {
  const short = pointsToTarget(report, report.overall.score);
  return t.overallAgainstTarget(
    formatScore(report.overall.score),
    levelLabel(report, report.overall.level),
    levelLabel(report, report.target),
    short === null || short === 0 ? undefined : formatScore(short),
  );
}

/** Where a capability's next step is: its first roadmap phase, or that it meets its target. */
export function nextStepText(report: Report, c: ReportCapability, t: ReportLabels): string {
  const step = firstRoadmapStep(report, c.id);
  return step
    ? t.nextStepIn(t.phase(step.phase.phase, step.phase.months), levelLabel(report, step.from), levelLabel(report, step.to))
    : t.atTarget(levelLabel(report, capabilityTarget(report, c)));
}

/** A page of notes is read; a survey's thousands are data, left to the JSON report and the workbook. */
export const MAX_NOTES_SHOWN = 200;

/** The notes a human format prints: the first MAX_NOTES_SHOWN, by question, and how many more there are. */
export function shownNotes(report: Report): { groups: ReportNote[]; more: number } {
  const groups: ReportNote[] = [];
  let shown = 0;
  let more = 0;
  for (const group of reportNotes(report)) {
    const room = Math.max(0, MAX_NOTES_SHOWN - shown);
    if (room > 0) groups.push(room >= group.answers.length ? group : { ...group, answers: group.answers.slice(0, room) });
    shown += Math.min(room, group.answers.length);
    more += Math.max(0, group.answers.length - room);
  }
  return { groups, more };
}

/** Who gave an answer on the agenda: "Name (role)" for a respondent, the role alone for a survey's role. */
export function agendaVoice(answer: { name?: string | undefined; role?: string | undefined; file?: string | undefined }): string {
  return answer.file === undefined ? (answer.role ?? '') : describeRespondent({ ...answer, file: answer.file });
}
