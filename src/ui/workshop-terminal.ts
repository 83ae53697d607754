import { emitKeypressEvents } from 'node:readline';
import { input, select } from '@inquirer/prompts';
import { sanitizeText } from '../text/sanitize.js';
import type { ChalkInstance } from 'chalk';
import type { UnvotedQuestion, VoteScreen, WorkshopInteraction } from '../core/run-workshop.js';
import { applyVoteKey, startVoting, type VoteKey, votesOf } from '../core/vote-keys.js';
import { wrapParagraphs } from '../text/wrap.js';
import { keySelect } from './key-select.js';
import type { RunMessages } from './messages.js';
import { askNote } from './note-prompt.js';
import { questionListItems } from './question-list.js';
import { type ClockOptions, sessionClock } from './session-clock.js';
import { RunInterrupted } from './terminal.js';
import { renderCapabilitySummary, renderDiscussion, renderVoteScreen } from './vote-screen.js';
import type { WorkshopMessages } from './workshop-messages.js';

/**
 * The terminal side of `cxm run --groups`: the facilitator votes for every group with single
 * keys, read raw (no Enter per group). Ctrl-C, and a SIGINT signal, end the run as an interrupt
 * (exit 130): never in the middle of a save, which the flow awaits before the next read.
 */

interface KeyPress {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
}

export interface WorkshopTerminal {
  interaction: WorkshopInteraction;
  askSetup(given: { organization: string | undefined; facilitator: string | undefined }): Promise<{
    organization: string | undefined;
    facilitator: string | undefined;
  }>;
  notice(line: string): void;
  clear(): void;
  dispose(): void;
}

