import type { Scale } from '../model/questionnaire.js';

export interface ScaleBounds {
  min: number;
  max: number;
}

/** A scale's bounds are its smallest and largest option values, whatever order they are listed in. */
export function scaleBounds(scale: Scale): ScaleBounds {
  let min = Infinity;
  let max = -Infinity;
  for (const option of scale.options) {
    if (option.value < min) min = option.value;
    if (option.value > max) max = option.value;
  }
  return { min, max };
}

/** q = (v − min) / (max − min), in 0…1 (SPEC §5). A valid scale has two distinct values, so max > min. */
export function normalize(value: number, bounds: ScaleBounds): number {
  return (value - bounds.min) / (bounds.max - bounds.min);
}
