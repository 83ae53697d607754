import { makeChalk } from '../../src/report/color.js';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { QuestionScreen } from '../../src/core/run-assessment.js';
import { runMessages } from '../../src/ui/messages.js';
import { defaultChoiceIndex, progressBar, questionChoices, renderQuestionScreen } from '../../src/ui/screen.js';
import { wrapParagraphs } from '../../src/text/wrap.js';

describe('wrapParagraphs', () => {
  it.each<[string, string, number, string[]]>([
    [
      'breaks English at spaces',
      'We have documented the stages of our customer journey.',
      20,
      ['We have documented', 'the stages of our', 'customer journey.'],
    ],
    ['keeps short text', 'Agree', 20, ['Agree']],
    ['splits a word longer than the line', 'abcdefghijklmnopqrstuvwxyz', 10, ['abcdefghij', 'klmnopqrst', 'uvwxyz']],
    ['keeps paragraphs', 'one\ntwo', 20, ['one', 'two']],
    [
      'breaks Japanese between characters, two columns each',
      'ジャーニーの各段階にオーナーがいる。',
      10,
      ['ジャーニー', 'の各段階に', 'オーナーが', 'いる。'],
    ],
    ['never starts a line with closing punctuation', 'あいうえお、かきくけこ', 10, ['あいうえ', 'お、かきく', 'けこ']],
    ['never ends a line with an opening bracket', 'あいうえ「かきくけこ」', 10, ['あいうえ', '「かきくけ', 'こ」']],
    ['mixes scripts', 'CRMとMAでIDが違う', 10, ['CRMとMAで', 'IDが違う']],
  ])('%s', (_, text, width, expected) => {
    const lines = wrapParagraphs(text, width);
    expect(lines).toEqual(expected);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
  });
});

const screen = (over: Partial<QuestionScreen> = {}): QuestionScreen => ({
  id: 'q1',
  title: 'Small workshop',
  capability: 'Data-driven decisions',
  text: 'Decisions about the customer journey cite the shared feedback of every department.',
  help: 'Think of surveys.',
  showHelp: false,
  position: { index: 12, total: 38, indexInCapability: 2, totalInCapability: 5, answered: 11, number: '12', baseTotal: 38, followUps: 0 },
  options: [1, 2, 3, 4, 5].map((value) => ({
    value,
    label: ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'][value - 1] ?? '',
  })),
  allowNA: true,
  canGoBack: true,
  current: { value: undefined, note: undefined },
  ...over,
});
const style = { width: 40, chalk: makeChalk(false), messages: runMessages('en') };

describe('question screen', () => {
  it('shows position, progress and the wrapped statement', () => {
    expect(renderQuestionScreen(screen(), style)).toBe(
      [
        'Q 12 of 38 · Data-driven decisions 2/5',
        '███░░░░░░░  11/38 answered',
        '',
        '  Decisions about the customer journey',
        '  cite the shared feedback of every',
        '  department.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('puts the title at the right of the progress line where it fits', () => {
    expect(renderQuestionScreen(screen(), { ...style, width: 80 }).split('\n')[1]).toBe(
      `${'█'.repeat(6)}${'░'.repeat(14)}  11/38 answered${' '.repeat(30)}Small workshop`,
    );
  });

  it('shows help on demand, and the current answer and note when revisiting', () => {
    const text = renderQuestionScreen(screen({ showHelp: true, current: { value: 4, note: 'CRM and MA differ' } }), style);
    expect(text).toContain('  Help: Think of surveys.\n');
    expect(text).toContain('  Current answer: 4 Agree\n  Note: CRM and MA differ\n');
    expect(renderQuestionScreen(screen({ current: { value: 'n/a', note: undefined } }), style)).toContain('Current answer: Not applicable');
  });

  it.each<[string, Partial<QuestionScreen>, string]>([
    [
      'a fresh question',
      {},
      '1 Strongly disagree|2 Disagree|3 Neutral|4 Agree|5 Strongly agree|n Not applicable|s Skip for now|e Add a note|h Show help|b Back to the previous question|g Go to a question…|q Save and quit',
    ],
    [
      'no n/a, help or back where they do not apply',
      { allowNA: false, help: undefined, canGoBack: false },
      '1 Strongly disagree|2 Disagree|3 Neutral|4 Agree|5 Strongly agree|s Skip for now|e Add a note|g Go to a question…|q Save and quit',
    ],
    [
      'an answered question with a note, help shown',
      { current: { value: 2, note: 'x' }, showHelp: true },
      '1 Strongly disagree|2 Disagree|3 Neutral|4 Agree|5 Strongly agree|n Not applicable|s Skip (clear this answer)|e Edit the note|h Hide help|b Back to the previous question|g Go to a question…|q Save and quit',
    ],
  ])('choices for %s', (_, over, expected) => {
    expect(
      questionChoices(screen(over), runMessages('en'))
        .map((c) => c.name)
        .join('|'),
    ).toBe(expected);
  });

  it('starts the cursor on the current answer', () => {
    const at = (current: QuestionScreen['current']) => {
      const s = screen({ current });
      return questionChoices(s, runMessages('en'))[defaultChoiceIndex(s, questionChoices(s, runMessages('en')))]?.name;
    };
    expect(at({ value: undefined, note: undefined })).toBe('1 Strongly disagree');
    expect(at({ value: 4, note: undefined })).toBe('4 Agree');
    expect(at({ value: 'n/a', note: undefined })).toBe('n Not applicable');
  });

  it('speaks Japanese', () => {
    const names = questionChoices(screen({ options: [{ value: 1, label: 'そう思う' }] }), runMessages('ja')).map((c) => c.name);
    expect(names).toEqual([
      '1 そう思う',
      'n 該当しない',
      's スキップ（後で回答）',
      'e メモを追加',
      'h ヘルプを表示',
      'b 前の質問に戻る',
      'g 質問の一覧から移動…',
      'q 保存して終了',
    ]);
    expect(runMessages('ja-JP').yourAnswer).toBe('回答');
    expect(runMessages('fr').yourAnswer).toBe('Your answer');
  });

  it.each([
    [0, 10, '░░░░░░░░░░'],
    [5, 10, '█████░░░░░'],
    [38, 38, '██████████'],
    [0, 0, '░░░░░░░░░░'],
  ])('progress bar %i/%i', (done, total, bar) => expect(progressBar(done, total, 10)).toBe(bar));
});
