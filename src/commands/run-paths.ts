import { checkDistinctPaths, checkOutputPath, resolveWriteTarget } from '../io/output-path.js';
import { resolveQuestionnaireRef } from '../io/load-questionnaire.js';

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
