import type { CapabilityDiff, DiffResult, DiffSide, DiffStatus, QuestionDiff, QuestionSide } from '../model/diff-report.js';
import type { Report, ReportCapability } from '../model/report.js';
import { DEFAULT_TOLERANCE } from './defaults.js';
import { isSameScore, levelOf, reaches } from './levels.js';
import { respondentCountOf } from './respondent-entries.js';
import { WeightedMean } from './weighted-mean.js';

type Question = NonNullable<Report['questions']>[number];
type Level = Report['levels'][number];

export interface DiffOptions {
  /** Changes within ±tolerance points count as unchanged (default DEFAULT_TOLERANCE). */
  tolerance?: number | undefined;
  /** Compute the questions whose answers changed. */
  detail?: boolean;
  /** Where each side came from, for the output; defaults name the sides "before" and "after". */
  before?: Pick<DiffSide, 'source' | 'kind'>;
  after?: Pick<DiffSide, 'source' | 'kind'>;
}

/** Two reports of different questionnaires have nothing to compare; the command says what to do instead. */
export class DifferentQuestionnairesError extends Error {
  constructor(
    readonly before: string,
    readonly after: string,
  ) {
    super(`cannot compare different questionnaires: before is "${before}", after is "${after}"`);
    this.name = 'DifferentQuestionnairesError';
  }
}

/** Compares two reports of the same questionnaire: what both have is compared, the rest is warned about. */
export function diffReports(before: Report, after: Report, options: DiffOptions): DiffResult {
  if (before.questionnaire.id !== after.questionnaire.id) {
    throw new DifferentQuestionnairesError(before.questionnaire.id, after.questionnaire.id);
  }
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const warnings: string[] = [];
  const vBefore = before.questionnaire.version;
  const vAfter = after.questionnaire.version;
  if (vBefore !== vAfter) {
    warnings.push(`questionnaire versions differ (before ${vBefore}, after ${vAfter}): only what both versions have is compared`);
  }

  const beforeCaps = new Map(before.capabilities.map((c) => [c.id, c]));
  const afterCaps = new Map(after.capabilities.map((c) => [c.id, c]));
  const capabilities: CapabilityDiff[] = [];
  for (const cap of after.capabilities) {
    const old = beforeCaps.get(cap.id);
    if (!old) warnings.push(`capability "${cap.id}" is only in the after questionnaire (${vAfter}): shown as new, not compared`);
    capabilities.push(diffCapability(old, cap, before.levels, after.levels, tolerance));
  }
  for (const old of before.capabilities) {
    if (afterCaps.has(old.id)) continue;
    warnings.push(`capability "${old.id}" is only in the before questionnaire (${vBefore}): shown as not assessed, not compared`);
    capabilities.push(diffCapability(old, undefined, before.levels, after.levels, tolerance));
  }

  const common = after.capabilities.filter((c) => beforeCaps.has(c.id)).map((c) => c.id);
  const sameSets = common.length === before.capabilities.length && common.length === after.capabilities.length;
  let overallBefore = before.overall.score;
  let overallAfter = after.overall.score;
  if (!sameSets) {
    overallBefore = weightedScore(before.capabilities, common);
    overallAfter = weightedScore(after.capabilities, common);
    warnings.push(
      `overall compared over the ${common.length} ${common.length === 1 ? 'capability' : 'capabilities'} both questionnaires have`,
    );
  }
  const overall = {
    ...compare(overallBefore, overallAfter, tolerance),
    level: levelChange(
      sameSets ? before.overall.level : levelOf(overallBefore, before.levels),
      sameSets ? after.overall.level : levelOf(overallAfter, after.levels),
      before.levels,
      after.levels,
    ),
    basis: sameSets ? ('reported' as const) : ('common-capabilities' as const),
  };

  const questions = diffQuestions(before, after, warnings);
  if (options.detail) {
    for (const [side, report] of [
      ['before', before],
      ['after', after],
    ] as const) {
      const source = options[side]?.source ?? side;
      if (!report.questions) warnings.push(`${source} has no per-question detail (write it with cxm score --detail --format json)`);
    }
  }

  // The sides' own warnings (an unfinished assessment, a language fallback…) still matter here.
  for (const [name, report] of [
    ['before', before],
    ['after', after],
  ] as const) {
    warnings.push(...report.warnings.map((w) => `${name}: ${w}`));
  }

  const count = (status: DiffStatus) => capabilities.filter((c) => c.status === status).length;
  const regressions = capabilities.filter((c) => c.status === 'regressed').map((c) => c.id);
  if (overall.status === 'regressed') regressions.push('overall');
  return {
    schemaVersion: 1,
    questionnaire: { id: after.questionnaire.id, title: after.questionnaire.title, before: vBefore, after: vAfter },
    tolerance,
    levels: [...after.levels, ...before.levels.filter((l) => !after.levels.some((a) => a.id === l.id))],
    before: side(before, options.before ?? { source: 'before', kind: 'report' }),
    after: side(after, options.after ?? { source: 'after', kind: 'report' }),
    overall,
    capabilities,
    summary: {
      improved: count('improved'),
      regressed: count('regressed'),
      unchanged: count('unchanged'),
      new: count('new'),
      notAssessed: count('not-assessed'),
    },
    regressions,
    ...(options.detail && questions ? { questions } : {}),
    warnings,
  };
}

