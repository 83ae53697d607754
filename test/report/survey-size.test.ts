import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { loadReport, renderOptions } from './fixtures.js';

/** The workshop fixture grown into a survey: 13 respondents in three roles (5 sales, 4 it, 4 marketing). */
function survey(): Report {
  const report = loadReport('report-workshop-three-departments');
  const roles = ['sales', 'it', 'marketing'];
  const respondents = Array.from({ length: 13 }, (_, i) => ({ name: `Person ${i}`, role: roles[i % 3], file: `p${i}.yaml` }));
  return {
    ...report,
    respondents,
    capabilities: report.capabilities.map((c) => ({
      ...c,
      respondents: respondents.map((r, i) => ({ ...r, score: c.score === null ? null : (c.score + i) % 100 })),
    })),
  };
}

describe('reports on a survey rather than a workshop', () => {
  it('names each respondent up to twelve, then counts them by role', () => {
    const workshop = renderText(loadReport('report-workshop-three-departments'), renderOptions());
    expect(workshop).toContain('marketing: Aiko Tanaka; sales: Ben Carter');
    const text = renderText(survey(), renderOptions());
    expect(text).toContain('13 — sales × 5; it × 4; marketing × 4');
    expect(text).not.toContain('Person 0');
    expect(renderMarkdown(survey(), renderOptions())).toContain('13 — sales × 5; it × 4; marketing × 4');
  });

  it('sums up a survey’s coverage gaps instead of naming each respondent', () => {
    const report = survey();
    // Persons 0, 3, 6, 9 and 12 skipped one question each; 12 also marked two n/a: 5 of 13, 5 skipped, 2 n/a.
    const respondents = report.respondents.map((r, i) => ({ ...r, unanswered: i % 3 === 0 ? 1 : 0, notApplicable: i === 12 ? 2 : 0 }));
    const text = renderText({ ...report, respondents }, renderOptions());
    expect(text).toContain('— 5/13 respondents: 5 skipped, 2 n/a\n');
    expect(text).not.toContain('Person 0');
  });

  it('gives a survey’s agenda by role, each with its merged value', () => {
    const discussion = [
      {
        question: 'jt-1',
        capability: 'journey-teams',
        text: 'First question',
        spread: 100,
        answers: [
          { role: 'it', value: 4.25 },
          { role: 'sales', value: 1.5 },
        ],
      },
    ];
    const text = renderText({ ...survey(), discussion }, renderOptions());
    expect(text).toContain('     → it: 4.3 · sales: 1.5\n'); // 4.25 rounds half away from zero
  });

  it('prints the first 200 notes and says how many more the JSON report has', () => {
    // 250 notes on two questions (150 + 100): the first question's 150, then 50 of the second.
    const answers = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ file: `p${from + i}.yaml`, note: `Note ${from + i}` }));
    const notes = [
      { question: 'jt-1', capability: 'journey-teams', text: 'First question', answers: answers(150, 0) },
      { question: 'jt-2', capability: 'journey-teams', text: 'Second question', answers: answers(100, 150) },
    ];
    const text = renderText({ ...survey(), notes }, renderOptions());
    expect(text).toContain('Note 199\n');
    expect(text).not.toContain('Note 200');
    expect(text).toContain('  … and 50 more (see the JSON report)\n');
  });

  it('draws the spread range without a dot or legend entry per respondent', () => {
    const html = renderHtml(survey(), renderOptions());
    expect(html).toContain('class="spread-range');
    expect(html).not.toContain('class="spread-dot"');
    expect(html).not.toContain('Person 0');
  });
});
