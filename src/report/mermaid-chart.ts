import type { Report } from '../model/report.js';
import { sanitizeMermaidLabel } from './escape-markdown.js';
import { scoredCapabilities, targetMin } from './report-view.js';
import { formatScore } from '../core/format-score.js';

/**
 * A Mermaid `xychart-beta` that GitHub renders: one bar per scored capability and the target as a
 * line. Capabilities without a score are left out rather than drawn as 0. Empty when nothing is scored.
 */
export function renderMermaidChart(report: Report, title: string, scoreAxis: string): string[] {
  const scored = scoredCapabilities(report);
  if (scored.length === 0) return [];
  const labels = scored.map((c) => `"${sanitizeMermaidLabel(c.title) || sanitizeMermaidLabel(c.id) || '?'}"`);
  const target = targetMin(report);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${sanitizeMermaidLabel(title, 60)}"`,
    `    x-axis [${labels.join(', ')}]`,
    `    y-axis "${sanitizeMermaidLabel(scoreAxis)}" 0 --> 100`,
    `    bar [${scored.map((c) => formatScore(c.score)).join(', ')}]`,
    `    line [${scored.map(() => String(target)).join(', ')}]`,
    '```',
  ];
}
