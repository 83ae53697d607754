import type { ChalkInstance } from 'chalk';
import type { QuestionChoice, QuestionScreen } from '../core/run-assessment.js';
import type { RunMessages } from './messages.js';
import { displayWidth } from '../text/width.js';
import { wrapParagraphs } from '../text/wrap.js';
import { sanitizeText } from '../text/sanitize.js';

/** Drawing of one question screen (pure text); the prompt below it is added by the terminal adapter. */

export interface ScreenStyle {
  width: number;
  chalk: ChalkInstance;
  messages: RunMessages;
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
    `${chalk.bold(`Q ${p.index}/${p.total}`)} · ${chalk.bold(screen.capability)} ${p.indexInCapability}/${p.totalInCapability}`,
    `${chalk.green(bar)}  ${m.answered(p.answered, p.total)}${title}`,
    '',
    ...indent(wrapParagraphs(screen.text, textWidth)).map((line) => chalk.bold(line)),
  ];
  if (screen.showHelp && screen.help !== undefined) {
    lines.push('', ...indent(wrapParagraphs(`${m.help}: ${screen.help}`, textWidth)).map((line) => chalk.cyan(line)));
  }
  const { value, note } = screen.current;
  if (value !== undefined || note !== undefined) {
    const shown = value === undefined ? m.notAnswered : value === 'n/a' ? m.notApplicable : optionName(screen, value);
    lines.push('', `${INDENT}${m.currentAnswer}: ${chalk.yellow(shown)}`);
    if (note !== undefined)
      lines.push(...indent(wrapParagraphs(`${m.note}: ${sanitizeText(note)}`, textWidth)).map((line) => chalk.yellow(line)));
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

export interface ChoiceItem {
  choice: QuestionChoice;
  name: string;
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
    action: false,
  }));
  const action = (choice: QuestionChoice, name: string) => items.push({ choice, name, action: true });
  if (screen.allowNA) action({ kind: 'na' }, `n ${m.notApplicable}`);
  action({ kind: 'skip' }, `s ${screen.current.value === undefined ? m.skip : m.skipClears}`);
  action({ kind: 'note' }, `e ${screen.current.note === undefined ? m.addNote : m.editNote}`);
  if (screen.help !== undefined) action({ kind: 'help' }, `h ${screen.showHelp ? m.hideHelp : m.showHelp}`);
  if (screen.canGoBack) action({ kind: 'back' }, `b ${m.back}`);
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
