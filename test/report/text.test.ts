import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { REPORT_FIXTURES, loadReport, renderOptions } from './fixtures.js';

const ANSI = /\u001b\[/;

describe('renderText', () => {
  it('renders the single-respondent report for a projector, exactly', () => {
    // Strengths are the capabilities that meet their target (Managed, 60): Data-driven decisions
    // 87.5 and Shared customer ID 75.0; the one gap is Journey-based teams at 31.3. Phase 1's
    // action is printed once, among the first steps of the summary, not again in the roadmap.
    expect(renderText(loadReport('report-single-respondent'), renderOptions())).toBe(
      `CX quick check
Organisation: Example KK
Facilitator: Ken Sato
Assessed: 2026-11-25
Respondents: 1 — marketing: Aiko Tanaka
Overall score: 64.6 Managed  (Target: Managed)
Coverage: 100 %

Executive summary
  Overall 64.6 (Managed) against a target of Managed: target reached.
  Strengths
    • Data-driven decisions — 87.5 Optimized (Target: Managed)
    • Shared customer ID — 75.0 Managed (Target: Managed)
  Gaps
    • Journey-based teams — 31.3 Developing (Target: Managed)
  First steps (Phase 1 · months 1–3)
    Journey-based teams: Developing → Defined
      - Name an owner for every journey stage.

┌────────────────────────────────────────────┬───────┬────────────┬────────────┐
│ Capability                                 │ Score │ Level      │            │
├────────────────────────────────────────────┼───────┼────────────┼────────────┤
│ Journey-based teams                        │  31.3 │ Developing │ ███░░░░░░░ │
│ Shared customer ID                         │  75.0 │ Managed    │ ████████░░ │
│ Data-driven decisions                      │  87.5 │ Optimized  │ █████████░ │
└────────────────────────────────────────────┴───────┴────────────┴────────────┘

Capabilities in detail
  Journey-based teams — 31.3 Developing (Target: Managed)
    Next step: Developing → Defined, in Phase 1 · months 1–3 of the roadmap.
  Shared customer ID — 75.0 Managed (Target: Managed)
    Meets its target (Managed).
  Data-driven decisions — 87.5 Optimized (Target: Managed)
    Meets its target (Managed).

Roadmap (Target: Managed)
  Phase 1 · months 1–3
    The actions of this phase are the first steps in the executive summary.
    Journey-based teams: Developing → Defined
  Phase 2 · months 4–6
    Journey-based teams: Defined → Managed
      - Give journey teams a shared budget.

Notes and evidence
  cid-2 · Support sees the purchase history.
    • Aiko Tanaka (marketing): Support uses the CRM view
      Evidence: https://wiki.example/crm-view
`,
    );
  });

  it('flags the disagreement in the spread column and lists the gates', () => {
    const text = renderText(loadReport('report-three-respondents-two-roles'), renderOptions());
    expect(text).toContain('Respondents: 3 — marketing: Aiko Tanaka; sales: Ben Carter, Chloé Martin\n');
    // Who said what: each respondent's own score, highest first.
    expect(text).toContain(
      '  Biggest disagreements\n    • Journey-based teams (Spread 75.0): Aiko Tanaka (marketing) 87.5 · Ben\n      Carter (sales) 18.8 · Chloé Martin (sales) 12.5\n',
    );
    // By role in 80 columns: marketing is Aiko alone, sales the merge of Ben and Chloé.
    expect(text).toContain('│ Journey-based teams                                      │      87.5 │  15.6 │');
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
    expect(text).toContain('回答者: 3名 — マーケティング: 田中 愛子; 営業: 佐藤 健; サポート: 鈴木 花子\n');
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
    // Notes sit under their question's text; a note's line breaks become spaces.
    expect(text).toContain(
      '  jt-2 · - list? 1. ordered? > quote ~~strike~~ <!-- comment -->\n    • <script>alert(1)</script> (=cmd|\' /C calc\'!A0): +1, "quoted" text second\n      line\n',
    );
  });
});
