import { SCORE_TOLERANCE } from './levels.js';

export interface SummaryInput {
  id: string;
  score: number | null;
  /** Below this capability's own target (SPEC §6). */
  belowTarget: boolean;
  spread: number | null;
  disagreement: boolean;
}

export interface ReportSummary {
  strengths: string[];
  gaps: string[];
  disagreements: string[];
}

/** At most this many of each in the executive summary (SPEC §7). */
export const SUMMARY_SIZE = 3;

/**
 * SPEC §7 `summary`. Gaps: the lowest-scoring capabilities below their target. Strengths: the
 * highest-scoring of the others, that is of those that meet their target, so a capability still
 * below target is never called a strength (nor one that meets it a gap). Disagreements: the
 * flagged capabilities with the largest spreads. Ties keep questionnaire order.
 */
export function summarizeCapabilities(capabilities: readonly SummaryInput[]): ReportSummary {
  const order = (list: SummaryInput[], key: (c: SummaryInput) => number) =>
    list
      .map((c, i) => ({ c, i }))
      .sort((a, b) => compare(key(a.c), key(b.c)) || a.i - b.i)
      .slice(0, SUMMARY_SIZE)
      .map(({ c }) => c.id);
  const scored = capabilities.filter((c) => c.score !== null);
  return {
    strengths: order(
      scored.filter((c) => !c.belowTarget),
      (c) => -(c.score ?? 0),
    ),
    gaps: order(
      scored.filter((c) => c.belowTarget),
      (c) => c.score ?? 0,
    ),
    disagreements: order(
      capabilities.filter((c) => c.disagreement && c.spread !== null),
      (c) => -(c.spread ?? 0),
    ),
  };
}

/** Scores that differ by float noise only tie. */
function compare(a: number, b: number): number {
  return Math.abs(a - b) <= SCORE_TOLERANCE ? 0 : a - b;
}
