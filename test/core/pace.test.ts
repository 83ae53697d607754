import { describe, expect, it } from 'vitest';
import { formatClock, type Pace, paceOf, parseDuration } from '../../src/core/pace.js';

const MIN = 60_000;

describe('paceOf (timebox 90 min for 47 questions, none answered at the start)', () => {
  it.each<[string, number, number, Pace]>([
    // after 45 min, an even speed has answered 23.5: 23 is on pace (less than one whole question behind)
    ['half the time, half the questions', 45, 23, { kind: 'on-pace' }],
    // after 45 min, 23.5 expected: 20 answered is 3 behind
    ['half the time, 20 answered', 45, 20, { kind: 'behind', questions: 3 }],
    ['at the start', 0, 0, { kind: 'on-pace' }],
    ['time is up with questions open', 90, 46, { kind: 'over-time' }],
    ['everything answered late is not behind', 120, 47, { kind: 'on-pace' }],
  ])('%s', (_, minutes, answered, pace) => {
    expect(paceOf({ elapsedMs: minutes * MIN, timeboxMs: 90 * MIN, answeredAtStart: 0, answered, total: 47 })).toEqual(pace);
  });

  it('a resumed session times only the questions still open', () => {
    // 40 answered before; 7 open in 70 min is one per 10 min: after 30 min, 43 expected
    expect(paceOf({ elapsedMs: 30 * MIN, timeboxMs: 70 * MIN, answeredAtStart: 40, answered: 41, total: 47 })).toEqual({
      kind: 'behind',
      questions: 2,
    });
  });
});

describe('parseDuration', () => {
  it.each<[string, number | undefined]>([
    ['90m', 90 * MIN],
    ['90', 90 * MIN],
    ['1h30m', 90 * MIN],
    ['1h 30m', 90 * MIN],
    ['45min', 45 * MIN],
    ['2h', 120 * MIN],
    ['300s', 5 * MIN],
    ['0', undefined],
    ['0m', undefined],
    ['soon', undefined],
    ['90 minutes', undefined],
    ['1h30', undefined],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));
});

describe('formatClock', () => {
  it.each<[number, string]>([
    [0, '0:00'],
    [65_000, '1:05'],
    [90 * MIN, '1:30:00'],
    [3_723_000, '1:02:03'],
  ])('%i ms', (ms, text) => expect(formatClock(ms)).toBe(text));
});
