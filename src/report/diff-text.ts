import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { displayWidth } from '../text/width.js';
import { changeStatus } from '../core/diff.js';
import type { DiffReport, DiffStatus } from '../model/diff-report.js';
import { makeChalk } from './color.js';
import { toSingleLine, wrapIndented, wrapText } from '../text/wrap.js';
import {
  diffLabels,
  formatAnswer,
  formatDelta,
  formatLevelChange,
  statusArrow,
  statusLabel,
  type DiffRenderOptions,
} from './diff-format.js';
import { formatScore } from '../core/format-score.js';

/** The diff for a terminal: a table that fits `width` columns (80 by default), readable without colour. */
export function renderDiffText(diff: DiffReport, options: DiffRenderOptions): string {
  const chalk = makeChalk(options.color);
  const labels = diffLabels(options.lang);
  const width = Math.max(60, options.width);
  const out: string[] = [];
  out.push(chalk.bold(toSingleLine(`${labels.heading}: ${diff.questionnaire.title}`)));
  for (const side of ['before', 'after'] as const) {
    const s = diff[side];
    out.push(`  ${toSingleLine(`${labels[side]}: ${s.source} (${s.questionnaireVersion}, ${labels.respondentCount(s.respondents)})`)}`);
  }
  out.push('');

  const paint = (status: DiffStatus, text: string) => colorFor(chalk, status)(text);
  const rows: Cell[][] = diff.capabilities.map((c) => [
    c.title,
    formatScore(c.before),
    formatScore(c.after),
    [{ text: changeCell(c.status, c.delta, options.lang), paint: colorFor(chalk, c.status) }],
    formatLevelChange(diff, c.level),
  ]);
  const o = diff.overall;
  const overallTitle = o.basis === 'common-capabilities' ? `${labels.overall}*` : labels.overall;
  const bold = (text: string) => [{ text, paint: chalk.bold }];
  rows.push([
    bold(overallTitle),
    bold(formatScore(o.before)),
    bold(formatScore(o.after)),
    [{ text: changeCell(o.status, o.delta, options.lang), paint: (t: string) => chalk.bold(colorFor(chalk, o.status)(t)) }],
    bold(formatLevelChange(diff, o.level)),
  ]);
  const head = [labels.capability, labels.before, labels.after, labels.change, labels.level];
  out.push(table(chalk, head, rows, width, [0, 4], ['left', 'right', 'right', 'right', 'left']));
  if (o.basis === 'common-capabilities') out.push(chalk.dim(`* ${labels.commonBasis}`));
  const s = diff.summary;
  const counts = (['improved', 'regressed', 'unchanged', 'new', 'not-assessed'] as const)
    .map((st) => [st, st === 'not-assessed' ? s.notAssessed : s[st]] as const)
    .filter(([, n]) => n > 0)
    .map(([st, n]) => paint(st, `${statusArrow[st]} ${n} ${statusLabel(st, options.lang)}`));
  const tolerance = chalk.dim(`(${labels.tolerance(String(diff.tolerance))})`);
  const summary = `${counts.join('  ')}  ${tolerance}`;
  out.push(...(displayWidth(summary) <= width ? [summary] : [counts.join('  '), tolerance]));

  if (options.detail && diff.questions) {
    out.push('', chalk.bold(`${labels.changedAnswers} (${diff.questions.length})`));
    if (diff.questions.length === 0) out.push(labels.noChangedAnswers);
    else {
      const qRows = diff.questions.map((q): Cell[] => {
        const notes = [
          q.before.note !== undefined ? `${labels.noteOf(labels.before)}: ${q.before.note}` : undefined,
          q.after.note !== undefined ? `${labels.noteOf(labels.after)}: ${q.after.note}` : undefined,
        ].flatMap((text) => (text === undefined ? [] : [{ text, paint: chalk.dim }]));
        const status: DiffStatus = q.delta === null ? 'unchanged' : changeStatus(q.delta, 0);
        return [
          q.id,
          [{ text: q.text }, ...notes],
          formatAnswer(q.before, options.lang),
          formatAnswer(q.after, options.lang),
          [{ text: formatDelta(q.delta), paint: colorFor(chalk, status) }],
        ];
      });
      const qHead = ['id', labels.question, labels.before, labels.after, labels.change];
      out.push(table(chalk, qHead, qRows, width, [1, 2, 3], ['left', 'left', 'right', 'right', 'right']));
    }
  }

  if (diff.warnings.length > 0) {
    out.push('', chalk.yellow.bold(`${labels.warnings}:`));
    for (const w of diff.warnings) out.push(...wrapIndented(w, width, '! ').map((l) => chalk.yellow(l)));
  }
  return `${out.join('\n')}\n`;
}

function changeCell(status: DiffStatus, delta: number | null, lang: string): string {
  if (status === 'new' || status === 'not-assessed') return `${statusArrow[status]} ${statusLabel(status, lang)}`;
  return `${statusArrow[status]} ${formatDelta(delta)}`;
}

function colorFor(chalk: ChalkInstance, status: DiffStatus): (text: string) => string {
  if (status === 'improved') return chalk.green;
  if (status === 'regressed') return chalk.red;
  if (status === 'new') return chalk.cyan;
  if (status === 'not-assessed') return chalk.yellow;
  return (text) => text;
}

/** A table cell: plain text, or lines (each wrapped, then painted) so that colour never straddles a wrap. */
type Cell = string | { text: string; paint?: (text: string) => string }[];

const parts = (cell: Cell) => (typeof cell === 'string' ? [{ text: cell }] : cell);

/**
 * A cli-table3 table that fits `width`: the `flexible` columns share what the others leave, and
 * their text is wrapped here because cli-table3 truncates CJK text instead of wrapping it. Every
 * text is made one terminal-safe line first (no ESC from a hostile questionnaire).
 */
function table(
  chalk: ChalkInstance,
  head: string[],
  rows: Cell[][],
  width: number,
  flexible: number[],
  align: ('left' | 'right')[],
): string {
  const cellWidth = (cell: Cell) => Math.max(0, ...parts(cell).flatMap((p) => p.text.split('\n').map((l) => displayWidth(l))));
  const natural = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => cellWidth(r[i] ?? ''))));
  const borders = head.length + 1;
  const padding = 2 * head.length;
  const fixed = natural.reduce((sum, w, i) => (flexible.includes(i) ? sum : sum + w), 0);
  let room = width - borders - padding - fixed;
  const widths = [...natural];
  // The narrowest flexible column takes its natural width if it can; the rest share what is left.
  const flex = [...flexible].sort((a, b) => (natural[a] ?? 0) - (natural[b] ?? 0));
  flex.forEach((col, k) => {
    const w = Math.max(6, Math.min(natural[col] ?? 0, Math.floor(room / (flex.length - k))));
    widths[col] = w;
    room -= w;
  });
  const t = new Table({
    head: head.map((h) => chalk.bold(h)),
    colWidths: widths.map((w) => w + 2),
    colAligns: align,
    style: { head: [], border: [] },
  });
  for (const row of rows) {
    t.push(
      row.map((cell, i) =>
        parts(cell)
          .flatMap(({ text, paint }) =>
            text
              .split('\n')
              .flatMap((line) => (flexible.includes(i) ? wrapText(line, widths[i] ?? 10) : [toSingleLine(line)]))
              .map((line) => (paint ? paint(line) : line)),
          )
          .join('\n'),
      ),
    );
  }
  return t.toString();
}
