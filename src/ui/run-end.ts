import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { confirm } from '@inquirer/prompts';
import type { RunOutcome } from './run-outcome.js';
import type { Report } from '../model/report.js';
import { makeChalk } from '../report/color.js';
import { loadRenderer } from '../report/index.js';
import { runMessages } from './messages.js';
import { renderRunSummary } from './run-summary.js';
import { sanitizeData, sanitizeLine } from '../text/sanitize.js';

/** Tells how a run ended, in the run's language; returns the exit code (130 for quit, SPEC §2). */
export async function showRunEnd(outcome: RunOutcome): Promise<number> {
  const m = runMessages(outcome.lang);
  // Paths, names and the other side's answers come from files (SPEC §8).
  const lines = (list: string[]) => list.map((line) => `${sanitizeLine(line)}\n`).join('');
  if (outcome.kind === 'nothing-saved') {
    process.stderr.write(`\n${m.nothingSaved}\n`);
    return 130;
  }
  if (outcome.kind === 'quit') {
    process.stderr.write(
      `\n${lines([m.progressSaved(outcome.answered, outcome.total, outcome.savedPath), m.resumeWith(outcome.resume)])}${lines(outcome.closing)}`,
    );
    return 130;
  }
  const out = process.stdout;
  const chalk = makeChalk(outcome.color);
  out.write(renderRunSummary(sanitizeData(outcome.report), { width: Math.min(out.columns || 80, 100) - 1, chalk, lang: outcome.lang }));
  out.write(`\n${lines([m.reportWritten(outcome.reportPath), m.answersSaved(outcome.savedPath)])}${lines(outcome.closing)}`);
  const pager = findPager();
  // A pager only for a person at a terminal: never for a pipe or a file.
  if (pager === undefined || !out.isTTY || !process.stdin.isTTY) return 0;
  let open = false;
  try {
    open = await confirm({ message: m.openInPager, default: false });
  } catch {
    return 0;
  }
  if (open) await page(pager, await fullText(outcome.report, outcome.color, outcome.lang, out.columns || 80));
  return 0;
}

async function fullText(report: Report, color: boolean, lang: string, columns: number): Promise<string> {
  const text = await loadRenderer('text');
  return text(report, { color, width: Math.min(columns, 120), lang, detail: true });
}

interface Pager {
  command: string;
  args: string[];
  shell: boolean;
}

/** $PAGER (a command line, as git and man read it), else `less -R` where it is installed. */
export function findPager(env: NodeJS.ProcessEnv = process.env): Pager | undefined {
  const chosen = env.PAGER?.trim();
  if (chosen) return { command: chosen, args: [], shell: true };
  const less = (env.PATH ?? '').split(delimiter).find((dir) => dir !== '' && existsSync(join(dir, 'less')));
  return less === undefined ? undefined : { command: join(less, 'less'), args: ['-R'], shell: false };
}

function page(pager: Pager, text: string): Promise<void> {
  // The pager owns Ctrl-C while it runs (less uses it to stop a search); this process waits.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  return new Promise<void>((resolve) => {
    const child = spawn(pager.command, pager.args, { stdio: ['pipe', 'inherit', 'inherit'], shell: pager.shell });
    const done = () => {
      process.removeListener('SIGINT', ignore);
      resolve();
    };
    child.on('error', done);
    child.on('close', done);
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}
