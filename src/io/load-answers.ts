import { dirname, resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { answerFileSchema, type AnswerFile } from '../model/answers.js';
import { checkAnswers } from '../model/check-answers.js';
import type { Problem } from '../model/problem.js';
import { asRecord } from '../model/questionnaire-view.js';
import { findingsFromZod } from '../model/zod-findings.js';
import { mapReplacedAnswers } from '../model/replaces.js';
import { bundledIds, bundledPath, bundledVersionPath } from './bundled.js';
import { displayPath, loadQuestionnaireFile, resolveQuestionnaireRef, type LoadedQuestionnaire } from './load-questionnaire.js';
import { STDIN_NAME } from './read-stdin.js';
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
  const findings = parsed.success ? [] : findingsFromZod(parsed.error.issues, source.data);
  const ref = asRecord(source.data)?.questionnaire;
  const version = asRecord(source.data)?.questionnaireVersion;
  let questionnaire: LoadedQuestionnaire | undefined;
  if (typeof ref === 'string' && ref !== '') {
    const questionnairePath = bundledVersionFor(ref, version) ?? resolveQuestionnaireRef(ref, dirname(path));
    if (questionnairePath) {
      questionnaire = await loadQuestionnaireFile(questionnairePath);
      // A loop, not push(...): a hostile file can hold more problems than a call takes arguments.
      for (const finding of checkAnswers(questionnaire.questionnaire, source.data)) findings.push(finding);
    } else {
      findings.push({
        path: ['questionnaire'],
        severity: 'error',
        message: `questionnaire "${ref}" not found (bundled: ${bundledIds().join(', ')}; a path is relative to ${source.file === STDIN_NAME ? 'the current folder for standard input' : 'the answer file'})`,
      });
    }
  }
  const problems = findings.map(source.locate);
  if (!parsed.success || !questionnaire || problems.some((p) => p.severity === 'error')) throw new InvalidInputError(problems);
  const mapped = mapReplacedAnswers(questionnaire.questionnaire, parsed.data.answers);
  return { answers: mapped ? { ...parsed.data, answers: mapped } : parsed.data, path, questionnaire, warnings: problems };
}

/**
 * SPEC §3: an answer file naming a bundled id and an earlier version that is bundled is read against
 * that version; any other version is read against the latest (through `replaces`).
 */
function bundledVersionFor(ref: string, version: unknown): string | undefined {
  if (typeof version !== 'string' || /[\\/]|\.ya?ml$/i.test(ref) || !bundledPath(ref)) return undefined;
  return bundledVersionPath(ref, version);
}
