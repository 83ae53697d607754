import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { fileKindOf } from '../model/file-kind.js';
import type { Problem } from '../model/problem.js';
import type { ValidatedFile, ValidateResult } from '../model/validation.js';
import { checkWrittenReport } from './validate-report.js';
import { listAnswerFiles } from '../io/discover-answers.js';
import { validateAnswerSource } from '../io/load-answers.js';
import { displayPath, validateQuestionnaire } from '../io/load-questionnaire.js';
import { checkStdinOnce, isStdin, readStdinSource, STDIN_NAME } from '../io/read-stdin.js';
import { readSourceFile } from '../io/yaml-source.js';

export type { ValidatedFile, ValidateResult } from '../model/validation.js';

/** Detects each file's kind by its keys, validates it, and gathers every problem of every file. */
export async function runValidate(paths: readonly string[]): Promise<ValidateResult> {
  checkStdinOnce(paths);
  const files: ValidatedFile[] = [];
  for (const path of paths) {
    if (isStdin(path) || !(await isDirectory(path))) {
      files.push(await validateOne(path));
      continue;
    }
    // A folder stands for every questionnaire and answer file below it.
    const names = await listAnswerFiles(path);
    if (names.length === 0) {
      const problem: Problem = {
        file: path,
        line: 1,
        column: 1,
        path: '',
        message: 'the folder holds no .yaml, .yml or .json file',
        severity: 'error',
      };
      files.push({ file: path, kind: 'unknown', summary: '', problems: [problem] });
    }
    for (const name of names) files.push(await validateOne(join(path, name)));
  }
  return { files, valid: files.every((f) => !f.problems.some((p) => p.severity === 'error')) };
}

async function validateOne(path: string): Promise<ValidatedFile> {
  const absolute = resolve(path);
  const file = isStdin(path) ? STDIN_NAME : displayPath(absolute);
  const read = isStdin(path) ? await readStdinSource() : await readSourceFile(absolute, file);
  if (!read.ok) return { file, kind: 'unknown', summary: '', problems: read.problems };
  const kind = fileKindOf(read.source.data);
  if (kind === 'questionnaire') {
    const { value, problems } = validateQuestionnaire(read.source);
    const questions = value?.capabilities.reduce((n, c) => n + c.questions.length, 0) ?? 0;
    const summary = value
      ? `questionnaire ${value.id} ${value.version}: ${value.capabilities.length} capabilities, ${questions} questions`
      : '';
    return { file, kind, summary, problems };
  }
  if (kind === 'report' || kind === 'diff') return { file, kind, ...checkWrittenReport(kind, read.source) };
  if (kind === 'answers') {
    try {
      const loaded = await validateAnswerSource(read.source, absolute);
      const id = loaded.questionnaire.questionnaire.id;
      const { workshop } = loaded;
      const summary = workshop
        ? `workshop answers to ${id}: ${workshop.groups.length} groups, ${Object.keys(workshop.answers).length} questions voted`
        : `answers to ${id}: ${Object.keys(loaded.answers.answers).length} answered`;
      return { file, kind, summary, problems: loaded.warnings };
    } catch (error) {
      if (error instanceof InvalidInputError) return { file, kind, summary: '', problems: [...error.problems] };
      throw error;
    }
  }
  return {
    file,
    kind,
    summary: '',
    problems: [
      read.source.locate({
        path: [],
        severity: 'error',
        message:
          'neither a questionnaire (capabilities, scales, levels), an answer file (questionnaire, answers) nor a JSON report or diff (schemaVersion)',
      }),
    ],
  };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