export function createWorkshopTerminal(options: {
  chalk: ChalkInstance;
  messages: WorkshopMessages;
  /** The words the one-respondent run shares with this one (the question list). */
  runMessages: RunMessages;
  /** The session clock in the header, on pace or not with `--timebox`. */
  clock?: ClockOptions;
}): WorkshopTerminal {
  const { chalk, messages: m } = options;
  const out = process.stdout;
  const stdin = process.stdin;
  emitKeypressEvents(stdin);
  let interrupted = false;
  let abort: (() => void) | undefined;
  const onSigint = () => {
    interrupted = true;
    abort?.();
  };
  process.on('SIGINT', onSigint);
  const width = () => Math.min(out.columns || 80, 100) - 1;
  const rows = () => out.rows || 24;
  const clockText = sessionClock(options.clock, options.runMessages);
  const style = () => ({ width: width(), chalk, messages: m, run: options.runMessages });
  const pending: string[] = [];
  const clear = () => {
    out.write('\x1b[H\x1b[2J');
    for (const line of pending.splice(0)) out.write(`${chalk.yellow(`! ${line}`)}\n`);
  };

  /** Reads keys until `handle` returns a result; Ctrl-C rejects as an interrupt. */
  const readKeys = <T>(handle: (text: string | undefined, key: KeyPress) => T | undefined): Promise<T> => {
    if (interrupted) return Promise.reject(new RunInterrupted());
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        stdin.removeListener('keypress', onKey);
        abort = undefined;
        if (stdin.isTTY) stdin.setRawMode(false);
        stdin.pause();
        out.write('\x1b[?25h');
      };
      const onKey = (text: string | undefined, key: KeyPress | undefined) => {
        if (key?.ctrl && key.name === 'c') {
          done();
          reject(new RunInterrupted());
          return;
        }
        try {
          const result = handle(text, key ?? {});
          if (result === undefined) return;
          done();
          resolve(result);
        } catch (error) {
          done();
          reject(error);
        }
      };
      abort = () => {
        done();
        reject(new RunInterrupted());
      };
      out.write('\x1b[?25l');
      if (stdin.isTTY) stdin.setRawMode(true);
      stdin.resume();
      stdin.on('keypress', onKey);
    });
  };

  const isEnter = (key: KeyPress) => key.name === 'return' || key.name === 'enter';

  const vote: WorkshopInteraction['vote'] = (screen: VoteScreen) => {
    let state = startVoting(screen.rows);
    const scale = { values: screen.options.map((o) => o.value), allowNA: screen.allowNA };
    const draw = () => {
      clear();
      // The clock's pace counts questions voted by every group, as the one-respondent run counts answers.
      const clock = clockText({ ...screen.position, answered: screen.position.voted });
      out.write(renderVoteScreen(screen, state, { ...style(), clock }));
    };
    draw();
    return readKeys((text, key) => {
      if (isEnter(key)) return { kind: 'confirm' as const, votes: votesOf(state) };
      const edit = voteKeyOf(text, key);
      if (edit) {
        state = applyVoteKey(state, edit, scale);
        draw();
        return undefined;
      }
      if (text === 'b' && screen.canGoBack) return { kind: 'back' as const };
      if (text === 'g') return { kind: 'list' as const };
      if (text === 'e') return { kind: 'note' as const, draft: votesOf(state) };
      if ((text === '?' || text === 'h') && screen.help !== undefined) return { kind: 'help' as const, draft: votesOf(state) };
      if (text === 'q') return { kind: 'quit' as const };
      return undefined;
    });
  };

  const note: WorkshopInteraction['note'] = async (screen) => {
    if (interrupted) throw new RunInterrupted();
    const controller = new AbortController();
    abort = () => controller.abort();
    try {
      const rm = options.runMessages;
      return await askNote(
        {
          message: `${m.notePrompt} ${chalk.dim(rm.noteHint)}`,
          default: sanitizeText(screen.note ?? ''),
          cancelled: chalk.dim(rm.noteUnchanged),
        },
        { signal: controller.signal },
      );
    } finally {
      abort = undefined;
    }
  };

  const questionList: WorkshopInteraction['questionList'] = async (list, currentId) => {
    if (interrupted) throw new RunInterrupted();
    clear();
    const rm = options.runMessages;
    const controller = new AbortController();
    abort = () => controller.abort();
    try {
      return await keySelect<string | undefined>(
        {
          message: rm.listTitle,
          items: questionListItems(list, { width: width(), chalk, messages: rm }),
          default: Math.max(
            0,
            list.findIndex((row) => row.id === currentId),
          ),
          rows: Math.max(3, rows() - 3),
          width: width(),
          hint: chalk.dim(rm.listKeys),
          escape: { value: undefined },
          jump: true,
          highlight: chalk.cyan,
          dim: chalk.dim,
        },
        { signal: controller.signal },
      );
    } finally {
      abort = undefined;
    }
  };

  const discuss: WorkshopInteraction['discuss'] = (screen) => {
    clear();
    out.write(renderDiscussion(screen, style()));
    return readKeys((text, key) => {
      if (isEnter(key)) return 'continue' as const;
      if (text === 'e') return 'note' as const;
      if (text === 'r') return 'revote' as const;
      if (text === 'q') return 'quit' as const;
      return undefined;
    });
  };

  const capabilityDone: WorkshopInteraction['capabilityDone'] = (summary) => {
    clear();
    out.write(renderCapabilitySummary(summary, style(), rows()));
    return readKeys((text, key) => {
      if (isEnter(key)) return 'continue' as const;
      if (text === 'q') return 'quit' as const;
      return undefined;
    });
  };

  const unvoted: WorkshopInteraction['unvoted'] = (questions: UnvotedQuestion[]) => {
    clear();
    out.write(`${chalk.bold(m.unvotedTitle(questions.length))}\n`);
    const shown = questions.slice(0, Math.max(3, rows() - 8));
    for (const q of shown) {
      const text = wrapParagraphs(q.text, width() - 10)[0] ?? '';
      out.write(`  ${chalk.dim(`Q ${q.index}`.padEnd(6))} ${text}${text === q.text ? '' : '…'}\n`);
    }
    if (shown.length < questions.length) out.write(`  … +${questions.length - shown.length}\n`);
    out.write(`\n${chalk.dim(`  ${m.unvotedKeys.join(' · ')}`)}\n`);
    return readKeys((text) => {
      if (text === 'a') return 'answer' as const;
      if (text === 'f') return 'finish' as const;
      if (text === 'q') return 'quit' as const;
      return undefined;
    });
  };

  return {
    interaction: { vote, note, discuss, capabilityDone, unvoted, questionList },
    async askSetup(given) {
      const ask = async (value: string | undefined, message: string) => {
        if (value !== undefined) return value;
        if (interrupted) throw new RunInterrupted();
        const controller = new AbortController();
        abort = () => controller.abort();
        const answer = await input({ message: `${message} ${chalk.dim(m.optional)}` }, { signal: controller.signal });
        abort = undefined;
        return answer.trim() === '' ? undefined : answer.trim();
      };
      const organization = await ask(given.organization, m.organization);
      const facilitator = await ask(given.facilitator, m.facilitator);
      return { organization, facilitator };
    },
    notice(line) {
      pending.push(line);
    },
    clear,
    dispose() {
      process.removeListener('SIGINT', onSigint);
      out.write('\x1b[?25h');
    },
  };
}

/** The keys that edit the votes: an option's number, n, s, =, Backspace. */
function voteKeyOf(text: string | undefined, key: KeyPress): VoteKey | undefined {
  if (key.name === 'backspace') return { kind: 'backspace' };
  if (text !== undefined && /^[1-9]$/.test(text)) return { kind: 'option', number: Number(text) };
  if (text === 'n') return { kind: 'na' };
  if (text === 's') return { kind: 'skip' };
  if (text === '=') return { kind: 'repeat' };
  return undefined;
}

/**
 * The first question of a `cxm run` that names no respondent: one respondent, or a group session
 * (then the groups' names). Returns the groups as typed, or undefined for one respondent.
 */
export async function askSessionKind(m: WorkshopMessages): Promise<string | undefined> {
  const kind = await select({
    message: m.sessionKind,
    choices: [
      { value: 'one' as const, name: m.oneRespondent },
      { value: 'groups' as const, name: m.groupSession },
    ],
  });
  if (kind === 'one') return undefined;
  return input({
    message: m.groupNames,
    validate: (text) => (text.split(',').some((name) => name.trim() !== '') ? true : m.groupNamesHint),
  });
}
