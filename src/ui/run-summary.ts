import type { ChalkInstance } from 'chalk';
import { formatScore } from '../core/format-score.js';
import type { Report } from '../model/report.js';
import { renderBar } from '../report/bar.js';
import { reportLabels } from '../report/labels.js';
import { isBelowTarget, levelLabel } from '../report/report-view.js';
import { padToWidth as padTo, truncateToWidth as clip } from '../text/truncate.js';
import { displayWidth } from '../text/width.js';
import { toSingleLine, wrapIndented } from '../text/wrap.js';

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
  // The bar goes before the titles get too narrow to read.
  const showBar = width - 2 - 5 - 2 - levelWidth - 2 - BAR_CELLS >= 16;
  const titleWidth = Math.max(8, width - 2 - 5 - 2 - levelWidth - (showBar ? 2 + BAR_CELLS : 0));
  const lines = [
    chalk.bold(clip(toSingleLine(report.questionnaire.title), width)),
    ...overallLines(
      `${t.overall}: `,
      `${formatScore(report.overall.score)} ${label(report.overall.level)}  (${t.target}: ${label(report.target)})`,
      width,
    ).map((line) => line.replace(formatScore(report.overall.score), score(report.overall.score, 0))),
    '',
  ];
  for (const c of report.capabilities) {
    const bar = renderBar(c.score, BAR_CELLS);
    const colour = isBelowTarget(report, c.score) ? chalk.yellow : chalk.green;
    const title = padTo(clip(toSingleLine(c.title), titleWidth), titleWidth);
    const level = clip(label(c.level), levelWidth);
    lines.push(
      `  ${title}${score(c.score)}  ${showBar ? `${padTo(level, levelWidth)}  ${colour(bar.filled)}${chalk.dim(bar.empty)}` : level}`,
    );
  }
  const disputed = report.capabilities
    .filter((c) => c.disagreement && c.spread !== null)
    .sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0))
    .slice(0, style.disagreements ?? 3);
  if (disputed.length > 0) {
    const titles = disputed.map((c) => clip(toSingleLine(c.title), width - 16));
    const titleColumn = Math.max(...titles.map((title) => displayWidth(title)));
    lines.push('', chalk.bold(t.agreement));
    disputed.forEach((c, i) => {
      lines.push(`  ${chalk.yellow('!')} ${padTo(titles[i] ?? '', titleColumn)}  ${t.spread} ${formatScore(c.spread)}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

/** The overall line, wrapped under its label when the screen is narrow. */
function overallLines(label: string, value: string, width: number): string[] {
  return displayWidth(label + value) <= width ? [label + value] : wrapIndented(value, width, label);
}
