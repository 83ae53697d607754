import { dirname, resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { answerFileSchema, type AnswerFile } from '../model/answers.js';
import { checkAnswers } from '../model/check-answers.js';
import { checkWorkshop } from '../model/check-workshop.js';
import type { Finding, Problem } from '../model/problem.js';
import type { Questionnaire } from '../model/questionnaire.js';
import { asRecord } from '../model/questionnaire-view.js';
import { findingsFromZod } from '../model/zod-findings.js';
import { mapReplacedAnswers } from '../model/replaces.js';
import { isWorkshopData, workshopFileSchema, type WorkshopFile } from '../model/workshop.js';
import { respondentsOfWorkshop } from '../core/workshop-state.js';
import { bundledIds, bundledPath, bundledVersionPath } from './bundled.js';
import { displayPath, loadQuestionnaireFile, resolveQuestionnaireRef, type LoadedQuestionnaire } from './load-questionnaire.js';
import { STDIN_NAME } from './read-stdin.js';
import { readSourceFile, type SourceFile } from './yaml-source.js';

export interface LoadedAnswers {
  /** The answer file; for a workshop file, its header (the organisation, dates…) with no answers. */
  answers: AnswerFile;
  /** Who answered: the file's respondent, or one per group of a workshop file (SPEC §4.1). */
  respondents: AnswerFile[];
  /** Set for a workshop file: the file as written. */
  workshop: WorkshopFile | undefined;
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
  if (isWorkshopData(source.data)) return validateWorkshopSource(source, path);
  const parsed = answerFileSchema.safeParse(source.data);
  const findings = parsed.success ? [] : findingsFromZod(parsed.error.issues, source.data);
  const questionnaire = await findQuestionnaire(source, path, findings, checkAnswers);
  const problems = findings.map(source.locate);
  if (!parsed.success || !questionnaire || problems.some((p) => p.severity === 'error')) throw new InvalidInputError(problems);
  const mapped = mapReplacedAnswers(questionnaire.questionnaire, parsed.data.answers);
  const answers = mapped ? { ...parsed.data, answers: mapped } : parsed.data;
  return { answers, respondents: [answers], workshop: undefined, path, questionnaire, warnings: problems };
}

/** A workshop file (SPEC §4.1): checked as such, then read as one respondent per group. */
async function validateWorkshopSource(source: SourceFile, path: string): Promise<LoadedAnswers> {
  const parsed = workshopFileSchema.safeParse(source.data);
  const answers = asRecord(asRecord(source.data)?.answers) ?? {};
  // An answer that is no vote map gets checkWorkshop's words instead of the schema's.
  const notVotes = (f: Finding) => f.path.length === 2 && f.path[0] === 'answers' && !asRecord(answers[String(f.path[1])]);
  const findings = parsed.success ? [] : findingsFromZod(parsed.error.issues, source.data).filter((f) => !notVotes(f));
  const questionnaire = await findQuestionnaire(source, path, findings, checkWorkshop);
  const problems = findings.map(source.locate);
  if (!parsed.success || !questionnaire || problems.some((p) => p.severity === 'error')) throw new InvalidInputError(problems);
  const mapped = mapReplacedAnswers(questionnaire.questionnaire, parsed.data.answers);
  const workshop = mapped ? { ...parsed.data, answers: mapped } : parsed.data;
  const { groups: _groups, answers: _answers, ...header } = workshop;
  return {
    answers: { ...header, answers: {} },
    respondents: respondentsOfWorkshop(workshop),
    workshop,
    path,
    questionnaire,
    warnings: problems,
  };
}

/** The questionnaire the file names, with the file's problems against it added to `findings`. */
async function findQuestionnaire(
  source: SourceFile,
  path: string,
  findings: Finding[],
  check: (q: Questionnaire, data: unknown) => Finding[],
): Promise<LoadedQuestionnaire | undefined> {
  const ref = asRecord(source.data)?.questionnaire;
  const version = asRecord(source.data)?.questionnaireVersion;
  if (typeof ref !== 'string' || ref === '') return undefined;
  const questionnairePath = bundledVersionFor(ref, version) ?? resolveQuestionnaireRef(ref, dirname(path));
  if (!questionnairePath) {
    findings.push({
      path: ['questionnaire'],
      severity: 'error',
      message: `questionnaire "${ref}" not found (bundled: ${bundledIds().join(', ')}; a path is relative to ${source.file === STDIN_NAME ? 'the current folder for standard input' : 'the answer file'})`,
    });
    return undefined;
  }
  const questionnaire = await loadQuestionnaireFile(questionnairePath);
  // A loop, not push(...): a hostile file can hold more problems than a call takes arguments.
  for (const finding of check(questionnaire.questionnaire, source.data)) findings.push(finding);
  return questionnaire;
}

/**
 * SPEC §3: an answer file naming a bundled id and an earlier version that is bundled is read against
 * that version; any other version is read against the latest (through `replaces`).
 */
function bundledVersionFor(ref: string, version: unknown): string | undefined {
  if (typeof version !== 'string' || /[\\/]|\.ya?ml$/i.test(ref) || !bundledPath(ref)) return undefined;
  return bundledVersionPath(ref, version);
}
