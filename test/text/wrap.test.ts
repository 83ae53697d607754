import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { toSingleLine, wrapIndented, wrapText } from '../../src/text/wrap.js';

describe('wrapText', () => {
  it.each([
    ['short text', 20, ['short text']],
    ['the quick brown fox jumps over', 10, ['the quick', 'brown fox', 'jumps over']],
    ['line\nbreaks\r\n\tand  tabs', 40, ['line breaks and tabs']],
    ['abcdefghijklmnop', 5, ['abcde', 'fghij', 'klmno', 'p']],
    ['', 10, ['']],
    // Full-width characters count two columns; a line may break between any two of them.
    ['カスタマージャーニー起点のチーム体制', 10, ['カスタマー', 'ジャーニー', '起点のチー', 'ム体制']],
    // Kinsoku: a closing mark never starts a line, an opening bracket never ends one.
    ['あいうえ、かき', 8, ['あいう', 'え、かき']],
    ['あいう「かき」', 8, ['あいう', '「かき」']],
    ['共通顧客IDと統合', 8, ['共通顧客', 'IDと統合']],
  ])('%j at %i columns', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });

  it('never exceeds the width, whatever the text', () => {
    const texts = [
      'NPSと継続率をジャーニー段階・セグメント別に分解し、最も低い結果の改善に担当者を割り当てる。',
      'x'.repeat(50),
      'a b'.repeat(30),
    ];
    for (const text of texts)
      for (const width of [3, 7, 10, 33]) for (const line of wrapText(text, width)) expect(stringWidth(line)).toBeLessThanOrEqual(width);
  });

  it('wraps English greedily, word by word, breaking only words longer than a line', () => {
    // The reference: greedy word wrap; a word wider than the line is cut into line-wide pieces.
    const greedy = (text: string, width: number): string[] => {
      const lines: string[] = [];
      let line = '';
      for (const word of toSingleLine(text)
        .split(' ')
        .filter((w) => w !== '')) {
        if (line !== '' && line.length + 1 + word.length <= width) line += ` ${word}`;
        else if (line === '' && word.length <= width) line = word;
        else {
          if (line !== '') lines.push(line);
          const pieces = word.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
          line = pieces.pop() ?? '';
          lines.push(...pieces);
        }
      }
      return line !== '' || lines.length === 0 ? [...lines, line] : lines;
    };
    const text = fc
      .array(fc.oneof(fc.constantFrom(' ', '  ', '\n', '(', ').', ','), fc.stringMatching(/^[a-zA-Z0-9]{1,14}$/)), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (t, width) => {
        expect(wrapText(t, width)).toEqual(greedy(t, width));
      }),
    );
  });

  it('shows terminal control sequences escaped so answers cannot drive the terminal', () => {
    expect(toSingleLine('a\u001b[2J\u001b]0;x\u0007b\u009bc')).toBe('a\\u001B[2J\\u001B]0;x\\u0007b\\u009Bc');
  });

  it('indents continuation lines under the first', () => {
    expect(wrapIndented('one two three four', 12, '  - ')).toEqual(['  - one two', '    three', '    four']);
  });
});
