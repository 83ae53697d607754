import type { Report, ReportCapability } from '../model/report.js';
import { localize } from '../model/text.js';
import { applicableAdvice } from './advice.js';
import { type AssessmentMeta, commonOrganization } from './assessment-meta.js';
import { DEFAULT_DISCUSS, DEFAULT_PHASE_MONTHS, DEFAULT_SPREAD } from './defaults.js';
import { discussionAgenda } from './discussion.js';
import { evaluateGates, type GateRule } from './gates.js';
import { levelIndexOf, reaches } from './levels.js';
import type { MergeResult } from './merge.js';
import type { IndexedQuestionnaire } from './questionnaire-index.js';
import { actionOf, doneWhenOf, hasDoneWhen } from './recommendations.js';
import { summarizeCapabilities } from './report-summary.js';
import { registerReportRespondents, registerRespondentEntries } from './respondent-entries.js';
import { planRoadmap } from './roadmap.js';

export interface BuildReportOptions {
  /** Report language; default the questionnaire's default language. */
  lang?: string | undefined;
  /** Target level id overriding the questionnaire's; check it first with `resolveTarget`. */
  target?: string | undefined;
  /** Spread that flags a disagreement (points, default 25). */
  spread?: number | undefined;
  /** Question spread that puts a question on the discussion agenda (points, default 50). */
  discuss?: number | undefined;
  /** Months each roadmap phase is planned to take (default 3); 0 gives phases no horizon. */
  phaseMonths?: number | undefined;
  /** Leave notes and evidence out (--no-notes). */
  notes?: boolean | undefined;
  /** Facilitator and dates gathered from the answer files; absent: none known. */
  assessment?: AssessmentMeta | undefined;
  detail?: boolean | undefined;
  gates?: readonly GateRule[] | undefined;
  warnings?: readonly string[] | undefined;
  generatedAt?: Date | undefined;
}

/** The target level index: the given id, else the questionnaire's target; undefined for an unknown id. */
export function resolveTarget(index: IndexedQuestionnaire, target: string | undefined): number | undefined {
  return target === undefined ? index.targetLevel : index.levelById.get(target);
}

