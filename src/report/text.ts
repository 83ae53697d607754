import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { formatScore } from '../core/format-score.js';
import type { Report, ReportCapability } from '../model/report.js';
import { displayWidth } from '../text/width.js';
import { toSingleLine, wrapIndented, wrapText } from '../text/wrap.js';
import { renderBar } from './bar.js';
import { makeChalk } from './color.js';
import { reportLabels } from './labels.js';
import type { RenderOptions } from './render-options.js';
import {
  assessmentDates,
  capabilityTitle,
  coverageText,
  hasSeveralRespondents,
  isBelowTarget,
  levelLabel,
  respondentsByRole,
} from './report-view.js';
import { actionLines, heading, type TextContext } from './text-context.js';
import { capabilityDetailsBlock, discussionBlock, executiveSummaryBlock, notesBlock } from './text-sections.js';

const BAR_CELLS = 10;
const MIN_TEXT_COLUMN = 16;
const MAX_LEVEL_COLUMN = 16;
/** Marks a capability whose respondents disagree; plain ASCII so every terminal agrees on its width. */
const DISAGREEMENT_MARK = '!';

type Context = TextContext;

/**
 * The projector report: header, executive summary, capability table (and by role), the
 * capabilities in detail, the discussion agenda, the roadmap (the one place actions are listed),
 * notes and evidence, gates.
 */
export function renderText(report: Report, options: RenderOptions): string {
  const ctx: Context = {
    report,
    chalk: makeChalk(options.color),
    t: reportLabels(options.lang || report.lang),
    width: Math.max(40, options.width),
  };
  const blocks = [
    header(ctx),
    executiveSummaryBlock(ctx),
    capabilityTable(ctx),
    byRoleBlock(ctx),
    capabilityDetailsBlock(ctx),
    discussionBlock(ctx),
    roadmapBlock(ctx),
    notesBlock(ctx),
    notAssessedBlock(ctx),
    gatesBlock(ctx),
    warningsBlock(ctx),
    options.detail ? questionsBlock(ctx) : [],
  ];
  return `${blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join('\n'))
    .join('\n\n')}\n`;
}

function header({ report, chalk, t, width }: Context): string[] {
  const names = respondentsByRole(report).map(toSingleLine).join('; ');
  const respondents = `${t.respondentCount(report.respondents.length)}${names === '' ? '' : ` — ${names}`}`;
  const overallPlain = `${formatScore(report.overall.score)} ${toSingleLine(levelLabel(report, report.overall.level))}  (${t.target}: ${toSingleLine(levelLabel(report, report.target))})`;
  const overallLabel = `${t.overall}: `;
  // Colour only what fits on one line: wrapping works on plain text.
  const overall =
    displayWidth(overallLabel + overallPlain) <= width
      ? [overallLabel + overallPlain.replace(formatScore(report.overall.score), styleScore({ report, chalk }, report.overall.score))]
      : field(width, overallLabel, overallPlain);
  const dates = assessmentDates(report);
  return [
    ...wrapText(report.questionnaire.title, width).map((l) => chalk.bold(l)),
    ...(report.organization ? field(width, `${t.organization}: `, report.organization) : []),
    ...(report.facilitator ? field(width, `${t.facilitator}: `, report.facilitator) : []),
    ...(dates !== undefined ? field(width, `${t.assessed}: `, dates) : []),
    ...field(width, `${t.respondents}: `, respondents),
    ...overall,
    ...field(width, `${t.coverage}: `, coverageText(report, t)),
  ];
}

function field(width: number, label: string, value: string): string[] {
  return wrapIndented(value, width, label);
}

/** Green at or above the target, yellow below it, dim when there is no score. */
function styleScore({ report, chalk }: Pick<Context, 'report' | 'chalk'>, score: number | null): string {
  const text = formatScore(score);
  if (score === null) return chalk.dim(text);
  return isBelowTarget(report, score) ? chalk.yellow(text) : chalk.green(text);
}

/** Column widths that fill `width`: fixed columns as wide as their content, the text column the rest. */
function fitColumns(width: number, fixed: number[], textIndex: number): number[] {
  const borders = fixed.length + 2;
  const used = fixed.reduce((a, b) => a + b + 2, 0);
  const text = Math.max(MIN_TEXT_COLUMN, width - used - borders - 2);
  const widths = [...fixed];
  widths.splice(textIndex, 0, text);
  return widths;
}

