import { input, select } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import type { AssessmentInteraction, QuestionListRow, QuestionScreen, SkippedQuestion } from '../core/run-assessment.js';
import type { Respondent } from '../model/answers.js';
import type { RunMessages } from './messages.js';
import { layoutItems } from './item-layout.js';
import { keySelect } from './key-select.js';
import { askNote } from './note-prompt.js';
import { questionListItems } from './question-list.js';
import { type ClockOptions, sessionClock } from './session-clock.js';
import { defaultChoiceIndex, questionChoices, renderHeaderLine, renderQuestionScreen } from './screen.js';
import { wrapParagraphs } from '../text/wrap.js';
import { sanitizeText } from '../text/sanitize.js';

/**
 * The terminal side of `cxm run`: draws each screen and asks through @inquirer/prompts (only the
 * ui/ folder imports it). Ctrl-C in a prompt rejects with inquirer's ExitPromptError. A SIGINT
 * signal (Ctrl-C between two prompts, while a save runs, or `kill -INT`) aborts the prompt on screen,
 * or is remembered and raised before the next one: the save in progress always completes.
 */

export class RunInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'RunInterrupted';
  }
}

const INTERRUPTS = new Set(['ExitPromptError', 'AbortPromptError', 'RunInterrupted']);

export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && INTERRUPTS.has(error.name);
}

export interface TerminalOptions {
  chalk: ChalkInstance;
  messages: RunMessages;
  output?: NodeJS.WriteStream;
  /** The session clock in the header: since `startedAt` (ms), on pace or not with a timebox. */
  clock?: ClockOptions;
}

export interface Terminal {
  interaction: AssessmentInteraction;
  askRespondent(given: Respondent): Promise<Respondent>;
  askCompleted(): Promise<'review' | 'skipped' | 'report'>;
  /** A one-line notice, shown above the next screen (each screen clears the one before). */
  notice(line: string): void;
  clear(): void;
  dispose(): void;
}

