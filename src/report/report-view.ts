import { NO_SCORE } from '../core/format-score.js';
import { levelOf, reaches } from '../core/levels.js';
import type { Report, ReportCapability } from '../model/report.js';
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

export function nextLevelId(report: Report, levelId: string | null): string | null {
  const index = report.levels.findIndex((l) => l.id === levelId);
  return index >= 0 ? (report.levels[index + 1]?.id ?? null) : null;
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

/**
 * The highest and lowest scored capabilities, at most `max` each and never the same one twice: half
 * of them at most on each side (so a middling one is neither), and a lone capability is a strength.
 * Ties keep questionnaire order.
 */
export function strengthsAndGaps(report: Report, max = 3): { strengths: ReportCapability[]; gaps: ReportCapability[] } {
  const scored = scoredCapabilities(report);
  const byScore = (sign: number) => [...scored].sort((a, b) => sign * ((a.score ?? 0) - (b.score ?? 0)));
  const half = Math.min(max, Math.floor(scored.length / 2));
  return { strengths: byScore(-1).slice(0, Math.max(half, Math.min(1, scored.length))), gaps: byScore(1).slice(0, half) };
}

/** Capabilities that have a next step now (below the target) or advice, in questionnaire order. */
export function capabilitiesWithNextSteps(report: Report): ReportCapability[] {
  return report.capabilities.filter((c) => c.nextSteps.length > 0 || (c.advice?.length ?? 0) > 0);
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
