import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { fileKindOf } from '../model/file-kind.js';
import { reportSchema, type Report } from '../model/report.js';
import { findingsFromZod } from '../model/zod-findings.js';
import { displayPath } from './load-questionnaire.js';
import { scoreAnswerPaths } from './score-files.js';
import { isStdin, readStdinSource, shownName } from './read-stdin.js';
import { isSurveyExport } from './survey-rows.js';
import { readSourceFile } from './yaml-source.js';

export interface LoadSideOptions {
  /** Language of the texts when the side is scored from answer files. */
  lang?: string | undefined;
  /** For a survey export (SPEC §4.2): the questionnaire it answers, and its department column. */
  questionnaire?: string | undefined;
  roleColumn?: string | undefined;
}

export interface LoadedSide {
  report: Report;
  kind: 'answers' | 'report';
  /** The path as given on the command line. */
  source: string;
  /** Every file read for this side (answer files and their questionnaire, or the report). */
  inputs: string[];
}

/**
 * One side of `cxm diff`: a JSON report written by `cxm score` (a file with `schemaVersion` and
 * `capabilities`), validated with its line:column problems; else answer files scored with per-question detail.
 */
export async function loadSide(path: string, options: LoadSideOptions = {}): Promise<LoadedSide> {
  if (isStdin(path) || (!isSurveyExport(path) && (await isFile(path)))) {
    const absolute = resolve(path);
    const read = isStdin(path) ? await readStdinSource() : await readSourceFile(absolute, displayPath(absolute));
    if (!read.ok) throw new InvalidInputError(read.problems);
    const kind = fileKindOf(read.source.data);
    // A diff is no side of a diff: checked against the report schema, it is refused with its problems.
    if (kind === 'report' || kind === 'diff') {
      const parsed = reportSchema.safeParse(read.source.data);
      if (!parsed.success) throw new InvalidInputError(findingsFromZod(parsed.error.issues, read.source.data).map(read.source.locate));
      return { report: parsed.data, kind: 'report', source: shownName(path), inputs: [path] };
    }
  }
  // Answers get the scorer's own errors: not found, invalid answers (located), mixed questionnaires.
  const { report, files, questionnairePath } = await scoreAnswerPaths([path], {
    lang: options.lang,
    detail: true,
    questionnaire: options.questionnaire,
    roleColumn: options.roleColumn,
  });
  return { report, kind: 'answers', source: shownName(path), inputs: [...files, questionnairePath] };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
