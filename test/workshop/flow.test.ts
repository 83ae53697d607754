import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runWorkshop, type VoteChoice, type VoteScreen, type WorkshopInteraction } from '../../src/core/run-workshop.js';
import { applyVoteKey, startVoting, type VoteKey, votesOf } from '../../src/core/vote-keys.js';
import { mergeWorkshopEdits } from '../../src/core/merge-workshop-edits.js';
import type { WorkshopAnswers } from '../../src/core/workshop-state.js';
import { questionnaireSchema } from '../../src/model/questionnaire.js';
import { parseGroupList } from '../../src/model/workshop.js';
import { fixture } from '../helpers/cli.js';

/** The workshop flow without a terminal: scripted votes, every save recorded. */

const q = questionnaireSchema.parse(parse(readFileSync(fixture('run-small/questionnaire.yaml'), 'utf8')));
const { groups } = parseGroupList('Marketing, Sales, IT');
const scale = { values: [1, 2, 3, 4, 5], allowNA: true };

const keys = (...list: (number | 'n' | 's' | '=' | 'bs')[]): VoteKey[] =>
  list.map((k) =>
    typeof k === 'number'
      ? { kind: 'option', number: k }
      : k === 'n'
        ? { kind: 'na' }
        : k === 's'
          ? { kind: 'skip' }
          : k === '='
            ? { kind: 'repeat' }
            : { kind: 'backspace' },
  );

function press(screen: VoteScreen, ...list: Parameters<typeof keys>): VoteChoice {
  let state = startVoting(screen.rows);
  for (const key of keys(...list)) state = applyVoteKey(state, key, scale);
  return { kind: 'confirm', votes: votesOf(state) };
}

describe('the vote keys', () => {
  const rows = groups.map((g) => ({ group: g.id, name: g.name, hidden: false, vote: undefined }));
  const run = (...list: Parameters<typeof keys>) => {
    let state = startVoting(rows);
    for (const key of keys(...list)) state = applyVoteKey(state, key, scale);
    return state;
  };
  it.each([
    [[4, 3, 1], { marketing: 4, sales: 3, it: 1 }, 3],
    [[4, '='], { marketing: 4, sales: 4, it: 4 }, 3],
    [[4, 3, 'bs', 2, 5], { marketing: 4, sales: 2, it: 5 }, 3],
    [['n', 's', 2], { marketing: 'n/a', sales: undefined, it: 2 }, 3],
    [[9, 4], { marketing: 4, sales: undefined, it: undefined }, 1],
    [['bs', 'bs', 4], { marketing: 4, sales: undefined, it: undefined }, 1],
    [['=', 2], { marketing: 2, sales: undefined, it: undefined }, 1],
  ] as const)('%j → %j, cursor %i', (list, votes, cursor) => {
    const state = run(...list);
    expect(votesOf(state)).toEqual(votes);
    expect(state.cursor).toBe(cursor);
  });

  it('passes over a group that does not see the question', () => {
    let state = startVoting(rows.map((r) => ({ ...r, hidden: r.group === 'sales' })));
    state = applyVoteKey(state, { kind: 'option', number: 2 }, scale);
    expect(state.cursor).toBe(2);
    state = applyVoteKey(state, { kind: 'backspace' }, scale);
    expect(state.cursor).toBe(0);
    expect(votesOf(applyVoteKey(state, { kind: 'repeat' }, scale))).toEqual({ marketing: 2, it: 2 });
  });
});

function scripted(votes: ((screen: VoteScreen) => VoteChoice)[], extra: Partial<WorkshopInteraction> = {}) {
  const shown: string[] = [];
  const ask: WorkshopInteraction = {
    async vote(screen) {
      shown.push(`vote ${screen.id} ${screen.position.index}/${screen.position.total}`);
      return votes.shift()?.(screen) ?? { kind: 'quit' };
    },
    async note() {
      shown.push('note');
      return 'IT has no feedback tool';
    },
    async discuss(screen) {
      shown.push(`discuss ${screen.id} ${screen.spread} ${screen.votes.map((v) => `${v.name} ${v.vote}`).join(' · ')}`);
      return 'continue';
    },
    async capabilityDone(summary) {
      shown.push(
        `summary ${summary.capability} ${summary.groups.map((g) => `${g.name} ${g.score}`).join(', ')} [${summary.flagged.map((f) => f.id)}]`,
      );
      return 'continue';
    },
    async unvoted() {
      return 'quit';
    },
    async questionList(rows) {
      shown.push(`list ${rows.map((r) => `${r.number} ${r.id} ${r.status}`).join(', ')}`);
      return rows[rows.length - 1]?.id;
    },
    ...extra,
  };
  return { ask, shown };
}

