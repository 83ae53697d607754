import { SCORE_TOLERANCE } from './levels.js';

/** What every format but JSON shows where there is no score: a dash, never 0. */
export const NO_SCORE = '—';

/**
 * A score (or a change of score) to one decimal, half away from zero (SPEC §5). 41.15 is stored as
 * 41.1499999999999985…, so a plain Math.round can go either way with the arithmetic that made the
 * number: within 1e-9 of a half counts as the half, the tolerance that levels and gates use.
 */
export function roundScore(score: number): number {
  const tenths = Math.floor(Math.abs(score) * 10 + 0.5 + 10 * SCORE_TOLERANCE);
  return tenths === 0 ? 0 : (Math.sign(score) * tenths) / 10;
}

/** The one way a score is written outside JSON: `score` and `diff` never print one value two ways. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return NO_SCORE;
  return roundScore(score).toFixed(1);
}