/** The JSON report contract (SPEC §7) from a finished merge. */
export function buildReport(merged: MergeResult, options: BuildReportOptions = {}): Report {
  const { index } = merged;
  const q = index.questionnaire;
  const lang = options.lang ?? index.defaultLang;
  const text = (t: Parameters<typeof localize>[0]) => localize(t, lang, index.defaultLang);
  const optionalText = (t: Parameters<typeof localize>[0]) => (t === undefined ? null : text(t));
  const target = resolveTarget(index, options.target);
  if (target === undefined) throw new Error(`unknown target level "${options.target}"`);
  const threshold = options.spread ?? DEFAULT_SPREAD;
  const levelId = (i: number) => index.levels[i]?.id ?? null;
  const { respondents } = merged;
  // `--target` overrides every capability's own target (SPEC §6).
  const targetOf = (c: number) => (options.target !== undefined ? target : (index.capabilities[c]?.targetLevel ?? target));
  const phaseMonths = options.phaseMonths ?? DEFAULT_PHASE_MONTHS;
  const discuss = options.discuss ?? DEFAULT_DISCUSS;

  const capabilities = q.capabilities.map((cap, c): ReportCapability => {
    const { score, coverage } = merged.capabilities[c] ?? { score: null, coverage: 0 };
    const level = levelIndexOf(score, index.levels);
    const spread = merged.respondents.spread(c);
    const current = levelId(level);
    const own = targetOf(c);
    const steps = current !== null && level < own ? (cap.recommendations?.[current] ?? []) : [];
    const description = current !== null ? cap.levelDescriptions?.[current] : undefined;
    return {
      id: cap.id,
      title: text(cap.title),
      weight: cap.weight ?? 1,
      requires: cap.requires ?? [],
      score,
      level: current,
      coverage,
      // Built when read, and not kept: JSON.stringify reads it once, and the other formats list
      // respondents only for a workshop (≤ 12). A survey of 20,000 files would otherwise hold
      // 20,000 entries per capability.
      get respondents() {
        return respondents.capabilityEntries(c);
      },
      spread,
      disagreement: spread !== null && reaches(spread, threshold),
      nextSteps: steps.map((item) => text(actionOf(item))),
      ...(hasDoneWhen(cap.recommendations) && { doneWhen: steps.map((item) => optionalText(doneWhenOf(item))) }),
      target: levelId(own) ?? '',
      ...(description !== undefined && { levelDescription: text(description) }),
      ...(cap.questions.some((question) => question.advice) && {
        advice: applicableAdvice(index, merged.questions, c).map((a) => ({ question: a.question, text: text(a.text) })),
      }),
    };
  });
  for (const [c, cap] of capabilities.entries()) registerRespondentEntries(cap, respondents, c);

  const roadmap = planRoadmap(
    capabilities.map((c, i) => ({
      id: c.id,
      score: c.score,
      level: levelIndexOf(c.score, index.levels),
      requires: c.requires,
      target: targetOf(i),
    })),
    target,
  ).map(({ phase, steps }) => ({
    phase,
    ...(phaseMonths > 0 && { months: { from: (phase - 1) * phaseMonths + 1, to: phase * phaseMonths } }),
    steps: steps.map((s) => {
      const fromLevel = levelId(s.fromLevel) ?? '';
      const recommendations = q.capabilities[index.capabilityById.get(s.capability) ?? -1]?.recommendations;
      const items = recommendations?.[fromLevel] ?? [];
      return {
        capability: s.capability,
        fromLevel,
        toLevel: levelId(s.toLevel) ?? '',
        actions: items.map((item) => text(actionOf(item))),
        ...(hasDoneWhen(recommendations) && { doneWhen: items.map((item) => optionalText(doneWhenOf(item))) }),
      };
    }),
  }));

  const overallScore = merged.overall.score;
  const identity = (r: number) => {
    const { name, role, organization, file } = respondents.identity(r);
    const { unanswered, notApplicable } = respondents.gaps(r);
    // One literal shape: a spread of two objects gave every entry a hidden class of its own (24 MB at 100,000 rows).
    return { name, role, organization, file, unanswered, notApplicable };
  };
  // Built on first read and kept: the JSON writer of a large survey takes the entries one at a time
  // instead (respondent-entries.ts), so 100,000 of them are never alive at once.
  let identities: Report['respondents'] | undefined;
  const listRespondents = () => {
    identities ??= Array.from({ length: respondents.length }, (_, r) => identity(r));
    return identities;
  };
  const report: Report = {
    schemaVersion: 1,
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    lang,
    questionnaire: { id: q.id, version: q.version, title: text(q.title) },
    organization: commonOrganization(organizationsOf(respondents)),
    facilitator: options.assessment?.facilitator ?? null,
    assessedAt: options.assessment?.assessedAt ?? null,
    target: levelId(target) ?? '',
    levels: q.levels.map((l) => ({ id: l.id, min: l.min, label: text(l.label) })),
    get respondents() {
      return listRespondents();
    },
    overall: { score: overallScore, level: levelId(levelIndexOf(overallScore, index.levels)), coverage: merged.overall.coverage },
    summary: summarizeCapabilities(
      // Field by field, not a spread: a spread reads `respondents`, which builds every respondent's entry.
      capabilities.map(({ id, score, spread, disagreement }, i) => ({
        id,
        score,
        spread,
        disagreement,
        belowTarget: score !== null && levelIndexOf(score, index.levels) < targetOf(i),
      })),
    ),
    capabilities,
    byRole: Object.fromEntries(
      merged.byRole.map(({ role, capabilities: scores }) => [
        role,
        Object.fromEntries(q.capabilities.map((cap, c) => [cap.id, scores[c] ?? null])),
      ]),
    ),
    roadmap,
    notAssessed: capabilities.filter((c) => c.score === null).map((c) => c.id),
    gates: evaluateGates(index, options.gates ?? [], { overall: overallScore, capabilities }),
    warnings: [...(options.warnings ?? [])],
    spreadThreshold: threshold,
    discussThreshold: discuss,
    discussion: discussionRows(merged, discuss, text),
    ...(options.notes !== false && { notes: noteRows(merged, text) }),
    ...(options.detail && { questions: detailRows(merged, text, options.notes !== false) }),
  };
  registerReportRespondents(report, respondents.length, identity);
  return report;
}

