import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denormalize, normalize } from '../../src/core/scale.js';
import { WeightedMean } from '../../src/core/weighted-mean.js';
import { type Exact, exactOf, isCloseToRatio, minus, plus, times } from './exact.js';

// SPEC §5: weights and values anywhere in the finite range of a double give the right score.
const anyWeight = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true });
const anyQ = fc.double({ min: 0, max: 1, noNaN: true });
const terms = fc.array(fc.tuple(anyQ, anyWeight), { minLength: 1, maxLength: 12 });
const ZERO: Exact = { m: 0n, e: 0 };

function meanOf(pairs: readonly (readonly [number, number])[]): number | null {
  const mean = new WeightedMean();
  for (const [value, weight] of pairs) mean.add(value, weight);
  return mean.mean;
}

describe('WeightedMean', () => {
  it.each([
    // Hand-worked: the cases that went wrong when summed as they are (issue 12, item 10).
    [
      'two weights of 1e308, q 0.5 and 1',
      [
        [0.5, 1e308],
        [1, 1e308],
      ],
      0.75,
    ],
    [
      'the smallest weight twice, q 0.5 and 1',
      [
        [0.5, 5e-324],
        [1, 5e-324],
      ],
      0.75,
    ],
    [
      '1e308 beside 1: 1/(1e308 + 1)',
      [
        [0, 1e308],
        [1, 1],
      ],
      1 / 1e308,
    ],
    [
      'weights 1, 2, 1: (0 + 2·0.5 + 1)/4',
      [
        [0, 1],
        [0.5, 2],
        [1, 1],
      ],
      0.5,
    ],
  ] as const)('%s', (_name, pairs, expected) => {
    expect(meanOf(pairs)).toBe(expected);
  });

  it('is null when nothing was added, and reset starts over', () => {
    const mean = new WeightedMean();
    expect(mean.mean).toBeNull();
    mean.add(1, 3);
    expect(mean.reset().mean).toBeNull();
  });

  it('equals the exact rational Σ(w·q)/Σw within 1e-12 (relative) or 1e-15 (absolute) for any finite weights and q', () => {
    fc.assert(
      fc.property(terms, (pairs) => {
        const got = meanOf(pairs);
        if (got === null) return false;
        let num = ZERO;
        let den = ZERO;
        for (const [q, w] of pairs) {
          num = plus(num, times(exactOf(w), exactOf(q)));
          den = plus(den, exactOf(w));
        }
        // Rounding error grows with the count of terms, never with their size.
        const inRange = got >= Math.min(...pairs.map(([q]) => q)) && got <= Math.max(...pairs.map(([q]) => q));
        return inRange && isCloseToRatio(got, num, den, 1e-12, 1e-15);
      }),
      { numRuns: Number(process.env.CXM_PROPERTY_RUNS ?? 2000) },
    );
  });
});

describe('normalize and denormalize over the whole finite range', () => {
  const bounds = fc
    .tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));

  it('q of a value between min and max is the exact (v − min)/(max − min), in 0…1', () => {
    fc.assert(
      fc.property(bounds, anyQ, (b, t) => {
        const value = denormalize(t, b);
        const q = normalize(value, b);
        if (!(q >= 0 && q <= 1)) return false;
        const num = minus(exactOf(value), exactOf(b.min));
        const den = minus(exactOf(b.max), exactOf(b.min));
        return isCloseToRatio(q, num, den, 1e-12, 1e-15);
      }),
      { numRuns: Number(process.env.CXM_PROPERTY_RUNS ?? 2000) },
    );
  });

  it.each([
    ['±1e308, the middle', { min: -1e308, max: 1e308 }, 0, 0.5],
    ['±1e308, the top', { min: -1e308, max: 1e308 }, 1e308, 1],
    ['1…5, 4', { min: 1, max: 5 }, 4, 0.75],
  ] as const)('normalize %s', (_name, b, value, q) => {
    expect(normalize(value, b)).toBe(q);
    expect(denormalize(q, b)).toBe(value);
  });
});
