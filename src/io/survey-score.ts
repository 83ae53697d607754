import type { Accumulator, RespondentInput } from '../core/merge.js';
import { indexQuestionnaire } from '../core/questionnaire-index.js';
import { classifyValues } from '../core/visibility.js';
import { UserError } from '../errors.js';
import type { Problem } from '../model/problem.js';
import { formatWarning } from './load-for-scoring.js';
import { type LoadedQuestionnaire, loadQuestionnaire } from './load-questionnaire.js';
import { answersOf, type ReadSurveyOptions, readSurvey } from './survey-load.js';

/**
 * The one place a survey row enters the running totals. The accumulator's entry points are being
 * merged into one: when they are, only this line changes.
 */
export function foldRespondent(accumulator: Accumulator, respondent: RespondentInput): void {
  accumulator.add(respondent);
}

/** The questionnaire a survey export answers: it names none itself, so `--questionnaire` must. */
export async function loadSurveyQuestionnaire(ref: string | undefined, exports: readonly string[]): Promise<LoadedQuestionnaire> {
  if (ref === undefined) {
    throw new UserError(`${exports[0]} is a survey export: name the questionnaire it answers with --questionnaire <id|path>`, {
      hint: 'for example: cxm score survey.csv --questionnaire cxm-playbook',
    });
  }
  return loadQuestionnaire(ref);
}

export interface FoldSurveyResult {
  problems: Problem[];
  /** As report.warnings carries them. */
  warnings: string[];
  respondents: number;
}

/** Reads one export and folds each row into `accumulator` as it is read; its respondent `file` is `path:ROW`. */
export async function foldSurveyExport(
  path: string,
  accumulator: Accumulator,
  questionnaire: LoadedQuestionnaire,
  options: ReadSurveyOptions,
): Promise<FoldSurveyResult> {
  const index = indexQuestionnaire(questionnaire.questionnaire);
  const result = await readSurvey(path, index, options, ({ row, respondent, values }) => {
    // `file` and `row` apart: the report's `path:ROW` is built when read, not kept 100,000 times.
    const file = path;
    // Classified straight from the row's values; the answers by id only for the per-question detail.
    if (accumulator.keepsDetail) foldRespondent(accumulator, { file, row, ...respondent, answers: answersOf(index, values) });
    else foldRespondent(accumulator, { file, row, ...respondent, answers: {}, classified: classifyValues(index, (q) => values[q.index]) });
  });
  return { problems: result.problems, warnings: result.warnings.map(formatWarning), respondents: result.respondents };
}
