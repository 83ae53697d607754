import { dirname, resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { answerFileSchema, type AnswerFile } from '../model/answers.js';
import { checkAnswers } from '../model/check-answers.js';
import type { Problem } from '../model/problem.js';
import { findingsFromZod } from '../model/zod-findings.js';
import { bundledIds } from './bundled.js';
import { displayPath, loadQuestionnaireFile, resolveQuestionnaireRef, type LoadedQuestionnaire } from './load-questionnaire.js';
import { readSourceFile, type SourceFile } from './yaml-source.js';

export interface LoadedAnswers {
  answers: AnswerFile;
  /** Absolute path of the answer file. */
  path: string;
  questionnaire: LoadedQuestionnaire;
  warnings: Problem[];
}

export async function loadAnswerFile(path: string): Promise<LoadedAnswers> {
  const absolute = resolve(path);
  const read = await readSourceFile(absolute, displayPath(absolute));
  if (!read.ok) throw new InvalidInputError(read.problems);
  return validateAnswerSource(read.source, absolute);
}

/** Validates a parsed answer file and the questionnaire it names; throws with every problem found. */
export async function validateAnswerSource(source: SourceFile, path: string): Promise<LoadedAnswers> {
  const parsed = answerFileSchema.safeParse(source.data);
  if (!parsed.success) throw new InvalidInputError(findingsFromZod(parsed.error.issues, source.data).map(source.locate));
  const answers = parsed.data;
  const questionnairePath = resolveQuestionnaireRef(answers.questionnaire, dirname(path));
  if (!questionnairePath) {
    throw new InvalidInputError([
      source.locate({
        path: ['questionnaire'],
        severity: 'error',
        message: `questionnaire "${answers.questionnaire}" not found (bundled: ${bundledIds().join(', ')}; a path is relative to the answer file)`,
      }),
    ]);
  }
  const questionnaire = await loadQuestionnaireFile(questionnairePath);
  const problems = checkAnswers(questionnaire.questionnaire, answers).map(source.locate);
  if (problems.some((p) => p.severity === 'error')) throw new InvalidInputError(problems);
  return { answers, path, questionnaire, warnings: problems };
}
