import type { ScaleBounds } from './scale.js';
import { normalize } from './scale.js';

/**
 * The question spread of SPEC §5: 100 × (max q − min q) over the respondents (or groups) who
 * counted the question; null with fewer than two of them, where there is nothing to compare.
 */
export function questionSpread(values: readonly number[], bounds: ScaleBounds): number | null {
  if (values.length < 2) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    const q = normalize(value, bounds);
    if (q < min) min = q;
    if (q > max) max = q;
  }
  return 100 * (max - min);
}
