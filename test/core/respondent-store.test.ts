import { describe, expect, it } from 'vitest';
import { RespondentStore } from '../../src/core/respondent-store.js';

const scores = (...values: (number | null)[]) => values.map((score) => ({ score }));

describe('RespondentStore', () => {
  // Three respondents, two capabilities; Ben counted nothing in the second.
  const store = new RespondentStore(2);
  store.add({ file: 'ana.yaml', name: 'Ana', role: 'sales', organization: 'Acme' }, scores(100, 40));
  store.add({ file: 'ben.yaml', role: 'sales' }, scores(50, null));
  store.add({ file: 'cho.yaml', name: 'Cho', organization: 'Acme' }, scores(10, 70.25));
  const respondents = store.view();

  it('gives back each respondent and its own scores, null where nothing was counted', () => {
    expect(respondents.length).toBe(3);
    expect([0, 1, 2].map((r) => respondents.identity(r))).toEqual([
      { name: 'Ana', role: 'sales', organization: 'Acme', file: 'ana.yaml' },
      { name: undefined, role: 'sales', organization: undefined, file: 'ben.yaml' },
      { name: 'Cho', role: undefined, organization: 'Acme', file: 'cho.yaml' },
    ]);
    expect([0, 1, 2].map((r) => [respondents.score(r, 0), respondents.score(r, 1)])).toEqual([
      [100, 40],
      [50, null],
      [10, 70.25],
    ]);
  });

  it('builds the report lines of a capability, in the JSON key order of SPEC §7', () => {
    expect(JSON.stringify(respondents.capabilityEntries(1))).toBe(
      '[{"name":"Ana","role":"sales","file":"ana.yaml","score":40},{"role":"sales","file":"ben.yaml","score":null},{"name":"Cho","file":"cho.yaml","score":70.25}]',
    );
  });

  it('spreads over the scores that exist: max − min, null with fewer than two', () => {
    expect(respondents.spread(0)).toBe(90); // 100 − 10
    expect(respondents.spread(1)).toBe(30.25); // 70.25 − 40, Ben left out
    const lone = new RespondentStore(1);
    lone.add({ file: 'a.yaml' }, scores(null));
    lone.add({ file: 'b.yaml' }, scores(20));
    expect(lone.view().spread(0)).toBeNull();
  });

  it('keeps a view as it was when taken, and grows past its first allocation', () => {
    const growing = new RespondentStore(9);
    const early = growing.view();
    for (let i = 0; i < 200; i++) growing.add({ file: `${i}.yaml` }, scores(...Array.from({ length: 9 }, (_, c) => (i + c) % 101)));
    expect(early.length).toBe(0);
    const late = growing.view();
    expect(late.length).toBe(200);
    expect(late.score(199, 8)).toBe((199 + 8) % 101);
    expect(late.capabilityEntries(3).map((e) => e.score)).toEqual(Array.from({ length: 200 }, (_, i) => (i + 3) % 101));
  });

  it('keeps rows across its blocks of 4,096, survey rows named file:ROW, and gaps per respondent', () => {
    const rows = 4096 * 2 + 7;
    const survey = new RespondentStore(3);
    const roles = ['sales', 'it', 'support'];
    for (let i = 0; i < rows; i++) {
      survey.add(
        { file: 'export.csv', row: i + 2, name: `R${i}`, role: roles[i % 3] },
        scores(i % 100, i % 7 === 0 ? null : 50, (i * 3) % 101),
        { unanswered: i % 5, notApplicable: i % 3 },
      );
    }
    const view = survey.view();
    expect(view.length).toBe(rows);
    for (const r of [0, 4095, 4096, 4097, 8191, 8192, rows - 1]) {
      expect(view.identity(r)).toEqual({ name: `R${r}`, role: roles[r % 3], organization: undefined, file: `export.csv:${r + 2}` });
      expect([view.score(r, 0), view.score(r, 1), view.score(r, 2)]).toEqual([r % 100, r % 7 === 0 ? null : 50, (r * 3) % 101]);
      expect(view.gaps(r)).toEqual({ unanswered: r % 5, notApplicable: r % 3 });
      expect(view.capabilityEntry(r, 2)).toEqual({ name: `R${r}`, role: roles[r % 3], file: `export.csv:${r + 2}`, score: (r * 3) % 101 });
    }
    expect(view.spread(0)).toBe(99);
    // Rows past a view's end do not exist for it, even in a block it shares with later adds.
    survey.add({ file: 'late.csv', row: 9 }, scores(1, 2, 3));
    expect(view.length).toBe(rows);
    expect(view.score(rows, 0)).toBeNull();
    expect(survey.view().identity(rows).file).toBe('late.csv:9');
  });
});
