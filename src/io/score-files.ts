import { InvalidInputError, UserError } from '../errors.js';
import { AssessmentMetaCollector } from '../core/assessment-meta.js';
import { buildReport, resolveTarget } from '../core/build-report.js';
import { checkGateRules, type GateResult, type GateRule } from '../core/gates.js';
import { createAccumulator, type Accumulator } from '../core/merge.js';
import type { Problem } from '../model/problem.js';
import type { Report } from '../model/report.js';
import { groupFileName } from '../model/workshop.js';
import { discoverAnswerFiles } from './discover-answers.js';
import { formatWarning } from './load-for-scoring.js';
import { loadMany } from './load-many.js';
import { displayPath, loadQuestionnaireFile } from './load-questionnaire.js';
import { shownName } from './read-stdin.js';
import { isSurveyExport } from './survey-rows.js';

export interface ScoreOptions {
  /** Report language; default: the answer files' common `lang`, else the questionnaire's default. */
  lang?: string | undefined;
  /** Target level id overriding the questionnaire's (unknown → UserError, exit 2). */
  target?: string | undefined;
  /** Spread in points that flags a disagreement; default 25. */
  spread?: number | undefined;
  /** Include report.questions with every answer (needed by the CSV format). */
  detail?: boolean | undefined;
  /** Question spread (points) that puts a question on the discussion agenda; default 50. */
  discuss?: number | undefined;
  /** Months a roadmap phase takes, for its horizon; default 3, 0 for none. */
  phaseMonths?: number | undefined;
  /** false: leave notes and evidence out of the report. */
  notes?: boolean | undefined;
  /** CI gates; unknown capability or level ids → UserError, exit 2. */
  gates?: readonly GateRule[] | undefined;
  /** The report's generatedAt; default now. */
  now?: Date | undefined;
  /** The questionnaire survey exports answer (SPEC §4.2): an id or a path. */
  questionnaire?: string | undefined;
  /** Header of the survey exports' department column, when it is not `role`. */
  roleColumn?: string | undefined;
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
 * Files are folded into the accumulator one by one, in order, so memory does not grow with answers.
 */
export async function scoreAnswerPaths(paths: readonly string[], options: ScoreOptions = {}): Promise<ScoreResult> {
  // Survey exports (SPEC §4.2) are read after the answer files, each row a respondent.
  const surveys = paths.filter(isSurveyExport);
  const answerPaths = paths.filter((p) => !isSurveyExport(p));
  const discovered = answerPaths.length > 0 ? await discoverAnswerFiles(answerPaths) : [];
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const groups = new Map<string, QuestionnaireGroup>();
  const files: string[] = [];
  const langs = new Set<string>();
  const meta = new AssessmentMetaCollector();
  let reference: Reference | undefined;

  const detail = options.detail ?? false;
  const survey = surveys.length > 0 || options.questionnaire !== undefined ? await import('./survey-score.js') : undefined;
  const surveyQuestionnaire = survey && (await survey.loadSurveyQuestionnaire(options.questionnaire, surveys));
  if (surveyQuestionnaire) {
    const { questionnaire, path } = surveyQuestionnaire;
    reference = {
      id: questionnaire.id,
      path,
      accumulator: createAccumulator(questionnaire, { detail }),
      languages: questionnaire.languages ?? ['en'],
    };
    warnings.push(...surveyQuestionnaire.warnings.map(formatWarning));
    const firstFiles = surveys.length > 0 ? surveys.slice(0, 3) : ['--questionnaire'];
    groups.set(`${questionnaire.id}\0${path}`, { id: questionnaire.id, path, firstFiles, count: Math.max(1, surveys.length) });
  }
  for await (const [{ path }, result] of loadMany(discovered, { classify: !detail })) {
    const file = shownName(path);
    if (result.kind === 'skipped') continue;
    if (result.kind === 'invalid') {
      for (const problem of result.problems) problems.push(problem);
      continue;
    }
    const { answers, questionnaireId, questionnairePath } = result;
    const key = `${questionnaireId}\0${questionnairePath}`;
    const group = groups.get(key) ?? { id: questionnaireId, path: questionnairePath, firstFiles: [], count: 0 };
    groups.set(key, group);
    // Only the error message for mixed questionnaires needs names: keep three, count the rest.
    if (group.count++ < 3) group.firstFiles.push(file);
    if (!reference) {
      // Cached: the file was already loaded (here or in a worker) while validating the answers.
      const questionnaire = await loadQuestionnaireFile(questionnairePath);
      reference = {
        id: questionnaireId,
        path: questionnairePath,
        accumulator: createAccumulator(questionnaire.questionnaire, { detail }),
        languages: questionnaire.questionnaire.languages ?? ['en'],
      };
      warnings.push(...questionnaire.warnings.map(formatWarning));
    }
    if (group.path !== reference.path || group.id !== reference.id) continue;
    for (const warning of result.warnings) warnings.push(warning);
    if (answers.lang !== undefined) langs.add(answers.lang);
    files.push(file);
    meta.add({ facilitator: facilitatorOf(answers), startedAt: answers.startedAt, completedAt: answers.completedAt });
    // A workshop file is one respondent per group (SPEC §4.1).
    if (result.groups) {
      for (const g of result.groups) {
        const identity = { file: groupFileName(file, g.respondent.role ?? ''), ...g.respondent };
        reference.accumulator.add({ ...identity, answers: g.answers, classified: g.classified });
      }
    } else {
      reference.accumulator.add({ file, ...answers.respondent, answers: answers.answers, classified: result.classified });
    }
  }
  for (const path of surveys) {
    if (!survey || !surveyQuestionnaire || !reference) break;
    const read = await survey.foldSurveyExport(path, reference.accumulator, surveyQuestionnaire, { roleColumn: options.roleColumn });
    for (const problem of read.problems) problems.push(problem);
    warnings.push(...read.warnings);
    files.push(path);
  }

  if (problems.length > 0) throw new InvalidInputError(problems);
  if (groups.size > 1) throw mixedQuestionnaires([...groups.values()]);
  if (!reference)
    throw new UserError(`no answer files in ${paths.join(', ')}`, { hint: 'the folders hold only questionnaires or reports' });

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
    warnings.push(
      `"${lang}" is not a language of the questionnaire (${reference.languages.join(', ')}); texts fall back to ${merged.index.defaultLang}`,
    );
  }
  const report = buildReport(merged, {
    lang: lang ?? merged.index.defaultLang,
    target: options.target,
    spread: options.spread,
    discuss: options.discuss,
    phaseMonths: options.phaseMonths,
    notes: options.notes,
    assessment: meta.result(),
    detail: options.detail,
    gates: options.gates,
    warnings,
    generatedAt: options.now,
  });
  return { report, failedGates: report.gates.filter((g) => !g.passed), files, questionnairePath: reference.path };
}

/** SPEC §4 `facilitator`, read whether or not this build's answer schema declares it yet. */
function facilitatorOf(answers: object): string | undefined {
  return 'facilitator' in answers && typeof answers.facilitator === 'string' ? answers.facilitator : undefined;
}

interface QuestionnaireGroup {
  id: string;
  path: string;
  firstFiles: string[];
  count: number;
}

function mixedQuestionnaires(groups: QuestionnaireGroup[]): UserError {
  const lines = groups.map((g) => {
    const shown = g.firstFiles.join(', ') + (g.count > 3 ? ` and ${g.count - 3} more` : '');
    return `  ${g.id} (${displayPath(g.path)}): ${shown}`;
  });
  return new UserError(`the answer files answer different questionnaires:\n${lines.join('\n')}`, {
    hint: 'score the answers to each questionnaire separately',
  });
}
