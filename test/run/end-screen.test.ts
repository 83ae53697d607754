import { describe, expect, it } from 'vitest';
import { makeChalk } from '../../src/report/color.js';
import { layoutItems, windowRows } from '../../src/ui/item-layout.js';
import { runMessages } from '../../src/ui/messages.js';
import { questionListItems } from '../../src/ui/question-list.js';
import { findPager } from '../../src/ui/run-end.js';
import { renderRunSummary } from '../../src/ui/run-summary.js';
import { cutBlock } from '../../src/ui/screen.js';
import { loadReport } from '../report/fixtures.js';

const plain = makeChalk(false);

describe('the end-of-run summary', () => {
  it('shows the overall score, one line per capability and the three largest spreads', () => {
    const text = renderRunSummary(loadReport('report-workshop-three-departments'), { width: 79, chalk: plain, lang: 'en' });
    expect(text).toBe(
      [
        'CXM Playbook maturity assessment',
        'Overall score: 46.8 Defined  (Target: Managed)',
        '',
        '  Journey-based teams                              41.7  Defined     ████░░░░░░',
        '  Customer-success KPIs                            56.3  Defined     ██████░░░░',
        '  Shared customer ID and unified profile           20.8  Developing  ██░░░░░░░░',
        '  Data-driven decisions                            51.7  Defined     █████░░░░░',
        '  Personalisation and buyer-centric communication  45.1  Defined     █████░░░░░',
        '  Privacy and trust                                52.8  Defined     █████░░░░░',
        '  Measurement and continuous improvement           41.7  Defined     ████░░░░░░',
        '  Omnichannel consistency and self-service         48.6  Defined     █████░░░░░',
        '  Customer-centric culture and leadership          62.5  Managed     ██████░░░░',
        '',
        'Spread between respondents',
        // five capabilities disagree (spread ≥ 25); the largest three: 45.8, 41.7, 40.8
        '  ! Journey-based teams                              Spread 45.8',
        '  ! Personalisation and buyer-centric communication  Spread 41.7',
        '  ! Customer-success KPIs                            Spread 40.8',
        '',
      ].join('\n'),
    );
  });

  it('has no disagreement block for one respondent, and fits 40 columns', () => {
    const text = renderRunSummary(loadReport('report-single-respondent'), { width: 40, chalk: plain, lang: 'en' });
    expect(text).not.toContain('Spread');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe('findPager', () => {
  it.each<[string, NodeJS.ProcessEnv, string | undefined]>([
    ['$PAGER as a command line', { PAGER: 'less -FRX', PATH: '/usr/bin' }, 'less -FRX'],
    ['less -R from the PATH', { PATH: '/nowhere:/usr/bin' }, '/usr/bin/less -R'],
    ['an empty $PAGER is not set', { PAGER: ' ', PATH: '/usr/bin' }, '/usr/bin/less -R'],
    ['none without less', { PATH: '/nowhere' }, undefined],
  ])('%s', (_, env, expected) => {
    const pager = findPager(env);
    expect(pager && [pager.command, ...pager.args].join(' ')).toBe(expected);
  });
});

describe('layout of the items under a question', () => {
  const items = [
    ...['1 Strongly disagree', '2 Disagree', '3 Neutral', '4 Agree', '5 Strongly agree'].map((name) => ({ value: name, name })),
    ...['n Not applicable', 's Skip for now', 'e Add a note', 'h Show help', 'b Back', 'g Go to a question…', 'q Save and quit'].map(
      (name) => ({ value: name, name, action: true }),
    ),
  ];

  it('one a row with a rule when all fit', () => {
    const { rows } = layoutItems(items, 0, { rows: 13, width: 79 });
    expect(rows).toHaveLength(13);
    expect(rows[0]).toBe('❯ 1 Strongly disagree');
    expect(rows[5]).toBe('  ──────');
  });

  it('actions packed into as few rows as the width allows when rows are short', () => {
    const { rows, rowOf } = layoutItems(items, 11, { rows: 8, width: 79 });
    expect(rows).toEqual([
      '  1 Strongly disagree',
      '  2 Disagree',
      '  3 Neutral',
      '  4 Agree',
      '  5 Strongly agree',
      '  n Not applicable    s Skip for now    e Add a note    h Show help    b Back',
      '  g Go to a question…  ❯ q Save and quit',
    ]);
    expect(rowOf.slice(5)).toEqual([5, 5, 5, 5, 5, 6, 6]);
  });

  it('a window around the active row when even that does not fit', () => {
    const layout = { rows: ['a', 'b', 'c', 'd', 'e', 'f'], rowOf: [0, 1, 2, 3, 4, 5] };
    expect(windowRows(layout, 0, 3)).toEqual(['a', 'b', 'c']);
    expect(windowRows(layout, 3, 3)).toEqual(['c', 'd', 'e']);
    expect(windowRows(layout, 5, 3)).toEqual(['d', 'e', 'f']);
  });

  it('help and notes cut short to the rows left, ending with "…"', () => {
    expect(cutBlock(['a', 'b', 'c'], 5)).toEqual(['a', 'b', 'c']);
    expect(cutBlock(['a', 'b', 'c'], 2)).toEqual(['a', 'b…']);
    expect(cutBlock(['a', 'b', 'c'], 0)).toEqual(['a…']);
  });
});

describe('the question list', () => {
  it('number, status, note mark and the statement, cut to the width; typed numbers reach base questions', () => {
    const rows = [
      {
        id: 'a',
        number: '9',
        capability: 'KPIs',
        text: 'Our KPIs are expressed in terms of customer success.',
        status: 'answered',
        flagged: false,
      },
      { id: 'b', number: '9.1', capability: 'KPIs', text: 'Follow-up', status: 'skipped', flagged: true },
      { id: 'c', number: '10', capability: 'KPIs', text: 'Targets', status: 'open', flagged: false },
    ] as const;
    const items = questionListItems([...rows], { width: 60, chalk: plain, messages: runMessages('en') });
    expect(items.map((i) => i.name)).toEqual([
      // 58 columns: the cursor takes the other two
      '  9  answered        KPIs · Our KPIs are expressed in ter…',
      '9.1  skipped   note  KPIs · Follow-up',
      ' 10  ·               KPIs · Targets',
    ]);
    expect(items.map((i) => i.number)).toEqual([9, undefined, 10]);
  });
});

describe('the question header', () => {
  it('cuts a long capability title instead of wrapping, and drops the clock first', async () => {
    const { renderQuestionScreen } = await import('../../src/ui/screen.js');
    const screen = {
      id: 'p-5',
      title: 'CXMプレイブック成熟度アセスメント',
      capability: 'パーソナライズと買い手に寄り添ったコミュニケーション',
      text: '文',
      help: undefined,
      showHelp: false,
      position: {
        index: 27,
        total: 49,
        indexInCapability: 5,
        totalInCapability: 5,
        answered: 26,
        number: '25',
        baseTotal: 47,
        followUps: 5,
      },
      options: [],
      allowNA: true,
      canGoBack: true,
      current: { value: undefined, note: undefined },
    };
    const first = renderQuestionScreen(screen, { width: 79, chalk: plain, messages: runMessages('ja'), clock: '12:00' }).split('\n')[0];
    // "Q 25 / 47（追加質問 +5） · " is 27 columns and " 5/5" 4: the title gets the other 48.
    expect(first).toBe('Q 25 / 47（追加質問 +5） · パーソナライズと買い手に寄り添ったコミュニケー… 5/5');
  });
});

describe('the session clock', () => {
  const at = (answered: number) => ({
    index: 1,
    total: 47,
    indexInCapability: 1,
    totalInCapability: 5,
    answered,
    number: '1',
    baseTotal: 47,
    followUps: 5,
  });

  it('counts from the answers the session started with', async () => {
    const { sessionClock } = await import('../../src/ui/session-clock.js');
    let now = 0;
    const clock = sessionClock({ startedAt: 0, timeboxMs: 70 * 60_000, now: () => now }, runMessages('en'));
    expect(clock(at(40))).toBe('0:00 of 1:10:00 · on pace');
    // 7 open questions in 70 minutes: after 30 minutes 40 + 3 = 43 are due, 41 are answered.
    now = 30 * 60_000;
    expect(clock(at(41))).toBe('30:00 of 1:10:00 · 2 behind');
    now = 71 * 60_000;
    expect(clock(at(46))).toBe('1:11:00 of 1:10:00 · over time');
    expect(sessionClock({ startedAt: 0, now: () => 65_000 }, runMessages('ja'))(at(0))).toBe('1:05');
    expect(sessionClock(undefined, runMessages('en'))(at(0))).toBeUndefined();
  });
});
