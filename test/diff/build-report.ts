import type { Report, ReportCapability } from '../../src/model/report.js';

type Question = NonNullable<Report['questions']>[number];

export const LEVELS: Report['levels'] = [
  { id: 'initial', min: 0, label: 'Initial' },
  { id: 'developing', min: 20, label: 'Developing' },
  { id: 'defined', min: 40, label: 'Defined' },
  { id: 'managed', min: 60, label: 'Managed' },
  { id: 'optimized', min: 80, label: 'Optimized' },
];

const levelOf = (score: number | null) => (score === null ? null : ([...LEVELS].reverse().find((l) => l.min <= score + 1e-9)?.id ?? null));

/** A capability with a score (or null) and its level derived from LEVELS. */
export function cap(id: string, score: number | null, extra: Partial<ReportCapability> = {}): ReportCapability {
  return {
    id,
    title: `Title of ${id}`,
    weight: 1,
    requires: [],
    score,
    level: levelOf(score),
    coverage: score === null ? 0 : 1,
    respondents: [],
    spread: null,
    disagreement: false,
    nextSteps: [],
    ...extra,
  };
}

/** A question answered by one respondent (value on a 1-5 scale, or n/a / null). */
export function question(id: string, capability: string, value: number | 'n/a' | null, note?: string): Question {
  const counted = typeof value === 'number';
  const normalized = counted ? (value - 1) / 4 : null;
  return {
    id,
    capability,
    text: `Text of ${id}`,
    score: normalized === null ? null : normalized * 100,
    counted: counted ? 1 : 0,
    notApplicable: value === 'n/a' ? 1 : 0,
    hidden: 0,
    unanswered: value === null ? 1 : 0,
    answers: [{ file: 'a.yaml', value, normalized, hidden: false, ...(note !== undefined ? { note } : {}) }],
  };
}

export function report(capabilities: ReportCapability[], extra: Partial<Report> = {}): Report {
  const scored = capabilities.filter((c) => c.score !== null);
  const overall = scored.length
    ? scored.reduce((s, c) => s + c.weight * (c.score ?? 0), 0) / scored.reduce((s, c) => s + c.weight, 0)
    : null;
  return {
    schemaVersion: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    lang: 'en',
    questionnaire: { id: 'cxm-playbook', version: '1.0.0', title: 'CXM Playbook' },
    target: 'managed',
    levels: LEVELS,
    respondents: [{ file: 'a.yaml' }],
    overall: { score: overall, level: levelOf(overall), coverage: 1 },
    capabilities,
    byRole: {},
    roadmap: [],
    notAssessed: capabilities.filter((c) => c.score === null).map((c) => c.id),
    gates: [],
    warnings: [],
    ...extra,
  };
}