function newTable(chalk: ChalkInstance, head: string[], contentWidths: number[], aligns: ('left' | 'right')[]): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    colWidths: contentWidths.map((w) => w + 2),
    colAligns: aligns,
    // No rule between rows: a projector shows more capabilities at once.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
}

/**
 * One table row per wrapped line instead of multi-line cells: cli-table3 re-measures a multi-line
 * cell character by character on every line it draws (quadratic), and without row rules it looks the same.
 */
function pushWrapped(table: Table.Table, cells: (string | string[])[]): void {
  const columns = cells.map((c) => (typeof c === 'string' ? [c] : c));
  const height = Math.max(...columns.map((c) => c.length));
  for (let line = 0; line < height; line++) table.push(columns.map((c) => c[line] ?? ''));
}

/** cli-table3 rules header and rows alike; we want only the header ruled off. */
function tableLines(table: Table.Table): string[] {
  const lines = table.toString().split('\n');
  const top = lines[0] ?? '';
  lines.splice(2, 0, top.replace('┌', '├').replaceAll('┬', '┼').replace('┐', '┤'));
  return lines;
}

function capabilityTable(ctx: Context): string[] {
  const { report, chalk, t, width } = ctx;
  const withSpread = hasSeveralRespondents(report);
  const levels = report.capabilities.map((c) => toSingleLine(levelLabel(report, c.level)));
  const spreads = report.capabilities.map((c) => spreadText(c));
  const w = (texts: string[]) => Math.max(...texts.map((s) => displayWidth(s)));
  const fixed = [w([t.score, '100.0']), Math.min(MAX_LEVEL_COLUMN, w([t.level, ...levels]))];
  let showBar = true;
  if (withSpread) fixed.push(w([t.spread, ...spreads]));
  // Drop the bar before squeezing the titles below a readable width.
  let widths = fitColumns(width, [...fixed.slice(0, 2), BAR_CELLS, ...fixed.slice(2)], 0);
  if ((widths[0] ?? 0) <= MIN_TEXT_COLUMN) {
    showBar = false;
    widths = fitColumns(width, fixed, 0);
  }
  const titleWidth = widths[0] ?? MIN_TEXT_COLUMN;
  const head = [t.capability, t.score, t.level, ...(showBar ? [''] : []), ...(withSpread ? [t.spread] : [])];
  const aligns: ('left' | 'right')[] = [
    'left',
    'right',
    'left',
    ...(showBar ? (['left'] as const) : []),
    ...(withSpread ? (['right'] as const) : []),
  ];
  const table = newTable(chalk, head, widths, aligns);
  report.capabilities.forEach((c, i) => {
    const bar = renderBar(c.score, BAR_CELLS);
    const colour = isBelowTarget(report, c.score) ? chalk.yellow : chalk.green;
    pushWrapped(table, [
      wrapText(c.title, titleWidth),
      styleScore(ctx, c.score),
      wrapText(levels[i] ?? '', fixed[1] ?? MAX_LEVEL_COLUMN),
      ...(showBar ? [colour(bar.filled) + chalk.dim(bar.empty)] : []),
      ...(withSpread ? [c.disagreement ? chalk.yellow.bold(spreads[i] ?? '') : (spreads[i] ?? '')] : []),
    ]);
  });
  const lines = tableLines(table);
  if (report.capabilities.some((c) => c.disagreement))
    lines.push(...wrapIndented(t.disagreementLegend(report.spreadThreshold), width, `${DISAGREEMENT_MARK} `));
  return lines;
}

/**
 * Scores per role, compact enough for 80 columns: a column per role while the titles keep a
 * readable width, else a line per capability ("role 12.3 · role 45.6").
 */
