import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/escape-html.js';
import { renderHtml } from '../../src/report/html.js';
import { REPORT_FIXTURES, loadReport, renderOptions } from './fixtures.js';

const ALLOWED_TAGS = new Set(
  'html head meta title style body main header footer section figure figcaption p h1 h2 h3 dl dt dd div span strong em small br i ul ol li table thead tbody tr th td svg g line polygon polyline circle rect text tspan'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES = new Set(
  'lang charset http-equiv content name class style viewBox role aria-label data-capability data-question data-score x y x1 y1 x2 y2 cx cy r rx dy points width height fill text-anchor'.split(
    ' ',
  ),
);

/** Every tag of the page, with its attributes; fails on anything that is not `name="value"`. */
function tags(html: string): { name: string; attributes: string[] }[] {
  const body = html.replace(/^<!doctype html>\n/, '').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  return [...body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => {
    const rest = (m[2] ?? '').replace(/\/$/, '');
    const attributes = [...rest.matchAll(/\s([a-zA-Z][a-zA-Z0-9-]*)="[^"<>]*"/g)].map((a) => a[1] ?? '');
    expect(rest.replace(/\s([a-zA-Z][a-zA-Z0-9-]*)="[^"<>]*"/g, '').trim(), m[0]).toBe('');
    return { name: m[1] ?? '', attributes };
  });
}

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`a & "b" 'c'`, 'a &amp; &quot;b&quot; &#39;c&#39;'],
    ['&lt;', '&amp;lt;'],
    ['bell\u0007 esc\u001b[0m', 'bell\\u0007 esc\\u001B[0m'],
    ['日本語', '日本語'],
  ])('%j → %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});

describe('renderHtml', () => {
  it('is one self-contained, printable page', () => {
    const html = renderHtml(loadReport('report-workshop-three-departments'), renderOptions());
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    );
    expect(html).not.toMatch(/https?:|<link|<script|<img|<iframe|url\(|@import|src=|href=/i);
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/font-family:[^;]*"Hiragino Sans"[^;]*"Noto Sans CJK JP"[^;]*"Yu Gothic"[^;]*sans-serif;/);
    expect(html).toContain('break-inside: avoid');
  });

  it('prints to A4 with the summary on page 1, each main section on a page of its own and no cut rows', () => {
    const html = renderHtml(loadReport('report-single-respondent'), renderOptions());
    const print = /@media print \{([\s\S]*?)\n\}/.exec(html)?.[1] ?? '';
    expect(print).toMatch(
      /section\.charts, section\.details, section\.discussion, section\.roadmap, section\.notes-evidence, section\.questions \{ break-before: page; \}/,
    );
    expect(print).not.toMatch(/section\.summary[^{]*\{ break-before/);
    expect(print).toContain('tr { break-inside: avoid; }');
    expect(print).toContain('thead { display: table-header-group; }');
    // Header, then the summary, then the rest: the order page 1 relies on.
    const order = [
      '<header class="report-header">',
      '<section class="summary">',
      '<section class="charts">',
      '<section class="details">',
      '<section class="roadmap">',
      '<section class="notes-evidence">',
    ];
    const at = order.map((tag) => html.indexOf(tag));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('puts the radar ring labels between two axes, away from the scores', () => {
    // Scores 31.3, 75, 87.5 (three axes, sectors of 120°): along sector 2's bisector (87.5 → 31.3)
    // the line crosses at 2·87.5·31.3/118.8 = 46.1, 6.1 from the 40 ring; sector 0 (31.3, 75) at 44.1,
    // 4.1 from it; sector 1 (75, 87.5) at 80.8, 0.8 from the 80 ring. Sector 2 it is: the middle of
    // each ring's edge between the third axis and the first, centred.
    const html = renderHtml(loadReport('report-single-respondent'), renderOptions());
    const labels = [...html.matchAll(/<text class="radar-grid-label" x="([\d.]+)" y="([\d.]+)" text-anchor="middle">([^<]+)<\/text>/g)];
    expect(labels.map((m) => m[3])).toEqual(['Developing', 'Defined', 'Managed', 'Optimized']);
    // Sector 2 points up and to the left of the centre (350, 250): x < 350, y < 250.
    for (const m of labels) {
      expect(Number(m[1])).toBeLessThan(350);
      expect(Number(m[2])).toBeLessThan(253);
    }
  });

  it('draws one radar point per scored capability, the target ring and the spread chart', () => {
    const html = renderHtml(loadReport('report-workshop-three-departments'), renderOptions());
    const points = [...html.matchAll(/<circle class="radar-point" data-capability="([^"]+)" data-score="([^"]+)"/g)];
    expect(points.map((p) => `${p[1]} ${p[2]}`)).toEqual([
      'journey-teams 41.7',
      'customer-success-kpis 56.3',
      'shared-customer-id 20.8',
      'data-driven-decisions 51.7',
      'personalization 45.1',
      'privacy-trust 52.8',
      'measurement-improvement 41.7',
      'omnichannel-self-service 48.6',
      'cx-culture-leadership 62.5',
    ]);
    expect(html.match(/class="radar-target"/g)).toHaveLength(1);
    expect(html.match(/<g class="spread-row"/g)).toHaveLength(9);
    expect(html.match(/class="spread-range disagreement"/g)).toHaveLength(5);
    expect(html).toContain('<th class="num">marketing</th><th class="num">sales</th><th class="num">support</th>');
  });

  it('leaves a capability without a score out of the radar and shows "—"', () => {
    const html = renderHtml(loadReport('report-not-assessed'), renderOptions());
    expect(html.match(/class="radar-point"/g)).toHaveLength(2);
    expect(html).not.toContain('data-capability="data-driven-decisions" data-score');
    expect(html).toContain('<td class="num none">—</td>');
    expect(html).toContain('<h2>Not assessed</h2>\n<ul class="plain"><li>Data-driven decisions</li></ul>');
    // A single respondent has no spread to chart.
    expect(html).not.toContain('class="chart spread"');
  });

  it('takes the page language from the report and the labels from the options', () => {
    const html = renderHtml(loadReport('report-japanese'), renderOptions({ lang: 'ja' }));
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>CXMプレイブック成熟度アセスメント</title>');
    expect(html).toContain('<h2>ロードマップ <span class="move">(目標: 管理)</span></h2>');
  });

  describe('with hostile questionnaire and answer texts', () => {
    const html = renderHtml(loadReport('report-injection'), renderOptions({ detail: true }));

    it('escapes every text: no foreign tag, no unknown or unquoted attribute', () => {
      expect(html).not.toMatch(/<script|<img|<b>|<\/textarea|<!--|javascript:[^<]*"/i);
      for (const tag of tags(html)) {
        expect(ALLOWED_TAGS.has(tag.name), tag.name).toBe(true);
        for (const attribute of tag.attributes) expect(ALLOWED_ATTRIBUTES.has(attribute), `${tag.name} ${attribute}`).toBe(true);
      }
    });

    it('shows the hostile texts as text', () => {
      expect(html).toContain('<h1># Pwned | &lt;script&gt;alert(1)&lt;/script&gt; `code` *bold* _it_ [link](javascript:x)</h1>');
      expect(html).toContain('<span class="level"');
      expect(html).toContain('>Develop&lt;ing&gt; &amp; &quot;co&quot;</span>');
      // Respondents are listed by role: "role: names".
      expect(html).toContain('<span class="who">@SUM(A1): Ann | &quot;Pipe&quot; `Tick`</span>');
      expect(html).toContain('<li>[click](javascript:alert(1)) &lt;/textarea&gt;&lt;/style&gt;&lt;/svg&gt;</li>');
      expect(html).toContain('<th class="num">=cmd|&#39; /C calc&#39;!A0</th>');
      expect(html).toContain('<li>terminal \\u001B[2J\\u001B]0;pwned\\u0007 escape</li>');
    });
  });

  it('keeps the tag and attribute allowlist on every fixture', () => {
    for (const name of REPORT_FIXTURES) {
      const html = renderHtml(loadReport(name), renderOptions({ detail: true }));
      for (const tag of tags(html)) expect(ALLOWED_TAGS.has(tag.name), `${name} ${tag.name}`).toBe(true);
    }
  });
});
