import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '../../src/core/flow.js';
import { mergeAnswerEdits, mergeFieldEdits, mergePart } from '../../src/core/merge-answer-edits.js';

/** The rule of SPEC §8, one line per case: base = what the run last wrote, mine = the run now, theirs = the file. */

const U = undefined;

describe('mergePart', () => {
  it.each([
    // base, mine, theirs → value, from, conflict
    [1, 1, 1, 1, 'base', false],
    [1, 2, 1, 2, 'mine', false],
    [1, 1, 3, 3, 'theirs', false],
    [1, 2, 2, 2, 'mine', false],
    [1, 2, 3, 2, 'mine', true],
    [U, 2, U, 2, 'mine', false],
    [U, U, 3, 3, 'theirs', false],
    [U, 2, 3, 2, 'mine', true],
    [1, 1, U, U, 'theirs', false], // removed by the other side only: removed
    [1, U, 1, U, 'mine', false], // removed by the run only: removed
    [1, U, 3, U, 'mine', true], // the run removed it, the other side changed it
  ])('base %j, mine %j, theirs %j → %j from %s (conflict %s)', (base, mine, theirs, value, from, conflict) => {
    expect(mergePart(base, mine, theirs)).toEqual({ value, from, conflict });
  });
});

describe('mergeAnswerEdits', () => {
  const cases: [string, AnswerMap, AnswerMap, AnswerMap, AnswerMap, string[], string[]][] = [
    // name, base, mine, theirs → answers, takenFromOther, conflicts as "id part kept/other"
    ['nothing changed outside', { a: 1 }, { a: 1, b: 2 }, { a: 1 }, { a: 1, b: 2 }, [], []],
    ['an answer added outside is kept', { a: 1 }, { a: 1, b: 2 }, { a: 1, c: 3 }, { a: 1, b: 2, c: 3 }, ['c'], []],
    ['an answer changed outside is taken', { a: 1 }, { a: 1, b: 2 }, { a: 4 }, { a: 4, b: 2 }, ['a'], []],
    ['both set the same answer alike', { a: 1 }, { a: 2 }, { a: 2 }, { a: 2 }, [], []],
    ['both changed it: the run wins, reported', { a: 1 }, { a: 2 }, { a: 3 }, { a: 2 }, [], ['a value 2/3']],
    ['both added it differently', {}, { a: 2 }, { a: 'n/a' }, { a: 2 }, [], ['a value 2/n/a']],
    ['removed outside, untouched by the run', { a: 1, b: 2 }, { a: 1, b: 2 }, { b: 2 }, { b: 2 }, ['a'], []],
    ['skipped by the run, untouched outside', { a: 1 }, {}, { a: 1 }, {}, [], []],
    ['skipped by the run, changed outside', { a: 1 }, {}, { a: 5 }, {}, [], ['a value undefined/5']],
    [
      'a note added outside, the value set by the run',
      {},
      { a: 4 },
      { a: { note: 'ask IT' } },
      { a: { value: 4, note: 'ask IT' } },
      ['a'],
      [],
    ],
    [
      'both changed the note',
      { a: { value: 1, note: 'x' } },
      { a: { value: 1, note: 'mine' } },
      { a: { value: 2, note: 'theirs' } },
      { a: { value: 2, note: 'mine' } },
      ['a'],
      ['a note mine/theirs'],
    ],
    ['4 and { value: 4 } are the same answer', { a: 4 }, { a: 4 }, { a: { value: 4 } }, { a: 4 }, [], []],
  ];
  it.each(cases)('%s', (_name, base, mine, theirs, answers, taken, conflicts) => {
    const result = mergeAnswerEdits(base, mine, theirs);
    expect(result.answers).toEqual(answers);
    expect(result.takenFromOther).toEqual(taken);
    expect(result.conflicts.map((c) => `${c.id} ${c.part} ${String(c.kept)}/${String(c.other)}`)).toEqual(conflicts);
  });

  it("keeps the run's order, then the other side's new answers", () => {
    expect(Object.keys(mergeAnswerEdits({}, { b: 1, a: 1 }, { z: 1, a: 1 }).answers)).toEqual(['b', 'a', 'z']);
  });
});

describe('mergeFieldEdits', () => {
  it.each([
    [
      'respondent changed outside',
      { lang: 'en', respondent: { name: 'A' } },
      { lang: 'en', respondent: { name: 'A' } },
      { lang: 'en', respondent: { name: 'B' } },
      ['respondent'],
      [],
    ],
    ['lang changed by both', { lang: 'en' }, { lang: 'ja' }, { lang: 'fr' }, [], ['lang']],
    ['completedAt set by the run only', {}, { completedAt: 'T' }, {}, [], []],
    ['completedAt removed outside', { completedAt: 'T' }, { completedAt: 'T' }, {}, ['completedAt'], []],
  ])('%s', (_name, base, mine, theirs, taken, conflicts) => {
    expect(mergeFieldEdits(base, mine, theirs)).toEqual({ takenFromOther: taken, conflicts });
  });
});
