import type { ChalkInstance } from 'chalk';
import { formatScore } from '../core/format-score.js';
import type { Report } from '../model/report.js';
import { renderBar } from '../report/bar.js';
import { reportLabels } from '../report/labels.js';
import { isBelowTarget, levelLabel } from '../report/report-view.js';
import { padToWidth as padTo, truncateToWidth as clip } from '../text/truncate.js';
import { displayWidth } from '../text/width.js';
import { toSingleLine } from '../text/wrap.js';

/**
 * The end of a run on one projector screen: the overall score, one line per capability and the
 * capabilities the respondents disagree on most. The full report goes to a file and a pager.
 */

export interface SummaryStyle {
  width: number;
  chalk: ChalkInstance;
  lang: string;
  /** At most this many disagreements are named. */
  disagreements?: number;
}

const BAR_CELLS = 10;

export function renderRunSummary(report: Report, style: SummaryStyle): string {
  const { chalk } = style;
  const t = reportLabels(style.lang);
  const width = Math.max(40, style.width);
  const score = (value: number | null, pad = 5) => {
    const text = formatScore(value).padStart(pad);
    if (value === null) return chalk.dim(text);
    return isBelowTarget(report, value) ? chalk.yellow(text) : chalk.green(text);
  };
  const label = (id: string | null) => toSingleLine(levelLabel(report, id));
  const levelWidth = Math.min(16, Math.max(...report.capabilities.map((c) => displayWidth(label(c.level))), 0));
  const titleWidth = Math.max(12, width - 2 - 5 - 2 - levelWidth - 2 - BAR_CELLS);
  const lines = [
    chalk.bold(clip(toSingleLine(report.questionnaire.title), width)),
    `${t.overall}: ${score(report.overall.score, 0)} ${label(report.overall.level)}  (${t.target}: ${label(report.target)})`,
    '',
  ];
  for (const c of report.capabilities) {
    const bar = renderBar(c.score, BAR_CELLS);
    const colour = isBelowTarget(report, c.score) ? chalk.yellow : chalk.green;
    const title = padTo(clip(toSingleLine(c.title), titleWidth), titleWidth);
    lines.push(
      `  ${title}${score(c.score)}  ${padTo(clip(label(c.level), levelWidth), levelWidth)}  ${colour(bar.filled)}${chalk.dim(bar.empty)}`,
    );
  }
  const disputed = report.capabilities
    .filter((c) => c.disagreement && c.spread !== null)
    .sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0))
    .slice(0, style.disagreements ?? 3);
  if (disputed.length > 0) {
    lines.push('', chalk.bold(t.agreement));
    for (const c of disputed)
      lines.push(`  ${chalk.yellow('!')} ${clip(toSingleLine(c.title), width - 16)}  ${t.spread} ${formatScore(c.spread)}`);
  }
  return `${lines.join('\n')}\n`;
}
