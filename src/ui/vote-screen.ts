import type { ChalkInstance } from 'chalk';
import { formatScore } from '../core/format-score.js';
import type { CapabilitySummary, DiscussionScreen, VoteScreen } from '../core/run-workshop.js';
import type { VoteState } from '../core/vote-keys.js';
import { sanitizeLine, sanitizeText } from '../text/sanitize.js';
import { displayWidth } from '../text/width.js';
import { wrapParagraphs } from '../text/wrap.js';
import { progressBar } from './screen.js';
import type { RunMessages } from './messages.js';
import type { WorkshopMessages } from './workshop-messages.js';

/**
 * The drawing of the workshop screens (pure text): the statement, the scale, then one row per
 * group with its vote and the cursor. Statements and labels come sanitised with the questionnaire;
 * group names and notes, typed or read from the workshop file, are made safe here (SPEC §8).
 */

export interface VoteStyle {
  width: number;
  chalk: ChalkInstance;
  messages: WorkshopMessages;
  /** The header's words, shared with the one-respondent run. */
  run: RunMessages;
  /** Elapsed time, and the pace with a timebox. */
  clock?: string | undefined;
}

const INDENT = '  ';

/** Items joined by ` · `, broken between items only, so that `n n/a` never splits. */
function packItems(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const joined = line === '' ? item : `${line} · ${item}`;
    if (line !== '' && displayWidth(joined) > width) {
      lines.push(line);
      line = item;
    } else line = joined;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function renderVoteScreen(screen: VoteScreen, state: VoteState, style: VoteStyle): string {
  const { chalk, messages: m } = style;
  const width = Math.max(20, style.width);
  const textWidth = width - INDENT.length;
  const p = screen.position;
  const bar = progressBar(p.voted, p.total, Math.min(30, Math.max(10, width - 60)));
  const lines = [
    `${chalk.bold(style.run.questionOf(p.number, p.baseTotal, p.followUps))} · ${chalk.bold(screen.capability)} ${p.indexInCapability}/${p.totalInCapability}`,
    // The clock goes on the progress line: the first one is long already.
    `${chalk.green(bar)}  ${m.voted(p.voted, p.total)}${style.clock === undefined ? '' : `   ${chalk.dim(style.clock)}`}`,
    '',
    ...wrapParagraphs(screen.text, textWidth).map((line) => chalk.bold(INDENT + line)),
  ];
  if (screen.showHelp && screen.help !== undefined) {
    lines.push('', ...wrapParagraphs(screen.help, textWidth).map((line) => chalk.cyan(INDENT + line)));
  }
  const scale = screen.options.map((o, i) => `${i + 1} ${o.label}`);
  if (screen.allowNA) scale.push(`n ${m.notApplicable}`);
  lines.push('', ...packItems(scale, textWidth).map((line) => chalk.dim(INDENT + line)), '');
  const nameWidth = Math.max(...state.rows.map((r) => displayWidth(sanitizeLine(r.name))));
  for (const [i, row] of state.rows.entries()) {
    const here = i === state.cursor;
    const marker = here ? chalk.cyan('▸ ') : '  ';
    const name = padEnd(sanitizeLine(row.name), nameWidth);
    if (row.hidden) {
      lines.push(`${INDENT}${marker}${chalk.dim(`${name}  ${m.doesNotSee}`)}`);
      continue;
    }
    const vote = voteLabel(screen, row.vote, m);
    lines.push(`${INDENT}${marker}${here ? chalk.bold(name) : name}  ${row.vote === undefined ? chalk.dim(vote) : chalk.yellow(vote)}`);
  }
  if (screen.note !== undefined) {
    lines.push('', ...wrapParagraphs(`${m.note}: ${sanitizeText(screen.note)}`, textWidth).map((line) => chalk.yellow(INDENT + line)));
  }
  lines.push('');
  if (state.cursor >= state.rows.length) lines.push(chalk.green(INDENT + m.confirmHint));
  lines.push(...packItems([...m.voteKeys(screen.options.length), ...m.moreKeys], textWidth).map((line) => chalk.dim(INDENT + line)));
  return `${lines.join('\n')}\n`;
}

function voteLabel(screen: VoteScreen, vote: VoteScreen['rows'][number]['vote'], m: WorkshopMessages): string {
  if (vote === undefined) return m.notVoted;
  if (vote === 'n/a') return m.notApplicable;
  const index = screen.options.findIndex((o) => o.value === vote);
  const option = screen.options[index];
  return option ? `${index + 1} ${option.label}` : String(vote);
}

/** `Marketing 4 · Sales 3 · IT 1 — discuss`. */
export function renderDiscussion(screen: DiscussionScreen, style: VoteStyle): string {
  const { chalk, messages: m } = style;
  const textWidth = Math.max(20, style.width) - INDENT.length;
  const votes = screen.votes.map((v) => `${sanitizeLine(v.name)} ${v.vote}`).join(' · ');
  const lines = [
    chalk.bold.yellow(m.discussTitle),
    '',
    ...wrapParagraphs(screen.text, textWidth).map((line) => INDENT + line),
    '',
    ...wrapParagraphs(m.discussLine(votes, formatScore(screen.spread)), textWidth).map((line) => chalk.bold(INDENT + line)),
  ];
  if (screen.note !== undefined)
    lines.push('', ...wrapParagraphs(`${m.note}: ${sanitizeText(screen.note)}`, textWidth).map((line) => chalk.yellow(INDENT + line)));
  lines.push('', ...packItems(m.discussKeys, textWidth).map((line) => chalk.dim(INDENT + line)));
  return `${lines.join('\n')}\n`;
}

/** The capability's score per group and its questions to discuss, on one screen. */
export function renderCapabilitySummary(summary: CapabilitySummary, style: VoteStyle, rows: number): string {
  const { chalk, messages: m } = style;
  const textWidth = Math.max(20, style.width) - INDENT.length;
  const nameWidth = Math.max(...summary.groups.map((g) => displayWidth(sanitizeLine(g.name))));
  const lines = [chalk.bold(m.capabilityTitle(summary.capability)), ''];
  for (const g of summary.groups) {
    const score = g.score === null ? m.noScore : formatScore(g.score);
    const bar = g.score === null ? '' : chalk.green(progressBar(g.score, 100, 20));
    lines.push(`${INDENT}${padEnd(sanitizeLine(g.name), nameWidth)}  ${score.padStart(5)}  ${bar}`);
  }
  lines.push('', chalk.bold(m.flaggedTitle));
  // One screen: as many flagged questions as fit, then a count.
  const room = Math.max(1, rows - lines.length - 4);
  const shown = summary.flagged.slice(0, room);
  if (shown.length === 0) lines.push(chalk.dim(INDENT + m.noneFlagged));
  for (const f of shown) {
    const head = `${f.id} (${formatScore(f.spread)}) `;
    const first = wrapParagraphs(f.text, Math.max(10, textWidth - displayWidth(head) - 1))[0] ?? '';
    lines.push(`${INDENT}${chalk.yellow(head)}${first}${first === f.text ? '' : '…'}`);
  }
  if (shown.length < summary.flagged.length) lines.push(`${INDENT}… +${summary.flagged.length - shown.length}`);
  lines.push('', ...packItems(m.continueKeys, textWidth).map((line) => chalk.dim(INDENT + line)));
  return `${lines.join('\n')}\n`;
}
