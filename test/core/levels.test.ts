import { describe, expect, it } from 'vitest';
import { levelOf } from '../../src/core/levels.js';

const levels = [
  { id: 'initial', min: 0 },
  { id: 'developing', min: 20 },
  { id: 'defined', min: 40 },
  { id: 'managed', min: 60 },
  { id: 'optimized', min: 80 },
];

describe('levelOf: the last level whose min ≤ score + 1e-9', () => {
  it.each([
    [0, 'initial'],
    [19.99, 'initial'],
    [20, 'developing'],
    [39.9999, 'developing'], // 1e-4 short is a real shortfall, not noise
    [39.99999999999, 'defined'], // 1e-11 short is floating-point noise: 39.99999999999 + 1e-9 ≥ 40
    [39.999999999, 'defined'], // exactly 1e-9 short still counts
    [39.99999999, 'developing'], // 1e-8 short does not
    [40, 'defined'],
    [79.99999999999999, 'optimized'],
    [100, 'optimized'],
    [null, null],
    [undefined, null], // a byRole score that is absent
  ])('%s → %s', (score, level) => {
    expect(levelOf(score, levels)).toBe(level);
  });

  it('works with level minimums that are themselves inexact (SAMM: 100/3)', () => {
    const samm = [
      { id: 'level-0', min: 0 },
      { id: 'level-1', min: 33.333333333333336 },
      { id: 'level-2', min: 66.66666666666667 },
      { id: 'level-3', min: 100 },
    ];
    // 100 × (2/6): the six answers of a practice summing to 2 must reach level 1.
    expect(levelOf(100 * (2 / 6), samm)).toBe('level-1');
    expect(levelOf(100 * ((0.25 + 0.25 + 0.5 + 1 + 1 + 1) / 6), samm)).toBe('level-2');
  });
});
