import type { ChalkInstance } from 'chalk';
import type { QuestionChoice, QuestionScreen } from '../core/run-assessment.js';
import type { RunMessages } from './messages.js';
import { truncateToWidth } from '../text/truncate.js';
import { displayWidth } from '../text/width.js';
import { wrapParagraphs } from '../text/wrap.js';
import { sanitizeText } from '../text/sanitize.js';

/** Drawing of one question screen (pure text); the prompt below it is added by the terminal adapter. */

export interface ScreenStyle {
  width: number;
  chalk: ChalkInstance;
  messages: RunMessages;
  /** The session clock, at the right of the first line ("12:05 of 1:30:00 · on pace"). */
  clock?: string | undefined;
  /** Rows the screen may take: help, then the note, are cut short (ending "…") to keep the options in sight. */
  maxLines?: number | undefined;
}

const INDENT = '  ';

export function progressBar(done: number, total: number, cells: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * cells);
  return '█'.repeat(filled) + '░'.repeat(Math.max(0, cells - filled));
}

export function optionName(screen: QuestionScreen, value: number): string {
  const index = screen.options.findIndex((o) => o.value === value);
  const option = screen.options[index];
  return option ? `${index + 1} ${option.label}` : String(value);
}

export function renderQuestionScreen(screen: QuestionScreen, style: ScreenStyle): string {
  const { chalk, messages: m } = style;
  const width = Math.max(20, style.width);
  const textWidth = width - INDENT.length;
  const { position: p } = screen;
  const indent = (lines: string[]) => lines.map((line) => INDENT + line);
  const bar = progressBar(p.answered, p.total, Math.min(30, Math.max(10, width - 60)));
  const progress = `${bar}  ${m.answered(p.answered, p.total)}`;
  // The title goes at the right of the progress line when it fits: a projector has few rows.
  const gap = width - displayWidth(progress) - displayWidth(screen.title);
  const title = gap >= 4 ? ' '.repeat(gap) + chalk.dim(screen.title) : '';
  const lines: string[] = [
    renderHeaderLine(screen, style),
    `${chalk.green(bar)}  ${m.answered(p.answered, p.total)}${title}`,
    '',
    ...indent(wrapParagraphs(screen.text, textWidth)).map((line) => chalk.bold(line)),
  ];
  const help = screen.showHelp && screen.help !== undefined ? wrapParagraphs(`${m.help}: ${screen.help}`, textWidth) : [];
  const { value, note } = screen.current;
  const noteLines = note === undefined ? [] : wrapParagraphs(`${m.note}: ${sanitizeText(note)}`, textWidth);
  const answerBlock = value !== undefined || note !== undefined;
  // Rows left for help and note after the fixed parts: each block's blank line, the answer line, the last blank.
  const fixed = lines.length + (help.length > 0 ? 1 : 0) + (answerBlock ? 2 : 0) + 1;
  const room = style.maxLines === undefined ? Number.POSITIVE_INFINITY : style.maxLines - fixed;
  const helpShown = cutBlock(help, room - noteLines.length);
  const noteShown = cutBlock(noteLines, room - helpShown.length);
  if (helpShown.length > 0) lines.push('', ...indent(helpShown).map((line) => chalk.cyan(line)));
  if (answerBlock) {
    const shown = value === undefined ? m.notAnswered : value === 'n/a' ? m.notApplicable : optionName(screen, value);
    lines.push('', `${INDENT}${m.currentAnswer}: ${chalk.yellow(shown)}`);
    lines.push(...indent(noteShown).map((line) => chalk.yellow(line)));
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

/** A block cut to `room` lines (at least one), its last line ending "…": help gives way first, then the note. */
export function cutBlock(block: string[], room: number): string[] {
  if (block.length <= Math.max(1, room)) return block;
  const keep = Math.max(1, room);
  return [...block.slice(0, keep - 1), `${block[keep - 1] ?? ''}…`];
}

/**
 * The first line: where the question stands, and the clock at the right when it fits. Drawn again
 * on its own every second while the question waits, so the clock moves.
 */
export function renderHeaderLine(screen: QuestionScreen, style: ScreenStyle): string {
  const { chalk, messages: m } = style;
  const width = Math.max(20, style.width);
  const { position: p } = screen;
  const position = m.questionOf(p.number, p.baseTotal, p.followUps);
  const inCapability = ` ${p.indexInCapability}/${p.totalInCapability}`;
  // A long capability title is cut rather than wrapped: the header stays one line.
  // The title is safe: `cxm run` shows a questionnaire made safe by sanitizeData.
  const capability = truncateToWidth(screen.capability, Math.max(8, width - displayWidth(`${position} · ${inCapability}`)));
  const where = `${position} · ${capability}${inCapability}`;
  const clockGap = style.clock === undefined ? -1 : width - displayWidth(where) - displayWidth(style.clock);
  const clock = clockGap >= 2 ? ' '.repeat(clockGap) + chalk.dim(style.clock ?? '') : '';
  return `${chalk.bold(position)} · ${chalk.bold(capability)}${inCapability}${clock}`;
}

export interface ChoiceItem {
  choice: QuestionChoice;
  name: string;
  /** The key that moves the cursor here: the option's number (1-9), or the action's letter. */
  key: string | undefined;
  /** Actions come after the scale's options, below a separator. */
  action: boolean;
}

/**
 * The scale's options by label ("1 Agree" — a digit jumps there), then the actions, each led by its
 * letter ("s Skip for now" — typing the letter jumps there). Enter confirms.
 */
export function questionChoices(screen: QuestionScreen, messages: RunMessages): ChoiceItem[] {
  const m = messages;
  const pad = String(screen.options.length).length;
  const items: ChoiceItem[] = screen.options.map((o, i) => ({
    choice: { kind: 'answer', value: o.value },
    name: `${String(i + 1).padStart(pad)} ${o.label}`,
    // Options past the ninth are reached with the arrows: a key never starts a two-digit number.
    key: i < 9 ? String(i + 1) : undefined,
    action: false,
  }));
  const action = (choice: QuestionChoice, name: string) => items.push({ choice, name, key: name[0], action: true });
  if (screen.allowNA) action({ kind: 'na' }, `n ${m.notApplicable}`);
  action({ kind: 'skip' }, `s ${screen.current.value === undefined ? m.skip : m.skipClears}`);
  action({ kind: 'note' }, `e ${screen.current.note === undefined ? m.addNote : m.editNote}`);
  if (screen.help !== undefined) action({ kind: 'help' }, `h ${screen.showHelp ? m.hideHelp : m.showHelp}`);
  if (screen.canGoBack) action({ kind: 'back' }, `b ${m.back}`);
  action({ kind: 'list' }, `g ${m.questionList}`);
  action({ kind: 'quit' }, `q ${m.quit}`);
  return items;
}

/** The item the cursor starts on: the current answer when revisiting, else the first option. */
export function defaultChoiceIndex(screen: QuestionScreen, items: ChoiceItem[]): number {
  const { value } = screen.current;
  const index = items.findIndex(({ choice }) =>
    value === 'n/a' ? choice.kind === 'na' : choice.kind === 'answer' && choice.value === value,
  );
  return Math.max(0, index);
}
