import { Document, isMap, isScalar, isSeq } from 'yaml';
import { mergeFieldEdits } from '../core/merge-answer-edits.js';
import { mergeWorkshopEdits } from '../core/merge-workshop-edits.js';
import type { WorkshopAnswers } from '../core/workshop-state.js';
import type { Group, WorkshopFile } from '../model/workshop.js';
import { FileGuard, type GuardCodec, type GuardedSaveResult } from './guarded-save.js';

/** What `cxm run --groups` writes (SPEC §4.1), with the keys in the order a reader expects. */
export interface RunWorkshopFile {
  $schema?: string | undefined;
  questionnaire: string;
  questionnaireVersion: string;
  groups: readonly Group[];
  organization?: string | undefined;
  lang: string;
  facilitator?: string | undefined;
  startedAt: string;
  completedAt?: string | undefined;
  /** `--report`, relative to the workshop file's folder: honoured again on resume. */
  report?: string | undefined;
  answers: WorkshopAnswers;
}

/** YAML (a group and a question's votes on one line each, as in SPEC §4.1), or JSON for a `.json` file. */
export function serializeWorkshopFile(file: RunWorkshopFile, path = ''): string {
  const data: WorkshopFile = {
    ...(file.$schema !== undefined ? { $schema: file.$schema } : {}),
    questionnaire: file.questionnaire,
    questionnaireVersion: file.questionnaireVersion,
    groups: file.groups.map((g) => ({ id: g.id, name: g.name })),
    ...(file.organization !== undefined && file.organization !== '' ? { respondent: { organization: file.organization } } : {}),
    lang: file.lang,
    ...(file.facilitator !== undefined && file.facilitator !== '' ? { facilitator: file.facilitator } : {}),
    startedAt: file.startedAt,
    ...(file.completedAt !== undefined ? { completedAt: file.completedAt } : {}),
    ...(file.report !== undefined ? { report: file.report } : {}),
    answers: { ...file.answers },
  };
  if (/\.json$/i.test(path)) return `${JSON.stringify(data, null, 2)}\n`;
  const doc = new Document(data);
  const respondent = doc.get('respondent', true);
  if (isMap(respondent)) respondent.flow = true;
  for (const key of ['groups', 'answers']) {
    const node = doc.get(key, true);
    const items = isSeq(node) ? node.items : isMap(node) ? node.items.map((pair) => pair.value) : [];
    for (const item of items) if (isMap(item)) item.flow = true;
  }
  for (const key of ['startedAt', 'completedAt']) {
    const node = doc.get(key, true);
    // Quoted: YAML 1.1 tools read a bare ISO timestamp as a date (SPEC §4).
    if (isScalar(node)) node.type = 'QUOTE_DOUBLE';
  }
  return `# Written by \`cxm run --groups\`. Continue with: cxm run --resume <this file>\n${doc.toString({ lineWidth: 0 })}`;
}

/** The file as `cxm run` keeps it, from a validated workshop file. */
export function runWorkshopFileOf(file: WorkshopFile, defaults: { version: string; lang: string; startedAt: string }): RunWorkshopFile {
  return {
    ...(file.$schema !== undefined ? { $schema: file.$schema } : {}),
    questionnaire: file.questionnaire,
    questionnaireVersion: file.questionnaireVersion ?? defaults.version,
    groups: file.groups,
    organization: file.respondent?.organization,
    lang: file.lang ?? defaults.lang,
    facilitator: file.facilitator,
    startedAt: file.startedAt ?? defaults.startedAt,
    completedAt: file.completedAt,
    report: file.report,
    answers: file.answers,
  };
}

/** The run's workshop file merged with the other side's (SPEC §8): votes and notes by mergeWorkshopEdits, the header alike. */
export function mergeWorkshopFiles(
  base: RunWorkshopFile,
  mine: RunWorkshopFile,
  theirs: RunWorkshopFile,
): Omit<GuardedSaveResult<RunWorkshopFile>, 'diverted'> {
  const header = (f: RunWorkshopFile) => {
    const { answers: _answers, ...rest } = f;
    return rest;
  };
  const fields = mergeFieldEdits(header(base), header(mine), header(theirs));
  const take = <K extends keyof RunWorkshopFile>(key: K) => (fields.takenFromOther.includes(key) ? theirs[key] : mine[key]);
  const answers = mergeWorkshopEdits(base.answers, mine.answers, theirs.answers);
  return {
    file: {
      $schema: take('$schema'),
      questionnaire: mine.questionnaire,
      questionnaireVersion: take('questionnaireVersion'),
      groups: take('groups'),
      organization: take('organization'),
      lang: take('lang'),
      facilitator: take('facilitator'),
      startedAt: take('startedAt'),
      completedAt: take('completedAt'),
      report: take('report'),
      answers: answers.answers,
    },
    takenFromOther: answers.takenFromOther,
    conflicts: answers.conflicts,
    fieldConflicts: fields.conflicts,
  };
}

const workshopCodec: GuardCodec<RunWorkshopFile, RunWorkshopFile> = {
  serialize: serializeWorkshopFile,
  other(loaded, base) {
    if (!loaded.workshop) return 'it is no longer a workshop file (no groups)';
    if (loaded.workshop.questionnaire !== base.questionnaire) return `it now names questionnaire "${loaded.workshop.questionnaire}"`;
    return runWorkshopFileOf(loaded.workshop, { version: base.questionnaireVersion, lang: base.lang, startedAt: base.startedAt });
  },
  merge: mergeWorkshopFiles,
};

/** The saves of a workshop run: the same guarantees as for an answer file (SPEC §8). */
export class WorkshopFileGuard extends FileGuard<RunWorkshopFile, RunWorkshopFile> {
  constructor(path: string, base: RunWorkshopFile, text: string | Uint8Array) {
    super(path, base, text, workshopCodec);
  }
}
