import { resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { indexQuestionnaire } from '../core/questionnaire-index.js';
import { isAnnotated } from '../core/notes.js';
import { classifyAnswers, type ClassifiedAnswers } from '../core/visibility.js';
import type { AnswerFile, Respondent } from '../model/answers.js';
import { fileKindOf } from '../model/file-kind.js';
import type { Problem } from '../model/problem.js';
import { validateAnswerSource } from './load-answers.js';
import { displayPath } from './load-questionnaire.js';
import { isStdin, readStdinSource } from './read-stdin.js';
import { readSourceFile } from './yaml-source.js';

/**
 * One answer file, read and validated for scoring. Plain data only (no questionnaire object), so a
 * worker thread can send it back cheaply; the questionnaire is named by its path.
 */
export type FileResult =
  | {
      kind: 'answers';
      /** With `classify`, `answers.answers` keeps only the entries with a note or evidence: the classification below replaces the rest. */
      answers: AnswerFile;
      classified?: ClassifiedAnswers;
      /** A workshop file (SPEC §4.1): one respondent per group, in place of the file's own answers. */
      groups?: GroupRespondent[];
      questionnaireId: string;
      questionnairePath: string;
      warnings: string[];
    }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'skipped' };

export interface GroupRespondent {
  respondent: Respondent;
  /** Empty with `classify`, as for an answer file. */
  answers: AnswerFile['answers'];
  classified?: ClassifiedAnswers;
}

export interface LoadForScoringOptions {
  /**
   * Classify the answers here (SPEC §3 visibility, option per question) and send two small typed
   * arrays instead of the answer map: far less for the main thread to receive, keep and collect.
   */
  classify: boolean;
}

export async function loadForScoring(path: string, fromFolder: boolean, options: LoadForScoringOptions): Promise<FileResult> {
  const absolute = resolve(path);
  // `-`: a questionnaire path in the file is then relative to the current folder, as `absolute` is in it.
  const read = isStdin(path) ? await readStdinSource() : await readSourceFile(absolute, displayPath(absolute));
  if (!read.ok) return { kind: 'invalid', problems: read.problems };
  const other = otherKind(read.source.data);
  if (other && fromFolder) return { kind: 'skipped' };
  if (other) {
    const hint = other === 'questionnaire' ? 'check it with `cxm validate`' : 'compare reports with `cxm diff`';
    return {
      kind: 'invalid',
      problems: [read.source.locate({ path: [], severity: 'error', message: `this is a ${other}, not an answer file (${hint})` })],
    };
  }
  try {
    const loaded = await validateAnswerSource(read.source, absolute);
    const warnings = loaded.warnings.map(formatWarning);
    if (loaded.answers.startedAt !== undefined && loaded.answers.completedAt === undefined) {
      warnings.push(
        formatWarning(
          read.source.locate({
            path: ['startedAt'],
            severity: 'warning',
            message: 'unfinished assessment (no completedAt); scored as answered so far',
          }),
        ),
      );
    }
    const questionnaire = loaded.questionnaire.questionnaire;
    const classify = (answers: AnswerFile['answers']) =>
      options.classify ? classifyAnswers(indexQuestionnaire(questionnaire), answers) : undefined;
    const classified = loaded.workshop ? undefined : classify(loaded.answers.answers);
    const groups = loaded.workshop
      ? loaded.respondents.map((r): GroupRespondent => {
          const own = classify(r.answers);
          return { respondent: r.respondent ?? {}, answers: own ? {} : r.answers, ...(own && { classified: own }) };
        })
      : undefined;
    return {
      kind: 'answers',
      answers: classified ? { ...loaded.answers, answers: annotatedOnly(loaded.answers.answers) } : loaded.answers,
      ...(classified && { classified }),
      ...(groups && { groups }),
      questionnaireId: questionnaire.id,
      questionnairePath: loaded.questionnaire.path,
      warnings,
    };
  } catch (error) {
    if (error instanceof InvalidInputError) return { kind: 'invalid', problems: [...error.problems] };
    throw error;
  }
}

/** The report lists notes and evidence by default, so they travel back from a worker; values do not. */
function annotatedOnly(answers: AnswerFile['answers']): AnswerFile['answers'] {
  return Object.fromEntries(Object.entries(answers).filter(([, entry]) => isAnnotated(entry)));
}

/** A questionnaire or a JSON report: kept next to the answers in a folder, it is skipped, not an error. */
function otherKind(data: unknown): 'questionnaire' | 'JSON report' | undefined {
  const kind = fileKindOf(data);
  if (kind === 'questionnaire') return 'questionnaire';
  return kind === 'report' || kind === 'diff' ? 'JSON report' : undefined;
}

/** Warnings as report.warnings carries them: `file:line:column path: message`. */
export function formatWarning(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}${p.path === '' ? '' : ` ${p.path}:`} ${p.message}`;
}
