import { describe, expect, it } from 'vitest';
import { compare, DifferentQuestionnairesError, diffReports } from '../../src/core/diff.js';
import { levelOf } from '../../src/core/levels.js';
import { diffReportSchema } from '../../src/model/diff-report.js';
import { cap, LEVELS, question, report } from './build-report.js';

const opts = { tolerance: 0.5 };

describe('compare', () => {
  it.each([
    // before, after, tolerance, delta, status
    [50, 50, 0.5, 0, 'unchanged'],
    [50, 50.5, 0.5, 0.5, 'unchanged'],
    [50, 49.5, 0.5, -0.5, 'unchanged'],
    [50, 50.51, 0.5, 0.51, 'improved'],
    [50, 49.49, 0.5, -0.51, 'regressed'],
    [69.8, 70.3, 0.5, 0.5, 'unchanged'], // 0.5000000000000057: noise is not a change
    [50, 50.1, 0, 0.1, 'improved'],
    [40, 60, 25, 20, 'unchanged'],
  ] as const)('%d → %d (±%d) is %s %s', (before, after, tolerance, delta, status) => {
    const result = compare(before, after, tolerance);
    expect(result.delta).toBeCloseTo(delta, 9);
    expect(result.status).toBe(status);
  });

  it.each([
    [null, 40, 'new'],
    [40, null, 'not-assessed'],
    [null, null, 'not-assessed'],
  ] as const)('%s → %s is %s with no delta', (before, after, status) => {
    expect(compare(before, after, 0.5)).toEqual({ before, after, delta: null, status });
  });
});

describe('levelOf', () => {
  it.each([
    [null, null],
    [0, 'initial'],
    [19.9999999999, 'developing'],
    [39.9, 'developing'],
    [60, 'managed'],
    [100, 'optimized'],
  ] as const)('%s → %s', (score, level) => expect(levelOf(score, LEVELS)).toBe(level));
});

describe('diffReports', () => {
  it('gives exact deltas, level changes and statuses per capability and overall', () => {
    const before = report([cap('a', 35), cap('b', 70), cap('c', 50)]);
    const after = report([cap('a', 45), cap('b', 55.25), cap('c', 50.5)]);
    const diff = diffReports(before, after, opts);
    expect(diff.capabilities.map((c) => [c.id, c.delta, c.level.before, c.level.after, c.level.change, c.status])).toEqual([
      ['a', 10, 'developing', 'defined', 'up', 'improved'],
      ['b', -14.75, 'managed', 'defined', 'down', 'regressed'],
      ['c', 0.5, 'defined', 'defined', 'same', 'unchanged'],
    ]);
    expect(diff.overall.before).toBeCloseTo(155 / 3, 9);
    expect(diff.overall.after).toBeCloseTo(150.75 / 3, 9);
    expect(diff.overall.status).toBe('regressed');
    expect(diff.overall.basis).toBe('reported');
    expect(diff.summary).toEqual({ improved: 1, regressed: 1, unchanged: 1, new: 0, notAssessed: 0 });
    expect(diff.regressions).toEqual(['b', 'overall']);
    expect(diff.warnings).toEqual([]);
    expect(diffReportSchema.parse(diff)).toEqual(diff);
  });

  it('says "new" and "not assessed" for a capability scored on one side only', () => {
    const before = report([cap('a', null), cap('b', 40)]);
    const after = report([cap('a', 30), cap('b', null)]);
    const diff = diffReports(before, after, opts);
    expect(diff.capabilities.map((c) => [c.id, c.status, c.delta, c.level.change])).toEqual([
      ['a', 'new', null, null],
      ['b', 'not-assessed', null, null],
    ]);
    expect(diff.regressions).toEqual(['overall']);
  });

  it('warns about a version mismatch and capabilities on one side only, and compares overall over the common ones', () => {
    const before = report([cap('a', 40), cap('old', 90)], { questionnaire: { id: 'cxm-playbook', version: '1.0.0', title: 'T' } });
    const after = report([cap('a', 50, { weight: 3 }), cap('fresh', 10)], {
      questionnaire: { id: 'cxm-playbook', version: '2.0.0', title: 'T2' },
    });
    const diff = diffReports(before, after, opts);
    expect(diff.questionnaire).toEqual({ id: 'cxm-playbook', title: 'T2', before: '1.0.0', after: '2.0.0' });
    expect(diff.capabilities.map((c) => [c.id, c.presence, c.status])).toEqual([
      ['a', 'both', 'improved'],
      ['fresh', 'after-only', 'new'],
      ['old', 'before-only', 'not-assessed'],
    ]);
    expect(diff.overall).toMatchObject({ before: 40, after: 50, delta: 10, basis: 'common-capabilities', status: 'improved' });
    expect(diff.overall.level).toEqual({ before: 'defined', after: 'defined', change: 'same' });
    expect(diff.warnings).toEqual([
      'questionnaire versions differ (before 1.0.0, after 2.0.0): only what both versions have is compared',
      'capability "fresh" is only in the after questionnaire (2.0.0): shown as new, not compared',
      'capability "old" is only in the before questionnaire (1.0.0): shown as not assessed, not compared',
      'overall compared over the 1 capability both questionnaires have',
    ]);
  });

  it('refuses reports of different questionnaires with a domain error (the command adds the CLI hint)', () => {
    const other = report([cap('a', 1)], { questionnaire: { id: 'owasp-samm', version: '1.0.0', title: 'SAMM' } });
    expect(() => diffReports(report([cap('a', 1)]), other, opts)).toThrow(DifferentQuestionnairesError);
    expect(() => diffReports(report([cap('a', 1)]), other, opts)).toThrow(
      'cannot compare different questionnaires: before is "cxm-playbook", after is "owasp-samm"',
    );
  });

  it('lists the changed questions with values and notes, and warns about questions on one side only', () => {
    const before = report([cap('a', 50)], {
      questions: [question('q1', 'a', 3), question('q2', 'a', 4, 'same'), question('q3', 'a', 2), question('gone', 'a', 1)],
    });
    const after = report([cap('a', 75)], {
      questions: [
        question('q1', 'a', 5, 'now good'),
        question('q2', 'a', 4, 'same'),
        question('q3', 'a', 'n/a'),
        question('added', 'a', 5),
      ],
    });
    const diff = diffReports(before, after, { tolerance: 0.5, detail: true });
    expect(diff.questions?.map((q) => [q.id, q.before.value, q.after.value, q.after.note, q.delta])).toEqual([
      ['q1', 3, 5, 'now good', 50],
      ['q3', 2, 'n/a', undefined, null],
    ]);
    expect(diff.warnings).toEqual([
      'question "added" is only in the after questionnaire (1.0.0): not compared, and the scores of "a" cover different questions',
      'question "gone" is only in the before questionnaire (1.0.0): not compared, and the scores of "a" cover different questions',
    ]);
    expect(diffReports(before, after, opts).questions).toBeUndefined();
  });

  it('warns when --detail is asked of a report without per-question detail', () => {
    const diff = diffReports(report([cap('a', 1)]), report([cap('a', 1)]), {
      tolerance: 0.5,
      detail: true,
      before: { source: 'q1.json', kind: 'report' },
    });
    expect(diff.questions).toBeUndefined();
    expect(diff.warnings).toEqual([
      'q1.json has no per-question detail (write it with cxm score --detail --format json)',
      'after has no per-question detail (write it with cxm score --detail --format json)',
    ]);
  });
});
