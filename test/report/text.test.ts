import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { REPORT_FIXTURES, loadReport, renderOptions } from './fixtures.js';

const ANSI = /\u001b\[/;

describe('renderText', () => {
  it('renders the single-respondent report for a projector, exactly', () => {
    expect(renderText(loadReport('report-single-respondent'), renderOptions())).toBe(
      `CX quick check
Respondents: 1 — Aiko Tanaka (marketing)
Date: 2026-11-25
Overall score: 64.6 Managed  (Target: Managed)
Coverage: 100 %

┌────────────────────────────────────────────┬───────┬────────────┬────────────┐
│ Capability                                 │ Score │ Level      │            │
├────────────────────────────────────────────┼───────┼────────────┼────────────┤
│ Journey-based teams                        │  31.3 │ Developing │ ███░░░░░░░ │
│ Shared customer ID                         │  75.0 │ Managed    │ ████████░░ │
│ Data-driven decisions                      │  87.5 │ Optimized  │ █████████░ │
└────────────────────────────────────────────┴───────┴────────────┴────────────┘

Strengths
  • Data-driven decisions — 87.5 Optimized

Gaps
  • Journey-based teams — 31.3 Developing

Next steps
  Journey-based teams (Developing → Defined)
    - Name an owner for every journey stage.

Roadmap (Target: Managed)
  Phase 1
    Journey-based teams: Developing → Defined
      - Name an owner for every journey stage.
  Phase 2
    Journey-based teams: Defined → Managed
      - Give journey teams a shared budget.
`,
    );
  });

  it('flags the disagreement in the spread column and lists the gates', () => {
    const text = renderText(loadReport('report-three-respondents-two-roles'), renderOptions());
    expect(text).toContain('Respondents: 3 — Aiko Tanaka (marketing), Ben Carter (sales), Chloé Martin\n             (sales)');
    expect(text).toContain('│ Journey-based teams               │  39.6 │ Developing │ ████░░░░░░ │ ! 75.0 │');
    expect(text).toContain('│ Shared customer ID                │  34.7 │ Developing │ ███░░░░░░░ │    4.2 │');
    expect(text).toContain('! respondents disagree (their scores spread 25 points or more)');
    expect(text).toContain('  ✓ passed fail-under 40 — overall 44.2 ≥ 40\n');
    expect(text).toContain('  ✗ FAILED journey-teams=defined — journey-teams is developing (39.6), below\n           defined\n');
    expect(text).toContain('  Phase 3\n    Shared customer ID: Defined → Managed\n      - Synchronise the ID to every channel.\n');
  });

  it('shows a capability without a score as "—", never 0, and lists it as not assessed', () => {
    const text = renderText(loadReport('report-not-assessed'), renderOptions({ detail: true }));
    expect(text).toContain('│ Data-driven decisions                       │     — │ —         │            │');
    expect(text).toContain('Not assessed\n  • Data-driven decisions\n');
    expect(text).toContain('Roadmap (Target: Managed)\n  Every assessed capability has reached the target.\n');
    expect(text).toContain('Warnings\n  ! answers/it.yaml: questionnaireVersion 1.1.0 does not match cx-mini 1.2.0\n');
    // The per-question table: id, text, score, counted, n/a.
    expect(text).toContain('│ dd-1  │ Decisions cite customer data.                │     — │       0 │   1 │');
    expect(text).not.toMatch(/Data-driven decisions[^\n]*0\.0/);
  });

  it('speaks Japanese with full-width characters counted as two columns', () => {
    const text = renderText(loadReport('report-japanese'), renderOptions({ lang: 'ja' }));
    expect(text).toContain('回答者: 3名 — 田中 愛子 (マーケティング), 佐藤 健 (営業), 鈴木 花子 (サポート)\n');
    expect(text).toContain('総合スコア: 46.8 確立  (目標: 管理)\n');
    expect(text).toContain(
      '│ カスタマージャーニー起点のチーム体 │   41.7 │ 確立   │ ████░░░░░░ │   ! 45.8 │\n│ 制                                 │',
    );
    expect(text).toContain('  ✗ 不合格 fail-under 50 — 総合スコア 46.8 は 50 未満です\n');
  });

  it('writes no ANSI code at all without colour, and the same text once colour is stripped', () => {
    for (const name of REPORT_FIXTURES) {
      const report = loadReport(name);
      const plain = renderText(report, renderOptions({ detail: true, lang: report.lang }));
      expect(plain, name).not.toMatch(ANSI);
      expect(plain, name).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      const coloured = renderText(report, renderOptions({ detail: true, lang: report.lang, color: true }));
      expect(coloured, name).toMatch(ANSI);
      expect(stripVTControlCharacters(coloured), name).toBe(plain);
    }
  });

  // --detail only appends the question table, so checking it covers the plain report too.
  it.each([80, 60])('keeps every line within %i display columns, in English and Japanese', (width) => {
    for (const name of REPORT_FIXTURES) {
      for (const lang of ['en', 'ja']) {
        const text = renderText(loadReport(name), renderOptions({ width, lang, detail: true }));
        for (const line of text.split('\n')) expect(stringWidth(line), `${name} ${lang}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('rounds every score to one decimal', () => {
    const text = renderText(loadReport('report-workshop-three-departments'), renderOptions({ detail: true }));
    expect(text).toContain('Overall score: 46.8 Defined');
    expect(text.match(/\d+\.\d{2,}/g)).toBeNull();
  });

  it('keeps hostile texts on their own line, without terminal escapes', () => {
    const text = renderText(loadReport('report-injection'), renderOptions({ detail: true }));
    expect(text).toContain('  ! terminal \\u001B[2J\\u001B]0;pwned\\u0007 escape\n');
    expect(text).toContain('  • jt-2 · <script>alert(1)</script> (=cmd|\' /C calc\'!A0): +1, "quoted" text\n    second line\n');
  });
});
