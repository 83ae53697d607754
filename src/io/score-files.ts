import { resolve } from 'node:path';
import { InvalidInputError, UserError } from '../errors.js';
import { buildReport, resolveTarget } from '../core/build-report.js';
import { checkGateRules, type GateResult, type GateRule } from '../core/gates.js';
import { createAccumulator, type Accumulator } from '../core/merge.js';
import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import { discoverAnswerFiles } from './discover-answers.js';
import { validateAnswerSource, type LoadedAnswers } from './load-answers.js';
import { displayPath } from './load-questionnaire.js';
import { readSourceFile } from './yaml-source.js';

export interface ScoreOptions {
  /** Report language; default: the answer files' common `lang`, else the questionnaire's default. */
  lang?: string | undefined;
  /** Target level id overriding the questionnaire's (unknown → UserError, exit 2). */
  target?: string | undefined;
  /** Spread in points that flags a disagreement; default 25. */
  spread?: number | undefined;
  /** Include report.questions with every answer (needed by the CSV format). */
  detail?: boolean | undefined;
  /** CI gates; unknown capability or level ids → UserError, exit 2. */
  gates?: readonly GateRule[] | undefined;
  /** The report's generatedAt; default now. */
  now?: Date | undefined;
}

export interface ScoreResult {
  report: Report;
  /** The gates that did not pass (also in report.gates). */
  failedGates: GateResult[];
  /** Every answer file scored, in order, as given. */
  files: string[];
  /** Absolute path of the questionnaire they answer. */
  questionnairePath: string;
}

/** Files read at once: enough to overlap I/O, few enough that memory stays flat at 20,000 files. */
const BATCH = 16;

interface Reference {
  id: string;
  path: string;
  accumulator: Accumulator;
  languages: readonly string[];
}

/**
 * Scores answer files and folders of them (SPEC §5-7): every file must be valid and answer the same
 * questionnaire (same id and file). All invalid files' problems are gathered before failing with
 * InvalidInputError. In folders, questionnaires and JSON reports lying next to the answers are skipped.
 */
export async function scoreAnswerPaths(paths: readonly string[], options: ScoreOptions = {}): Promise<ScoreResult> {
  const discovered = await discoverAnswerFiles(paths);
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const groups = new Map<string, { id: string; path: string; files: string[] }>();
  const files: string[] = [];
  const langs = new Set<string>();
  let reference: Reference | undefined;

  for (let start = 0; start < discovered.length; start += BATCH) {
    const batch = discovered.slice(start, start + BATCH);
    const loaded = await Promise.all(batch.map((file) => loadOne(file.path, file.fromFolder)));
    loaded.forEach((result, k) => {
      const file = batch[k]?.path ?? '';
      if (result.kind === 'skipped') return;
      if (result.kind === 'invalid') {
        problems.push(...result.problems);
        return;
      }
      const { answers, questionnaire } = result.loaded;
      const key = `${questionnaire.questionnaire.id}\0${questionnaire.path}`;
      const group = groups.get(key) ?? { id: questionnaire.questionnaire.id, path: questionnaire.path, files: [] };
      groups.set(key, group);
      group.files.push(file);
      if (!reference) {
        reference = {
          id: questionnaire.questionnaire.id,
          path: questionnaire.path,
          accumulator: createAccumulator(questionnaire.questionnaire, { detail: options.detail ?? false }),
          languages: questionnaire.questionnaire.languages ?? ['en'],
        };
        warnings.push(...questionnaire.warnings.map(formatWarning));
      }
      if (group.path !== reference.path || group.id !== reference.id) return;
      warnings.push(...result.loaded.warnings.map(formatWarning), ...result.extraWarnings);
      if (answers.lang !== undefined) langs.add(answers.lang);
      files.push(file);
      reference.accumulator.add({ file, ...answers.respondent, answers: answers.answers });
    });
  }

  if (problems.length > 0) throw new InvalidInputError(problems);
  if (groups.size > 1) throw mixedQuestionnaires([...groups.values()]);
  if (!reference) throw new UserError(`no answer files in ${paths.join(', ')}`, { hint: 'the folders hold only questionnaires or reports' });

  const merged = reference.accumulator.finish();
  const usage: string[] = [];
  if (resolveTarget(merged.index, options.target) === undefined) {
    usage.push(`--target: unknown level "${options.target}" (known: ${merged.index.levels.map((l) => l.id).join(', ')})`);
  }
  usage.push(...checkGateRules(merged.index, options.gates ?? []));
  if (usage.length === 1) throw new UserError(usage[0] ?? '');
  if (usage.length > 1) throw new UserError(`${usage.length} problems with the options:\n${usage.map((u) => `  ${u}`).join('\n')}`);

  const lang = options.lang ?? (langs.size === 1 ? [...langs][0] : undefined);
  if (lang !== undefined && !reference.languages.includes(lang)) {
    warnings.push(`"${lang}" is not a language of the questionnaire (${reference.languages.join(', ')}); texts fall back to ${merged.index.defaultLang}`);
  }
  const report = buildReport(merged, {
    lang: lang ?? merged.index.defaultLang,
    target: options.target,
    spread: options.spread,
    detail: options.detail,
    gates: options.gates,
    warnings,
    generatedAt: options.now,
  });
  return { report, failedGates: report.gates.filter((g) => !g.passed), files, questionnairePath: reference.path };
}

