import { describe, expect, it } from 'vitest';
import { escapeMarkdown, sanitizeMermaidLabel } from '../../src/report/escape-markdown.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { REPORT_FIXTURES, loadReport, renderOptions } from './fixtures.js';

/** `|` not preceded by an odd number of backslashes: the ones that separate GFM table cells. */
function countCellSeparators(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '|') continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

/** Groups consecutive lines that start with `|` into tables. */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  if (current.length > 0) found.push(current);
  return found;
}

const OWN_HEADINGS = [
  /^## (Executive summary|Capability scores|Scores by role|Capabilities in detail|Discussion agenda|Roadmap \(Target: Managed\)|Notes and evidence|Not assessed|Gates|Warnings|Questions)$/,
  /^### Phase \d+( · months \d+–\d+)?$/,
  // A capability in detail: its (escaped) title, score and level.
  /^### [^#].* — (\d+\.\d|—) \(.+\)$/,
];

describe('escapeMarkdown', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a | b', 'a \\| b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['`code` *b* _i_ ~s~', '\\`code\\` \\*b\\* \\_i\\_ \\~s\\~'],
    ['[link](javascript:x) ![img](x)', '\\[link\\](javascript:x) !\\[img\\](x)'],
    ['# title', '\\# title'],
    ['line\nbreak\r\n\tend', 'line break end'],
    ['-2', '\\-2'],
    ['+1', '\\+1'],
    ['=1+1', '\\=1+1'],
    ['1. first', '1\\. first'],
    ['> quote', '&gt; quote'],
    ['a & b &amp;', 'a &amp; b &amp;amp;'],
    ['\\| already', '\\\\\\| already'],
    ['$x$ math', '\\$x\\$ math'],
    ['日本語のテキスト（例）', '日本語のテキスト（例）'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('sanitizeMermaidLabel', () => {
  it.each([
    ['Journey-based teams', 'Journey-based teams'],
    ['Say "hi"; x-axis [a] %%{init}', 'Say hi x-axis a init'],
    ['Personalisation and buyer-centric communication', 'Personalisation and buy…'],
    ['共通顧客IDと統合プロファイル', '共通顧客IDと統合プロファイル'],
    ['`"[]', ''],
  ])('%j → %j', (input, output) => {
    expect(sanitizeMermaidLabel(input)).toBe(output);
  });
});

describe('renderMarkdown', () => {
  it('renders three respondents in two roles as GitHub-flavoured Markdown, exactly', () => {
    // A report of an earlier cxm: no assessedAt, so no date at all (never the day it was printed);
    // its summary is recomputed by the SPEC's rule: nothing meets Managed (60), so no strengths and
    // three gaps, lowest first. Phase 1's actions appear once, as the summary's first steps.
    expect(renderMarkdown(loadReport('report-three-respondents-two-roles'), renderOptions())).toBe(`# CX quick check

- **Respondents:** 3 — marketing: Aiko Tanaka; sales: Ben Carter, Chloé Martin
- **Overall score:** 44.2 (Defined) — Target: Managed
- **Coverage:** 100 % (questions answered by at least one respondent, of those shown)

## Executive summary

Overall 44.2 (Defined) against a target of Managed: 15.8 points short.

**Strengths**

No capability has reached its target yet.

**Gaps**

- **Shared customer ID** — 34.7 (Developing; Target: Managed)
- **Journey-based teams** — 39.6 (Developing; Target: Managed)
- **Data-driven decisions** — 58.3 (Defined; Target: Managed)

**Biggest disagreements**

- **Journey-based teams** (Spread 75.0): Aiko Tanaka (marketing) 87.5 · Ben Carter (sales) 18.8 · Chloé Martin (sales) 12.5

**First steps (Phase 1)**

- **Journey-based teams:** Developing → Defined
  - Name an owner for every journey stage.
- **Data-driven decisions:** Defined → Managed
  - Tie budgets to measured outcomes.

## Capability scores

| Capability | Score | Level | Coverage | Spread |
| --- | ---: | --- | ---: | ---: |
| Journey-based teams | 39.6 | Developing | 100 % | ⚠️ 75.0 |
| Shared customer ID | 34.7 | Developing | 100 % | 4.2 |
| Data-driven decisions | 58.3 | Defined | 100 % | 12.5 |

⚠️ respondents disagree (their scores spread 25 points or more)

\`\`\`mermaid
xychart-beta
    title "Capability scores"
    x-axis ["Journey-based teams", "Shared customer ID", "Data-driven decisions"]
    y-axis "Score" 0 --> 100
    bar [39.6, 34.7, 58.3]
    line [60, 60, 60]
\`\`\`

## Scores by role

| Capability | marketing | sales |
| --- | ---: | ---: |
| Journey-based teams | 87.5 | 15.6 |
| Shared customer ID | 33.3 | 33.3 |
| Data-driven decisions | 62.5 | 56.3 |

## Capabilities in detail

### Journey-based teams — 39.6 (Developing; Target: Managed)

Next step: Developing → Defined, in Phase 1 of the roadmap.

### Shared customer ID — 34.7 (Developing; Target: Managed)

Next step: Developing → Defined, in Phase 2 of the roadmap.

### Data-driven decisions — 58.3 (Defined; Target: Managed)

Next step: Defined → Managed, in Phase 1 of the roadmap.

## Roadmap (Target: Managed)

### Phase 1

The actions of this phase are the first steps in the executive summary.

- **Journey-based teams:** Developing → Defined
- **Data-driven decisions:** Defined → Managed

### Phase 2

- **Shared customer ID:** Developing → Defined
  - Choose the master system for the customer ID.
- **Journey-based teams:** Defined → Managed
  - Give journey teams a shared budget.

### Phase 3

- **Shared customer ID:** Defined → Managed
  - Synchronise the ID to every channel.

## Gates

| Rule | Result | Detail |
| --- | --- | --- |
| fail-under 40 | ✅ passed | overall 44.2 ≥ 40 |
| journey-teams=defined | ❌ **FAILED** | journey-teams is developing (39.6), below defined |
`);
  });

  it('shows "—" for a capability without a score and leaves it out of the chart', () => {
    const md = renderMarkdown(loadReport('report-not-assessed'), renderOptions());
    expect(md).toContain('| Data-driven decisions | — | — | 0 % |');
    expect(md).toContain('    x-axis ["Journey-based teams", "Shared customer ID"]\n    y-axis "Score" 0 --> 100\n    bar [62.5, 91.7]\n');
    expect(md).toContain('## Not assessed\n\n- Data-driven decisions\n');
  });

  it('uses the Japanese labels and keeps Japanese chart labels', () => {
    const md = renderMarkdown(loadReport('report-japanese'), renderOptions({ lang: 'ja' }));
    expect(md).toContain('| 領域 | スコア | レベル | 回答率 | ばらつき |');
    expect(md).toContain('| カスタマージャーニー起点のチーム体制 | 41.7 | 確立 | 100 % | ⚠️ 45.8 |');
    expect(md).toContain('x-axis ["カスタマージャーニー起点のチーム体制", "顧客の成功を映すKPI", ');
  });

  describe('with hostile questionnaire and answer texts', () => {
    const md = renderMarkdown(loadReport('report-injection'), renderOptions({ detail: true }));
    const lines = md.split('\n');

    it("keeps every table row to the header's number of cells", () => {
      const found = tables(md);
      expect(found.length).toBe(4);
      for (const table of found) {
        const cells = countCellSeparators(table[0] ?? '');
        for (const row of table) expect(countCellSeparators(row), row).toBe(cells);
      }
    });

    it('lets no HTML through: not one raw "<"', () => {
      expect(md).not.toContain('<');
      expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('starts no line with "#" but its own headings', () => {
      const headings = lines.filter((l) => l.startsWith('#'));
      expect(headings[0]).toBe(
        '# \\# Pwned \\| &lt;script&gt;alert(1)&lt;/script&gt; \\`code\\` \\*bold\\* \\_it\\_ \\[link\\](javascript:x)',
      );
      for (const h of headings.slice(1))
        expect(
          OWN_HEADINGS.some((re) => re.test(h)),
          h,
        ).toBe(true);
    });

    it('balances code fences: only the Mermaid chart', () => {
      expect(lines.filter((l) => l.trimStart().startsWith('```'))).toEqual(['```mermaid', '```']);
      expect(md).toContain('    x-axis ["Journey teams img src x…", "1 1 quoted tick heading", "link javascript x img h…"]');
    });

    it('collapses multi-line texts onto their list item and escapes every bracket and backtick', () => {
      expect(md).toContain('\n  - \\# Not a heading \\* not a bullet \\`\\`\\` fence\n');
      expect(md).toContain('\n  - \\-2 @SUM(A1) +1 =HYPERLINK("http://evil.example")\n');
      const outsideChart = md.replace(/```mermaid[\s\S]*?```/, '');
      for (const match of outsideChart.matchAll(/[[\]`]/g)) expect(outsideChart[(match.index ?? 0) - 1], match[0]).toBe('\\');
    });
  });

  it('renders every fixture with balanced fences and consistent tables', () => {
    for (const name of REPORT_FIXTURES) {
      const md = renderMarkdown(loadReport(name), renderOptions({ detail: true }));
      expect(md.split('\n').filter((l) => l.startsWith('```')).length % 2, name).toBe(0);
      for (const table of tables(md))
        for (const row of table) expect(countCellSeparators(row), name).toBe(countCellSeparators(table[0] ?? ''));
    }
  });
});