describe('runWorkshop', () => {
  it('saves each confirmed question before the next, discusses a spread ≥ 50, sums up each capability', async () => {
    const saves: WorkshopAnswers[] = [];
    const { ask, shown } = scripted([
      (s) => press(s, 5, 4, 1), // gate-1: q 1, .75, 0 → spread 100; gate-2 opens for Marketing and Sales
      (s) => press(s, 4, '='), // gate-2 (IT does not see it)
      (s) => press(s, 3, 3, 3),
      (s) => press(s, 2, 's', 2),
    ]);
    const unvoted: string[] = [];
    ask.unvoted = async (open) => {
      unvoted.push(...open.map((o) => o.id));
      return 'finish';
    };
    const result = await runWorkshop(q, groups, {}, { lang: 'en', ask, discuss: 50, save: async (a) => void saves.push(a) });
    expect(result.status).toBe('finished');
    expect(result.answers).toEqual({
      'gate-1': { votes: { marketing: 5, sales: 4, it: 1 } },
      'gate-2': { votes: { marketing: 4, sales: 4 } },
      'team-1': { votes: { marketing: 3, sales: 3, it: 3 } },
      'team-2': { votes: { marketing: 2, it: 2 } },
    });
    expect(saves).toHaveLength(4);
    // Sales skipped team-2: it is still open at the end.
    expect(unvoted).toEqual(['team-2']);
    expect(shown).toEqual([
      'vote gate-1 1/3',
      'discuss gate-1 100 Marketing 5 · Sales 4 · IT 1',
      'vote gate-2 2/4',
      // data: Marketing (1 + .75)/2, Sales (.75 + .75)/2, IT 0.
      'summary Data-driven decisions Marketing 87.5, Sales 75, IT 0 [gate-1]',
      'vote team-1 3/4',
      'vote team-2 4/4',
      'summary Journey teams Marketing 37.5, Sales 50, IT 37.5 []',
    ]);
  });

  it('records a discussion note and takes a new vote when asked', async () => {
    const discussions: string[] = ['note', 'revote', 'continue'];
    const { ask, shown } = scripted([(s) => press(s, 5, 1, 3), (s) => press(s, 3, 3, 3)], {
      async discuss(screen) {
        shown.push(`discuss ${screen.votes.map((v) => v.vote).join(' ')} ${screen.note ?? ''}`);
        const next = discussions.shift();
        return next === 'note' || next === 'revote' ? next : 'continue';
      },
    });
    const result = await runWorkshop(q, groups, {}, { lang: 'en', ask, discuss: 50, save: async () => undefined });
    expect(shown.slice(0, 5)).toEqual([
      'vote gate-1 1/3',
      'discuss 5 1 3 ',
      'note',
      'discuss 5 1 3 IT has no feedback tool',
      'vote gate-1 1/4',
    ]);
    expect(result.answers['gate-1']).toEqual({ votes: { marketing: 3, sales: 3, it: 3 }, note: 'IT has no feedback tool' });
  });

  it('keeps the votes pressed but not confirmed across a note', async () => {
    const seen: (number | string | undefined)[][] = [];
    const { ask } = scripted([
      (s) => {
        seen.push(s.rows.map((r) => r.vote));
        return { kind: 'note', draft: { marketing: 4, sales: undefined, it: undefined } };
      },
      (s) => {
        seen.push(s.rows.map((r) => r.vote));
        return { kind: 'quit' };
      },
    ]);
    const result = await runWorkshop(q, groups, {}, { lang: 'en', ask, discuss: 50, save: async () => undefined });
    expect(seen).toEqual([
      [undefined, undefined, undefined],
      [4, undefined, undefined],
    ]);
    // The note is saved; the unconfirmed vote is not.
    expect(result.answers).toEqual({ 'gate-1': { votes: {}, note: 'IT has no feedback tool' } });
  });

  it('jumps with the question list to any question', async () => {
    const initial = { 'gate-1': { votes: { marketing: 4, sales: 4, it: 4 } }, 'team-1': { votes: { marketing: 3 } } };
    const { ask, shown } = scripted([() => ({ kind: 'list' })]);
    await runWorkshop(q, groups, initial, { lang: 'en', ask, discuss: 50, save: async () => undefined });
    expect(shown).toEqual([
      'vote gate-2 2/4',
      'list 1 gate-1 answered, 1.1 gate-2 open, 2 team-1 skipped, 3 team-2 open',
      'vote team-2 4/4',
    ]);
  });

  it('reviewing a completed file starts from the question list', async () => {
    const initial = { 'gate-1': { votes: { marketing: 4, sales: 4, it: 4 } }, 'team-1': { votes: { marketing: 3 } } };
    const { ask, shown } = scripted([]);
    await runWorkshop(q, groups, initial, {
      lang: 'en',
      ask,
      discuss: 50,
      mode: 'review',
      startAt: 'gate-1',
      startWithList: true,
      save: async () => undefined,
    });
    // The list comes before any question; the scripted list picks its last row.
    expect(shown).toEqual(['list 1 gate-1 answered, 1.1 gate-2 open, 2 team-1 skipped, 3 team-2 open', 'vote team-2 4/4']);
  });

  it('resumes at the first question not voted by every group', async () => {
    const initial = { 'gate-1': { votes: { marketing: 2, sales: 2, it: 2 } }, 'team-1': { votes: { marketing: 3 } } };
    const { ask, shown } = scripted([]);
    await runWorkshop(q, groups, initial, { lang: 'en', ask, discuss: 50, save: async () => undefined });
    expect(shown).toEqual(['vote team-1 2/3']);
  });
});

describe('mergeWorkshopEdits', () => {
  it("keeps a vote added outside, and the run's own where both changed one", () => {
    const base = { 'jt-1': { votes: { a: 1 } } };
    const mine = { 'jt-1': { votes: { a: 2 } } };
    const theirs = { 'jt-1': { votes: { a: 3, b: 4 }, note: 'from git' } };
    expect(mergeWorkshopEdits(base, mine, theirs)).toEqual({
      answers: { 'jt-1': { votes: { a: 2, b: 4 }, note: 'from git' } },
      takenFromOther: ['jt-1'],
      conflicts: [{ id: 'jt-1 (a)', part: 'value', kept: 2, other: 3 }],
    });
  });
});
