import { input, select, Separator } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import type { AssessmentInteraction, QuestionScreen, SkippedQuestion } from '../core/run-assessment.js';
import type { Respondent } from '../model/answers.js';
import type { RunMessages } from './messages.js';
import { defaultChoiceIndex, questionChoices, renderQuestionScreen } from './screen.js';
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
  const keysHelpTip = () => chalk.dim(m.keys);
  const menuHelpTip = () => chalk.dim(m.menuKeys);

  const question = async (screen: QuestionScreen) => {
    const context = ready();
    clear();
    const drawn = renderQuestionScreen(screen, { width: width(), chalk, messages: m });
    out.write(drawn);
    const items = questionChoices(screen, m);
    // The prompt line, a blank line and the key hint take 3 rows; the separator goes first when rows are short.
    const room = rows() - noticeRows - (drawn.split('\n').length - 1) - 3;
    const separate = items.length + 1 <= room;
    const choices = items.flatMap((item, index) => {
      const choice = { value: index, name: item.name };
      const first = item.action && !items[index - 1]?.action;
      return first && separate ? [new Separator(chalk.dim('──────')), choice] : [choice];
    });
    const index = await select(
      {
        message: m.yourAnswer,
        choices,
        default: defaultChoiceIndex(screen, items),
        pageSize: Math.max(5, Math.min(choices.length, room)),
        loop: false,
        theme: { style: { keysHelpTip } },
      },
      context,
    );
    const picked = items[index];
    if (!picked) throw new Error(`no choice ${index}`);
    return picked.choice;
  };

  const note = async (screen: QuestionScreen) => {
    const context = ready();
    return input(
      { message: `${m.notePrompt} ${chalk.dim(m.noteHint)}`, default: sanitizeText(screen.current.note ?? ''), prefill: 'editable' },
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
      out.write(`  ${chalk.dim(`Q ${q.index}`.padEnd(6))} ${text}${text === q.text ? '' : '…'}\n`);
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

  const interaction: AssessmentInteraction = { question, note, skipped };

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
