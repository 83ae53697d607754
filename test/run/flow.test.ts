import { beforeAll, describe, expect, it } from 'vitest';
import { clearAnswer, makeEntry, setAnswer, setNote } from '../../src/core/answers-state.js';
import {
  firstUnansweredId,
  nextQuestionId,
  positionOf,
  previousQuestionId,
  visibleQuestions,
  type AnswerMap,
} from '../../src/core/flow.js';
import { conditionHolds } from '../../src/core/visibility.js';
import { loadQuestionnaireFile } from '../../src/io/load-questionnaire.js';
import type { Questionnaire } from '../../src/model/questionnaire.js';
import { fixture } from '../helpers/cli.js';

let q: Questionnaire;
beforeAll(async () => {
  q = (await loadQuestionnaireFile(fixture('run-small/questionnaire.yaml'))).questionnaire;
});

const ids = (answers: AnswerMap) =>
  visibleQuestions(q, answers)
    .map((item) => item.question.id)
    .join(' ');

describe('visibility (gate-2 asks gate-1 >= 3)', () => {
  it.each<[string, AnswerMap, string]>([
    ['unanswered gate hides the follow-up', {}, 'gate-1 team-1 team-2'],
    ['low gate hides it', { 'gate-1': 2 }, 'gate-1 team-1 team-2'],
    ['high gate shows it', { 'gate-1': 3 }, 'gate-1 gate-2 team-1 team-2'],
    ['a note alone is no answer', { 'gate-1': { note: 'x' } }, 'gate-1 team-1 team-2'],
    ['n/a meets no condition', { 'gate-1': 'n/a' }, 'gate-1 team-1 team-2'],
    ['value with note counts', { 'gate-1': { value: 5, note: 'x' } }, 'gate-1 gate-2 team-1 team-2'],
    ['an answer to a hidden question stays hidden', { 'gate-1': 1, 'gate-2': 4 }, 'gate-1 team-1 team-2'],
  ])('%s', (_, answers, expected) => expect(ids(answers)).toBe(expected));
});

// n/a and unanswered meet no condition: the scorer's classification never asks (see the table above).
describe('conditionHolds', () => {
  it.each<[object, number, boolean]>([
    [{ atLeast: 3 }, 3, true],
    [{ atLeast: 3 }, 2, false],
    [{ atMost: 2 }, 2, true],
    [{ atLeast: 2, atMost: 4 }, 5, false],
    [{ in: [1, 5] }, 5, true],
    [{ in: [1, 5], atLeast: 2 }, 1, false],
  ])('%j with %s → %s', (condition, value, expected) => {
    expect(conditionHolds({ question: 'x', ...condition }, value)).toBe(expected);
  });
});

describe('navigation', () => {
  it('counts position among the visible questions, per capability too', () => {
    // team-1 keeps its number 2 of 3 (+1 follow-up) whether gate-2 is visible or not.
    const stable = { number: '2', baseTotal: 3, followUps: 1 };
    expect(positionOf(q, {}, 'team-1')).toEqual({ index: 2, total: 3, indexInCapability: 1, totalInCapability: 2, answered: 0, ...stable });
    expect(positionOf(q, { 'gate-1': 4 }, 'team-1')).toEqual({
      index: 3,
      total: 4,
      indexInCapability: 1,
      totalInCapability: 2,
      answered: 1,
      ...stable,
    });
    expect(positionOf(q, { 'gate-1': 4 }, 'gate-2')).toMatchObject({ number: '1.1', baseTotal: 3, followUps: 1 });
    expect(positionOf(q, { 'gate-1': 4 }, 'gate-2')).toMatchObject({ index: 2, indexInCapability: 2, totalInCapability: 2 });
    expect(positionOf(q, {}, 'gate-2')).toBeUndefined();
  });

  it.each<[string, AnswerMap, string, 'fill' | 'review', string | undefined]>([
    ['next after a low gate skips the hidden follow-up', { 'gate-1': 1 }, 'gate-1', 'fill', 'team-1'],
    ['next after a high gate is the follow-up', { 'gate-1': 5 }, 'gate-1', 'fill', 'gate-2'],
    ['fill mode passes answered questions', { 'gate-1': 1, 'team-1': 3 }, 'gate-1', 'fill', 'team-2'],
    ['review mode stops at answered questions', { 'gate-1': 1, 'team-1': 3 }, 'gate-1', 'review', 'team-1'],
    ['after the last question: none', {}, 'team-2', 'fill', undefined],
    ['from a question that became hidden', { 'gate-1': 1 }, 'gate-2', 'fill', 'team-1'],
  ])('%s', (_, answers, from, mode, expected) => expect(nextQuestionId(q, answers, from, mode)).toBe(expected));

  it.each<[AnswerMap, string, string | undefined]>([
    [{ 'gate-1': 1 }, 'team-1', 'gate-1'],
    [{ 'gate-1': 4 }, 'team-1', 'gate-2'],
    [{}, 'gate-1', undefined],
  ])('previous of %j from %s is %s', (answers, from, expected) => expect(previousQuestionId(q, answers, from)).toBe(expected));

  it.each<[AnswerMap, string | undefined]>([
    [{}, 'gate-1'],
    [{ 'gate-1': 4 }, 'gate-2'],
    [{ 'gate-1': 2, 'team-1': 'n/a' }, 'team-2'],
    [{ 'gate-1': 2, 'team-2': 3 }, 'team-1'],
    [{ 'gate-1': 2, 'team-1': 1, 'team-2': 3 }, undefined],
  ])('resume of %j starts at %s', (answers, expected) => expect(firstUnansweredId(q, answers)).toBe(expected));
});

describe('answer edits keep the SPEC §4 entry forms', () => {
  it.each<[string, AnswerMap, AnswerMap]>([
    ['answer', setAnswer({}, 'a', 4), { a: 4 }],
    ['n/a', setAnswer({}, 'a', 'n/a'), { a: 'n/a' }],
    ['answer keeps the note', setAnswer({ a: { note: 'n' } }, 'a', 2), { a: { value: 2, note: 'n' } }],
    ['note on an answer', setNote({ a: 3 }, 'a', ' why '), { a: { value: 3, note: 'why' } }],
    ['empty note removes it', setNote({ a: { value: 3, note: 'x' } }, 'a', '  '), { a: 3 }],
    ['skip keeps the note only', clearAnswer({ a: { value: 3, note: 'x' } }, 'a'), { a: { note: 'x' } }],
    ['skip without a note removes the entry', clearAnswer({ a: 3, b: 1 }, 'a'), { b: 1 }],
  ])('%s', (_, actual, expected) => expect(actual).toEqual(expected));

  it('makeEntry', () => {
    expect(makeEntry(undefined, undefined)).toBeUndefined();
    expect(makeEntry(undefined, 'n')).toEqual({ note: 'n' });
  });
});
