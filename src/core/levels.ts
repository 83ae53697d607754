/** Floating-point noise never costs a level or fails a gate (SPEC §5). */
export const LEVEL_TOLERANCE = 1e-9;

export interface LevelBound {
  id: string;
  min: number;
}

/** Index of the last level whose min ≤ score + 1e-9; -1 for no score. Levels ascend, the first min is 0. */
export function levelIndexOf(score: number | null, levels: readonly LevelBound[]): number {
  if (score === null) return -1;
  let found = -1;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level && level.min <= score + LEVEL_TOLERANCE) found = i;
  }
  return found;
}

export function levelOf(score: number | null, levels: readonly LevelBound[]): string | null {
  return levels[levelIndexOf(score, levels)]?.id ?? null;
}

/** `score` reaches `threshold`, with the same tolerance as levels. */
export function reaches(score: number, threshold: number): boolean {
  return score + LEVEL_TOLERANCE >= threshold;
}