export function createTerminal(options: TerminalOptions): Terminal {
  const { chalk, messages: m } = options;
  const out = options.output ?? process.stdout;
  let interrupted = false;
  let active: AbortController | undefined;
  const onSigint = () => {
    interrupted = true;
    active?.abort();
  };
  process.on('SIGINT', onSigint);
  /** Call right before a prompt: raises a pending interrupt, else gives the prompt its abort signal. */
  const ready = () => {
    if (interrupted) throw new RunInterrupted();
    active = new AbortController();
    return { signal: active.signal };
  };
  const width = () => Math.min(out.columns || 80, 100) - 1;
  const rows = () => out.rows || 24;
  const pending: string[] = [];
  let noticeRows = 0;
  const clear = () => {
    out.write('\x1b[H\x1b[2J');
    noticeRows = pending.length;
    for (const line of pending.splice(0)) out.write(`${chalk.yellow(`! ${line}`)}\n`);
  };
  const clockText = sessionClock(options.clock, m);
  const keysHelpTip = () => chalk.dim(m.keys);
  const menuHelpTip = () => chalk.dim(m.menuKeys);

  const question = async (screen: QuestionScreen) => {
    const context = ready();
    clear();
    const items = questionChoices(screen, m);
    const keyItems = items.map((item) => ({ value: item.choice, name: item.name, key: item.key, action: item.action }));
    // Below the screen: the prompt line, the items, a blank line and the key hint. The screen gives
    // way (help, then the note, cut short) so that the items, packed if need be, stay in sight.
    const available = rows() - noticeRows - 3;
    const packed = layoutItems(keyItems, 0, { rows: 0, width: width() }).rows.length;
    const drawn = renderQuestionScreen(screen, {
      width: width(),
      chalk,
      messages: m,
      maxLines: available - packed,
      clock: clockText(screen.position),
    });
    out.write(drawn);
    const tick = options.clock ? setInterval(() => redrawHeader(screen), 1000) : undefined;
    tick?.unref();
    try {
      return await keySelect(
        {
          message: m.yourAnswer,
          items: keyItems,
          default: defaultChoiceIndex(screen, items),
          rows: available - (drawn.split('\n').length - 1),
          width: width(),
          hint: keysHelpTip(),
          highlight: chalk.cyan,
          dim: chalk.dim,
        },
        context,
      );
    } finally {
      clearInterval(tick);
    }
  };

  /**
   * The clock moves while a question waits: the cursor is saved, the screen's first line (below
   * the notices) drawn again, the cursor restored, so the prompt underneath is left as it is.
   */
  const redrawHeader = (screen: QuestionScreen) => {
    const header = renderHeaderLine(screen, { width: width(), chalk, messages: m, clock: clockText(screen.position) });
    out.write(`\x1b7\x1b[${noticeRows + 1};1H\x1b[2K${header}\x1b8`);
  };

  const note = async (screen: QuestionScreen) => {
    const context = ready();
    return askNote(
      {
        message: `${m.notePrompt} ${chalk.dim(m.noteHint)}`,
        default: sanitizeText(screen.current.note ?? ''),
        cancelled: chalk.dim(m.noteUnchanged),
      },
      context,
    );
  };

  const skipped = async (questions: SkippedQuestion[]) => {
    const context = ready();
    clear();
    out.write(`${chalk.bold(m.skippedTitle(questions.length))}\n`);
    const shown = questions.slice(0, Math.max(3, rows() - 10));
    for (const q of shown) {
      const text = wrapParagraphs(q.text, width() - 10)[0] ?? '';
      out.write(`  ${chalk.dim(`Q ${q.number}`.padEnd(7))} ${text}${text === q.text ? '' : '…'}\n`);
    }
    if (shown.length < questions.length) out.write(`  … +${questions.length - shown.length}\n`);
    out.write('\n');
    return select(
      {
        message: m.whatNow,
        choices: [
          { value: 'answer' as const, name: m.answerSkipped },
          { value: 'finish' as const, name: m.finish },
          { value: 'quit' as const, name: m.saveAndQuit },
        ],
        theme: { style: { keysHelpTip: menuHelpTip } },
      },
      context,
    );
  };

  const questionList = async (list: QuestionListRow[], currentId: string | undefined) => {
    const context = ready();
    clear();
    const items = questionListItems(list, { width: width(), chalk, messages: m });
    const at = list.findIndex((row) => row.id === currentId);
    return keySelect<string | undefined>(
      {
        message: m.listTitle,
        items,
        default: Math.max(0, at),
        rows: Math.max(3, rows() - noticeRows - 3),
        width: width(),
        hint: chalk.dim(m.listKeys),
        escape: { value: undefined },
        jump: true,
        highlight: chalk.cyan,
        dim: chalk.dim,
      },
      context,
    );
  };

  const interaction: AssessmentInteraction = { question, note, skipped, questionList };

  return {
    interaction,
    clear,
    notice(line) {
      pending.push(line);
    },
    async askRespondent(given) {
      const ask = async (value: string | undefined, message: string) => {
        if (value !== undefined) return value;
        const answer = await input({ message: `${message} ${chalk.dim(m.optional)}` }, ready());
        return answer.trim() === '' ? undefined : answer.trim();
      };
      const name = await ask(given.name, m.respondentName);
      const role = await ask(given.role, m.respondentRole);
      const organization = await ask(given.organization, m.respondentOrganization);
      return { name, role, organization };
    },
    async askCompleted() {
      const context = ready();
      return select(
        {
          message: m.completedTitle,
          choices: [
            { value: 'review' as const, name: m.reviewAll },
            { value: 'skipped' as const, name: m.reviewSkipped },
            { value: 'report' as const, name: m.showReport },
          ],
          theme: { style: { keysHelpTip: menuHelpTip } },
        },
        context,
      );
    },
    dispose() {
      process.removeListener('SIGINT', onSigint);
    },
  };
}
