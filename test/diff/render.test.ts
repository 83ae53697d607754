import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { diffReports } from '../../src/core/diff.js';
import { formatDelta, regressionLines } from '../../src/report/diff-format.js';
import { renderDiffHtml } from '../../src/report/diff-html.js';
import { renderDiffJson } from '../../src/report/diff-json.js';
import { renderDiffMarkdown } from '../../src/report/diff-markdown.js';
import { renderDiffText } from '../../src/report/diff-text.js';
import { cap, question, report } from './build-report.js';

const longJa = 'カスタマージャーニー起点のチーム体制とデータドリブンな意思決定、そして全社的な顧客中心の文化';
const before = report([cap('a', 35, { title: longJa }), cap('b', 70, { title: 'Evil \u001b[31mred\u001b[0m title' }), cap('c', null)], {
  lang: 'ja',
  questions: [question('q1', 'a', 2, '旧メモ'), question('q2', 'b', 4)],
});
const after = report([cap('a', 62.5, { title: longJa }), cap('b', 55, { title: 'Evil \u001b[31mred\u001b[0m title' }), cap('c', 40)], {
  lang: 'ja',
  questions: [question('q1', 'a', 4, `${longJa}について、次の四半期に見直す予定`), question('q2', 'b', 3)],
});
const diff = diffReports(before, after, { tolerance: 0.5, detail: true });
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

describe('renderDiffText', () => {
  it.each([
    ['en', false],
    ['en', true],
    ['ja', false],
    ['ja', true],
  ] as const)('fits 80 columns in %s (colour: %s), wrapping Japanese titles and notes', (lang, color) => {
    const text = renderDiffText(diff, { lang, color, width: 80, detail: true });
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text).not.toContain('…');
    expect(text.includes('\u001b[')).toBe(color);
  });

  it('shows control characters of questionnaire texts escaped (no terminal escape passes through)', () => {
    const text = renderDiffText(diff, { lang: 'en', color: false, width: 80, detail: false });
    // The table wraps the title; the escaped sequence is one word of it.
    expect(text).toContain('\\u001B[31mred\\u001B[0m');
    expect(text).not.toContain('\u001b');
  });
});

describe('formatting', () => {
  it.each([
    [null, '—'],
    [0, '0.0'],
    [0.04, '0.0'],
    [-0.04, '0.0'],
    [0.05, '+0.1'],
    [-14.75, '-14.8'], // half away from zero (SPEC §5), as a score of 14.75 prints 14.8
    [33.333, '+33.3'],
  ] as const)('formatDelta(%s) = %s', (delta, text) => expect(formatDelta(delta)).toBe(text));

  it('names every regression with before → after and the level change', () => {
    expect(regressionLines(diff)).toEqual(['b (Evil \\u001B[31mred\\u001B[0m title): 70.0 → 55.0 (-15.0, Managed → Defined)']);
  });
});

describe('renderDiffMarkdown and renderDiffHtml', () => {
  it('label in the requested language and keep the questionnaire texts', () => {
    const md = renderDiffMarkdown(diff, { lang: 'ja', color: false, width: 80, detail: true });
    expect(md).toContain('## 回答が変わった設問');
    expect(md).toContain(`| ${longJa} | 35.0 | 62.5 | ▲ +27.5 | Developing → Managed | 向上 |`);
    expect(md).toContain('*前回のメモ:* 旧メモ');
    const html = renderDiffHtml(diff, { lang: 'ja', color: false, width: 80, detail: true });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain(`<td>${longJa}</td>`);
    expect(html).not.toContain('\u001b');
  });

  it('renders JSON that parses back to the diff', () => {
    expect(JSON.parse(renderDiffJson(diff))).toEqual(JSON.parse(JSON.stringify(diff)));
  });
});
