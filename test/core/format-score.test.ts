import { describe, expect, it } from 'vitest';
import { formatScore, roundScore } from '../../src/core/format-score.js';
import { formatDelta } from '../../src/report/diff-format.js';

// Half away from zero to one decimal (SPEC §5). The middle column is what the double really holds:
// a plain Math.round(x * 10) / 10 or x.toFixed(1) gets several of these rows wrong.
describe('formatScore: one decimal, half away from zero, whatever the double holds', () => {
  it.each([
    [41.15, '41.14999999999999857891', '41.2'],
    [-41.15, '-41.14999999999999857891', '-41.2'],
    [0.05, '0.05000000000000000278', '0.1'],
    [0.15, '0.14999999999999999445', '0.2'],
    [1.45, '1.44999999999999995559', '1.5'],
    [2.65, '2.64999999999999991118', '2.7'],
    [2.675, '2.67499999999999982236', '2.7'], // not a half at one decimal: 2.675 → 2.7 either way
    [41.25, '41.25000000000000000000', '41.3'], // an exact half
    [99.95, '99.95000000000000284217', '100.0'],
    [41.14, '41.14000000000000056843', '41.1'],
    [41.149999, '41.14999900000000110367', '41.1'], // 1e-6 short of the half is a real shortfall
    [0.04, '0.04000000000000000083', '0.0'],
    [-0.04, '-0.04000000000000000083', '0.0'], // no "-0.0"
    [0, '0.00000000000000000000', '0.0'],
    [100, '100.00000000000000000000', '100.0'],
  ])('%s (held as %s) → %s', (score, held, text) => {
    expect(score.toFixed(20)).toBe(held);
    expect(formatScore(score)).toBe(text);
  });

  it.each([null, undefined, Number.NaN])('%s → —', (score) => {
    expect(formatScore(score)).toBe('—');
  });

  it('rounds a score made by arithmetic the same as the literal: 100 × 823 / 2000', () => {
    expect(roundScore(100 * (823 / 2000))).toBe(41.2);
    expect(roundScore((100 * 823) / 2000)).toBe(41.2);
  });
});

describe('formatDelta: the same rounding, with a sign', () => {
  it.each([
    [41.15, '+41.2'],
    [-41.15, '-41.2'],
    [-0.05, '-0.1'],
    [0.04, '0.0'],
    [-0.04, '0.0'],
    [null, '—'],
  ])('%s → %s', (delta, text) => {
    expect(formatDelta(delta)).toBe(text);
  });
});
