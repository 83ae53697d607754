import { describe, expect, it } from 'vitest';
import { changeStatus } from '../../src/core/diff.js';
import { isSameScore, levelOf, reaches } from '../../src/core/levels.js';

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

// One tolerance (SCORE_TOLERANCE, 1e-9) for levels, gates, diffs and targets: each row hand-worked.
describe('reaches: score + 1e-9 ≥ threshold (gates, targets, the spread flag)', () => {
  it.each([
    [50, 50, true],
    [49.999999999, 50, true], // 1e-9 short: noise
    [49.99999999, 50, false], // 1e-8 short: a real shortfall
    [100 * (2 / 6), 100 / 3, true], // 33.33…33 against 33.33…36
    [25, 25.5, false],
  ])('%s reaches %s: %s', (score, threshold, expected) => {
    expect(reaches(score, threshold)).toBe(expected);
  });
});

describe('isSameScore: |a − b| ≤ 1e-9 (a question whose answers changed)', () => {
  it.each([
    [41.15, 41.15, true],
    [0.1 + 0.2, 0.3, true], // 5.6e-17 apart
    [50, 50.000000001, true],
    [50, 50.00000001, false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(isSameScore(a, b)).toBe(expected);
  });
});

describe('changeStatus: a change within ±tolerance + 1e-9 is unchanged', () => {
  it.each([
    [0.5, 0.5, 'unchanged'],
    [-0.5, 0.5, 'unchanged'],
    [0.500000001, 0.5, 'unchanged'], // 1e-9 over: noise
    [0.50000001, 0.5, 'improved'],
    [-0.50000001, 0.5, 'regressed'],
    [55.25 - 70, 0.5, 'regressed'],
    [0.1 + 0.2 - 0.3, 0, 'unchanged'], // a question's delta of pure noise
    [0.1, 0, 'improved'],
  ] as const)('delta %s, tolerance %s → %s', (delta, tolerance, status) => {
    expect(changeStatus(delta, tolerance)).toBe(status);
  });
});
