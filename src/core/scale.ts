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

/**
 * q = (v − min) / (max − min), in 0…1 (SPEC §5). A valid scale has two distinct values, so max > min.
 * For a scale spanning more than the largest double (±1e308), max − min overflows to Infinity; the
 * halves' difference does not, and their ratio is the same.
 */
export function normalize(value: number, bounds: ScaleBounds): number {
  const range = bounds.max - bounds.min;
  if (Number.isFinite(range)) return (value - bounds.min) / range;
  return (value / 2 - bounds.min / 2) / (bounds.max / 2 - bounds.min / 2);
}

/**
 * The value on the scale whose q is `q`: min + q·(max − min), written as a weighted mean of the
 * ends so that it neither overflows for a scale spanning ±1e308 nor leaves [min, max] by rounding.
 */
export function denormalize(q: number, bounds: ScaleBounds): number {
  const value = bounds.min * (1 - q) + bounds.max * q;
  return Math.min(bounds.max, Math.max(bounds.min, value));
}