function* organizationsOf(respondents: MergeResult['respondents']): Generator<string | undefined> {
  for (let r = 0; r < respondents.length; r++) yield respondents.identity(r).organization;
}

type Localize = (t: Parameters<typeof localize>[0]) => string;

function discussionRows(merged: MergeResult, threshold: number, text: Localize): NonNullable<Report['discussion']> {
  const { index, respondents } = merged;
  const q = index.questionnaire;
  return discussionAgenda(merged, threshold).map((item) => {
    const question = index.questions[item.question];
    const source = q.capabilities[question?.capability ?? -1]?.questions.find((x) => x.id === question?.id);
    const options = source ? q.scales[source.scale]?.options : undefined;
    return {
      question: question?.id ?? '',
      capability: q.capabilities[question?.capability ?? -1]?.id ?? '',
      ...(source && { text: text(source.text) }),
      spread: item.spread,
      answers: item.answers.map((a) => {
        const who = a.respondent === undefined ? undefined : respondents.identity(a.respondent);
        const label = a.option === undefined ? undefined : options?.[a.option]?.label;
        return {
          ...(who?.name !== undefined && { name: who.name }),
          ...((who?.role ?? a.role) !== undefined && { role: who?.role ?? a.role }),
          ...(who && { file: who.file }),
          value: a.value,
          ...(label !== undefined && { label: text(label) }),
        };
      }),
    };
  });
}

/** Notes and evidence grouped by question (questionnaire order), each with who gave it. */
function noteRows(merged: MergeResult, text: Localize): NonNullable<Report['notes']> {
  const { index, respondents } = merged;
  const byQuestion = new Map<number, (typeof merged.notes)[number][]>();
  for (const note of merged.notes) {
    const list = byQuestion.get(note.question);
    if (list) list.push(note);
    else byQuestion.set(note.question, [note]);
  }
  return [...byQuestion.keys()]
    .sort((a, b) => a - b)
    .map((i) => {
      const question = index.questions[i];
      const cap = index.questionnaire.capabilities[question?.capability ?? -1];
      const source = cap?.questions.find((x) => x.id === question?.id);
      return {
        question: question?.id ?? '',
        capability: cap?.id ?? '',
        text: source ? text(source.text) : (question?.id ?? ''),
        answers: (byQuestion.get(i) ?? []).map((n) => {
          const who = respondents.identity(n.respondent);
          return {
            ...(who.name !== undefined && { name: who.name }),
            ...(who.role !== undefined && { role: who.role }),
            file: who.file,
            ...(n.note !== undefined && { note: n.note }),
            ...(n.evidence !== undefined && { evidence: n.evidence }),
          };
        }),
      };
    });
}

/** `withNotes` false (--no-notes): the answers' notes are left out here too, so no format carries one. */
function detailRows(
  merged: MergeResult,
  text: (t: Parameters<typeof localize>[0]) => string,
  withNotes: boolean,
): NonNullable<Report['questions']> {
  const q = merged.index.questionnaire;
  return q.capabilities.flatMap((cap) =>
    cap.questions.map((question) => {
      const i = merged.index.questionById.get(question.id) ?? -1;
      const summary = merged.questions[i] ?? { score: null, counted: 0, notApplicable: 0, hidden: 0, unanswered: 0 };
      const answers = merged.answers?.[i] ?? [];
      return {
        id: question.id,
        capability: cap.id,
        text: text(question.text),
        ...summary,
        answers: withNotes ? answers : answers.map(({ note: _note, ...answer }) => answer),
      };
    }),
  );
}