function side(report: Report, info: Pick<DiffSide, 'source' | 'kind'>): DiffSide {
  return {
    source: info.source,
    kind: info.kind,
    questionnaireVersion: report.questionnaire.version,
    generatedAt: report.generatedAt,
    respondents: respondentCountOf(report),
  };
}

function diffCapability(
  before: ReportCapability | undefined,
  after: ReportCapability | undefined,
  beforeLevels: readonly Level[],
  afterLevels: readonly Level[],
  tolerance: number,
): CapabilityDiff {
  const any = after ?? before;
  if (!any) throw new Error('diffCapability needs at least one side');
  return {
    id: any.id,
    title: any.title,
    presence: before && after ? 'both' : before ? 'before-only' : 'after-only',
    ...compare(before?.score ?? null, after?.score ?? null, tolerance),
    level: levelChange(before?.level ?? null, after?.level ?? null, beforeLevels, afterLevels),
  };
}

/** Before, after, delta and status of two scores. */
export function compare(before: number | null, after: number | null, tolerance: number) {
  if (after === null) return { before, after, delta: null, status: 'not-assessed' as DiffStatus };
  if (before === null) return { before, after, delta: null, status: 'new' as DiffStatus };
  const delta = after - before;
  return { before, after, delta, status: changeStatus(delta, tolerance) };
}

/** A change within ±tolerance points (give or take noise) is unchanged; a question's change uses tolerance 0. */
export function changeStatus(delta: number, tolerance: number): DiffStatus {
  if (reaches(tolerance, Math.abs(delta))) return 'unchanged';
  return delta > 0 ? 'improved' : 'regressed';
}

function levelChange(before: string | null, after: string | null, beforeLevels: readonly Level[], afterLevels: readonly Level[]) {
  const minBefore = beforeLevels.find((l) => l.id === before)?.min;
  const minAfter = afterLevels.find((l) => l.id === after)?.min;
  let change: 'up' | 'down' | 'same' | null = null;
  if (minBefore !== undefined && minAfter !== undefined) change = minAfter > minBefore ? 'up' : minAfter < minBefore ? 'down' : 'same';
  return { before, after, change };
}

/** SPEC §5 overall score, restricted to the capabilities in `ids`. */
function weightedScore(capabilities: readonly ReportCapability[], ids: readonly string[]): number | null {
  const mean = new WeightedMean();
  for (const cap of capabilities) if (cap.score !== null && ids.includes(cap.id)) mean.add(cap.score, cap.weight);
  return mean.mean;
}

/** Changed questions both sides have; warns about questions on one side only. Undefined without detail on both sides. */
function diffQuestions(before: Report, after: Report, warnings: string[]): QuestionDiff[] | undefined {
  if (!before.questions || !after.questions) return undefined;
  // A capability on one side only has had its warning; its questions need none of their own.
  const inBoth = new Set(before.capabilities.filter((c) => after.capabilities.some((a) => a.id === c.id)).map((c) => c.id));
  const oneSided = (q: Question, side: 'before' | 'after', version: string) =>
    `question "${q.id}" is only in the ${side} questionnaire (${version}): not compared, and the scores of "${q.capability}" cover different questions`;
  const beforeQs = new Map(before.questions.map((q) => [q.id, q]));
  const afterIds = new Set(after.questions.map((q) => q.id));
  const changed: QuestionDiff[] = [];
  for (const q of after.questions) {
    const old = beforeQs.get(q.id);
    if (!old) {
      if (inBoth.has(q.capability)) warnings.push(oneSided(q, 'after', after.questionnaire.version));
      continue;
    }
    const b = questionSide(old);
    const a = questionSide(q);
    if (!hasChanged(old, q, b, a)) continue;
    const delta = b.score !== null && a.score !== null ? a.score - b.score : null;
    changed.push({ id: q.id, capability: q.capability, text: q.text, before: b, after: a, delta });
  }
  for (const old of before.questions) {
    if (!afterIds.has(old.id) && inBoth.has(old.capability)) warnings.push(oneSided(old, 'before', before.questionnaire.version));
  }
  return changed;
}

function questionSide(q: Question): QuestionSide {
  const base = { score: q.score, respondents: q.answers.length, counted: q.counted };
  const only = q.answers.length === 1 ? q.answers[0] : undefined;
  if (!only) return base;
  return { ...base, value: only.value, hidden: only.hidden, ...(only.note !== undefined ? { note: only.note } : {}) };
}

function hasChanged(old: Question, q: Question, b: QuestionSide, a: QuestionSide): boolean {
  if ((b.score === null) !== (a.score === null)) return true;
  if (b.score !== null && a.score !== null && !isSameScore(a.score, b.score)) return true;
  if (old.counted !== q.counted || old.notApplicable !== q.notApplicable || old.hidden !== q.hidden || old.unanswered !== q.unanswered) {
    return true;
  }
  return b.value !== a.value || b.note !== a.note || b.hidden !== a.hidden;
}