type LoadResult =
  | { kind: 'answers'; loaded: LoadedAnswers; extraWarnings: string[] }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'skipped' };

async function loadOne(path: string, fromFolder: boolean): Promise<LoadResult> {
  const absolute = resolve(path);
  const read = await readSourceFile(absolute, displayPath(absolute));
  if (!read.ok) return { kind: 'invalid', problems: read.problems };
  const other = otherKind(read.source.data);
  if (other && fromFolder) return { kind: 'skipped' };
  if (other) {
    const hint = other === 'questionnaire' ? 'check it with `cxm validate`' : 'compare reports with `cxm diff`';
    return { kind: 'invalid', problems: [read.source.locate({ path: [], severity: 'error', message: `this is a ${other}, not an answer file (${hint})` })] };
  }
  try {
    const loaded = await validateAnswerSource(read.source, absolute);
    const extraWarnings =
      loaded.answers.startedAt !== undefined && loaded.answers.completedAt === undefined
        ? [formatWarning(read.source.locate({ path: ['startedAt'], severity: 'warning', message: 'unfinished assessment (no completedAt); scored as answered so far' }))]
        : [];
    return { kind: 'answers', loaded, extraWarnings };
  } catch (error) {
    if (error instanceof InvalidInputError) return { kind: 'invalid', problems: [...error.problems] };
    throw error;
  }
}

/** A questionnaire or a JSON report: kept next to the answers in a folder, it is skipped, not an error. */
function otherKind(data: unknown): 'questionnaire' | 'JSON report' | undefined {
  if (data === null || typeof data !== 'object' || 'answers' in data) return undefined;
  if ('schemaVersion' in data) return 'JSON report';
  if ('capabilities' in data) return 'questionnaire';
  return undefined;
}

function formatWarning(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}${p.path === '' ? '' : ` ${p.path}:`} ${p.message}`;
}

function mixedQuestionnaires(groups: { id: string; path: string; files: string[] }[]): UserError {
  const lines = groups.map((g) => {
    const shown = g.files.slice(0, 3).join(', ') + (g.files.length > 3 ? ` and ${g.files.length - 3} more` : '');
    return `  ${g.id} (${displayPath(g.path)}): ${shown}`;
  });
  return new UserError(`the answer files answer different questionnaires:\n${lines.join('\n')}`, {
    hint: 'score the answers to each questionnaire separately',
  });
}
