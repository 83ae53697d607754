import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDuration } from '../core/pace.js';
import { UserError } from '../errors.js';
import { checkDistinctPaths, checkOutputPath, resolveWriteTarget } from '../io/output-path.js';
import { resolveQuestionnaireRef } from '../io/load-questionnaire.js';
import { cxmInvocation, shellQuote } from './invocation.js';

export interface RunPaths {
  questionnaire: string;
  answers?: string | undefined;
  resume?: string | undefined;
  report?: string | undefined;
}

/**
 * `cxm run`'s files, checked before the first prompt (and before the terminal check, so that a
 * script sees the mistake too): `--report` must be neither the answer file (`--answers a.json
 * --report a.json` would replace a workshop's answers with its report) nor the questionnaire, and
 * must be a regular file or a new path.
 */
export async function checkRunPaths(paths: RunPaths): Promise<void> {
  if (paths.report === undefined) return;
  await resolveWriteTarget(paths.report);
  const answerOption = paths.resume !== undefined ? '--resume' : '--answers';
  const answerFile = paths.resume ?? paths.answers;
  if (answerFile !== undefined)
    await checkDistinctPaths({ option: answerOption, path: answerFile }, { option: '--report', path: paths.report });
  const questionnaire = paths.resume === undefined ? resolveQuestionnaireRef(paths.questionnaire) : undefined;
  if (questionnaire !== undefined) await checkOutputPath(paths.report, [questionnaire], '--report');
}

/** `--timebox`, checked with the paths: a typo is told before the first prompt. */
export function timeboxOf(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new UserError(`--timebox ${text}: expected a duration`, { hint: 'for example 90m, 1h30m or 45 (minutes)' });
  return ms;
}

/** Checked before the lock is taken: a lock beside a file that can never be created helps no one. */
export function checkNewAnswerPath(answers: string): void {
  if (existsSync(answers)) {
    throw new UserError(`${answers} already exists; cxm run never overwrites an answer file`, {
      hint: `to continue it: ${cxmInvocation()} run --resume ${shellQuote(answers)}; to start afresh, choose another --answers file`,
    });
  }
  if (!existsSync(dirname(resolve(answers)))) {
    throw new UserError(`--answers ${answers}: the folder does not exist`, {
      hint: 'create it first, or choose another --answers file',
    });
  }
}
