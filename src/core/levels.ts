/**
 * Floating-point noise never costs a level, fails a gate, turns a change into a regression or tips
 * a rounding (SPEC §5): every comparison of scores goes through this tolerance, and only here.
 */
export const SCORE_TOLERANCE = 1e-9;

export interface LevelBound {
  id: string;
  min: number;
}

/** Index of the last level whose min ≤ score + 1e-9; -1 for no score. Levels ascend, the first min is 0. */
export function levelIndexOf(score: number | null | undefined, levels: readonly LevelBound[]): number {
  if (score === null || score === undefined) return -1;
  let found = -1;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level && reaches(score, level.min)) found = i;
  }
  return found;
}

export function levelOf(score: number | null | undefined, levels: readonly LevelBound[]): string | null {
  return levels[levelIndexOf(score, levels)]?.id ?? null;
}

/** `score` reaches `threshold`, with the same tolerance as levels. */
export function reaches(score: number, threshold: number): boolean {
  return score + SCORE_TOLERANCE >= threshold;
}

/** Two scores, or a score and zero, that differ by no more than noise. */
export function isSameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_TOLERANCE;
}
