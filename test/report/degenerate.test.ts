import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { loadReport, renderOptions } from './fixtures.js';

/** The single-respondent report cut down to its first `n` capabilities. */
function withCapabilities(n: number): Report {
  const report = loadReport('report-single-respondent');
  const capabilities = report.capabilities.slice(0, n);
  const ids = new Set(capabilities.map((c) => c.id));
  return {
    ...report,
    capabilities,
    roadmap: report.roadmap.map((p) => ({ ...p, steps: p.steps.filter((s) => ids.has(s.capability)) })).filter((p) => p.steps.length > 0),
    questions: report.questions?.filter((q) => ids.has(q.capability)),
  };
}

describe('small and empty reports', () => {
  it.each([0, 1, 2])('renders %i capabilities in every format', (n) => {
    const report = withCapabilities(n);
    const options = renderOptions({ detail: true });
    expect(renderText(report, options)).toContain('CX quick check');
    expect(renderMarkdown(report, options)).toContain('# CX quick check');
    expect(renderCsv(report, options).split('\r\n')).toHaveLength(2 + 3 * n);
    const html = renderHtml(report, options);
    expect(html.match(/class="radar-point"/g) ?? []).toHaveLength(n);
    expect(html).not.toContain('NaN');
  });

  it('renders a report without respondents', () => {
    const report: Report = { ...loadReport('report-not-assessed'), respondents: [] };
    expect(renderText(report, renderOptions())).toContain('Respondents: 0\n');
    expect(renderMarkdown(report, renderOptions())).toContain('- **Respondents:** 0\n');
  });
});
