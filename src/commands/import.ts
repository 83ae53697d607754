import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { stringify } from 'yaml';
import { indexQuestionnaire } from '../core/questionnaire-index.js';
import { InvalidInputError, UserError } from '../errors.js';
import type { AnswerEntry, Respondent } from '../model/answers.js';
import type { Problem } from '../model/problem.js';
import { createAnswerFile, questionnaireRef, slugify } from '../io/answer-file.js';
import type { LoadedQuestionnaire } from '../io/load-questionnaire.js';
import { answersOf, readSurvey, type SurveyRespondent } from '../io/survey-load.js';
import { loadSurveyQuestionnaire } from '../io/survey-score.js';
import { stringOption } from './option-values.js';
import { sanitizeLine } from '../text/sanitize.js';

export interface ImportResult {
  /** The answer files written, in export and row order. */
  written: string[];
}

/**
 * `cxm import`: one answer file per respondent of the survey exports (SPEC §2, §4.2). Two passes
 * over the exports keep memory flat: the first validates every row and plans every file name, and
 * nothing is written unless all rows are valid and no name is taken; the second writes.
 */
export async function importSurveys(exports: readonly string[], raw: Record<string, unknown>): Promise<ImportResult> {
  const outDir = stringOption(raw, 'outDir', '--out-dir');
  if (outDir === undefined || outDir === '') throw new UserError('--out-dir: expected the folder to write the answer files to');
  const questionnaire = await loadSurveyQuestionnaire(stringOption(raw, 'questionnaire'), exports);
  const index = indexQuestionnaire(questionnaire.questionnaire);
  const options = { roleColumn: stringOption(raw, 'roleColumn', '--role-column') };

  const names = new Set<string>();
  const planned: string[] = [];
  const problems: Problem[] = [];
  for (const path of exports) {
    const read = await readSurvey(path, index, options, ({ row, respondent }) => {
      planned.push(join(outDir, `${uniqueName(names, respondent, row)}.yaml`));
    });
    for (const problem of read.problems) problems.push(problem);
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  const taken = planned.filter((path) => existsSync(path));
  if (taken.length > 0) {
    const shown = taken.slice(0, 5).join(', ') + (taken.length > 5 ? ` and ${taken.length - 5} more` : '');
    throw new UserError(`${taken.length} answer file(s) exist already: ${shown}; nothing was written`, {
      hint: 'import into an empty folder, or move the earlier import away',
    });
  }

  await mkdir(outDir, { recursive: true }).catch((error: unknown) => {
    throw new UserError(`cannot create ${outDir}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const written: string[] = [];
  for (const path of exports) {
    const again = await readSurvey(path, index, options, async (respondent) => {
      const target = planned[written.length];
      if (target === undefined) throw new UserError(`${path} changed while it was imported`);
      written.push(
        await writeNew(
          target,
          serializeImported(questionnaire, target, path, { ...respondent, answers: answersOf(index, respondent.values) }),
        ),
      );
    });
    // Only if the export was changed between the two passes.
    if (again.problems.length > 0) throw new InvalidInputError(again.problems);
  }
  return { written };
}

/** `aiko-tanaka` from the name column, else `row-<n>`; a name used before gets `-2`, `-3`… */
function uniqueName(names: Set<string>, respondent: Respondent, row: number): string {
  const base = slugify(respondent.name ?? '') || `row-${row}`;
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
  names.add(name);
  return name;
}

async function writeNew(path: string, content: string): Promise<string> {
  try {
    return await createAnswerFile(() => path, content, 1);
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
    if (code === 'EEXIST') throw new UserError(`${path} appeared while importing; it was left alone`);
    throw new UserError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The shape `cxm run` writes (SPEC §4): questionnaire, version, respondent, answers. */
function serializeImported(
  questionnaire: LoadedQuestionnaire,
  target: string,
  source: string,
  { row, respondent, answers }: Omit<SurveyRespondent, 'values'> & { answers: Record<string, AnswerEntry> },
): string {
  const data: { questionnaire: string; questionnaireVersion: string; respondent?: Respondent; answers: Record<string, AnswerEntry> } = {
    questionnaire: questionnaireRef(questionnaire.path, target),
    questionnaireVersion: questionnaire.questionnaire.version,
    ...(Object.keys(respondent).length > 0 && { respondent }),
    answers,
  };
  return `# Imported by \`cxm import\` from ${sanitizeLine(basename(source))}, row ${row}.\n${stringify(data, { lineWidth: 0 })}`;
}