function byRoleBlock(ctx: Context): string[] {
  const { report, chalk, t, width } = ctx;
  const roles = Object.keys(report.byRole);
  // One role's scores are the capability table's own.
  if (roles.length < 2) return [];
  const shown = roles.map((r) => toSingleLine(r));
  const fixed = shown.map((r) => Math.max(5, displayWidth(r)));
  const widths = fitColumns(width, fixed, 0);
  const title = heading(chalk, t.byRole);
  if ((widths[0] ?? 0) <= MIN_TEXT_COLUMN) {
    return [
      title,
      ...report.capabilities.flatMap((c) => [
        ...wrapIndented(c.title, width, '  '),
        ...wrapIndented(roles.map((r, i) => `${shown[i]} ${formatScore(report.byRole[r]?.[c.id])}`).join(' · '), width, '    '),
      ]),
    ];
  }
  const table = newTable(chalk, [t.capability, ...shown], widths, ['left', ...roles.map(() => 'right' as const)]);
  for (const c of report.capabilities) {
    pushWrapped(table, [
      wrapText(c.title, widths[0] ?? MIN_TEXT_COLUMN),
      ...roles.map((r) => styleScore(ctx, report.byRole[r]?.[c.id] ?? null)),
    ]);
  }
  return [title, ...tableLines(table)];
}

function spreadText(c: ReportCapability): string {
  if (c.spread === null) return '';
  return c.disagreement ? `${DISAGREEMENT_MARK} ${formatScore(c.spread)}` : formatScore(c.spread);
}

function roadmapBlock(ctx: Context): string[] {
  const { report, chalk, t, width } = ctx;
  const title = heading(chalk, `${t.roadmap} (${t.target}: ${levelLabel(report, report.target)})`);
  if (report.roadmap.length === 0) {
    return report.capabilities.some((c) => c.score !== null) ? [title, ...wrapIndented(t.roadmapDone, width, '  ')] : [];
  }
  return [
    title,
    ...report.roadmap.flatMap((phase) => [
      `  ${chalk.bold(t.phase(phase.phase, phase.months))}`,
      // Phase 1 is the executive summary's first steps: printed there, not twice.
      ...(phase.phase === 1 ? wrapIndented(t.seeFirstSteps, width, '    ') : []),
      ...phase.steps.flatMap((step) => [
        ...wrapIndented(
          `${capabilityTitle(report, step.capability)}: ${levelLabel(report, step.fromLevel)} → ${levelLabel(report, step.toLevel)}`,
          width,
          '    ',
        ),
        ...(phase.phase === 1 ? [] : actionLines(width, step.actions, '      ', step.doneWhen, t)),
      ]),
    ]),
  ];
}

function notAssessedBlock({ report, chalk, t, width }: Context): string[] {
  if (report.notAssessed.length === 0) return [];
  return [heading(chalk, t.notAssessed), ...report.notAssessed.flatMap((id) => wrapIndented(capabilityTitle(report, id), width, '  • '))];
}

function gatesBlock({ report, chalk, t, width }: Context): string[] {
  if (report.gates.length === 0) return [];
  return [
    heading(chalk, t.gates),
    ...report.gates.flatMap((g) => {
      const mark = g.passed ? chalk.green(`✓ ${t.passed}`) : chalk.red.bold(`✗ ${t.failed}`);
      return wrapIndented(`${g.rule} — ${g.detail}`, width, `  ${mark} `);
    }),
  ];
}

function warningsBlock({ report, chalk, t, width }: Context): string[] {
  if (report.warnings.length === 0) return [];
  return [heading(chalk, t.warnings), ...report.warnings.flatMap((w) => wrapIndented(w, width, `  ${chalk.yellow('!')} `))];
}

function questionsBlock(ctx: Context): string[] {
  const { report, chalk, t, width } = ctx;
  const questions = report.questions;
  if (questions === undefined || questions.length === 0) return [];
  const w = (texts: string[]) => Math.max(...texts.map((s) => displayWidth(s)));
  const idWidth = Math.min(MAX_LEVEL_COLUMN, w([t.id, ...questions.map((q) => toSingleLine(q.id))]));
  const fixed = [idWidth, w([t.score, '100.0']), w([t.counted]), w([t.notApplicable])];
  const widths = fitColumns(width, fixed, 1);
  const textWidth = widths[1] ?? MIN_TEXT_COLUMN;
  const table = newTable(chalk, [t.id, t.question, t.score, t.counted, t.notApplicable], widths, [
    'left',
    'left',
    'right',
    'right',
    'right',
  ]);
  for (const q of questions) {
    pushWrapped(table, [
      wrapText(q.id, idWidth),
      wrapText(q.text, textWidth),
      styleScore(ctx, q.score),
      String(q.counted),
      String(q.notApplicable),
    ]);
  }
  return [heading(chalk, t.questions), ...tableLines(table)];
}
