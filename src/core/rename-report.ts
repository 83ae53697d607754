import type { Report } from '../model/report.js';
import { copyWith } from './lazy-copy.js';

export interface Renames {
  /** Ids of an earlier version → the current id that `replaces` them. */
  capabilities: ReadonlyMap<string, string>;
  questions: ReadonlyMap<string, string>;
}

/**
 * An earlier version's report with its ids renamed to the later version's, so that `cxm diff`
 * compares a capability or question with the one that replaces it (SPEC §3). An id that is
 * claimed is renamed only when the report does not already hold the new id.
 */
export function renameReport(report: Report, renames: Renames): Report {
  const capIds = new Set(report.capabilities.map((c) => c.id));
  const questionIds = new Set((report.questions ?? []).map((q) => q.id));
  const cap = (id: string) => {
    const to = renames.capabilities.get(id);
    return to !== undefined && !capIds.has(to) ? to : id;
  };
  const question = (id: string) => {
    const to = renames.questions.get(id);
    return to !== undefined && !questionIds.has(to) ? to : id;
  };
  return copyWith(report, {
    capabilities: report.capabilities.map((c) => copyWith(c, { id: cap(c.id), requires: c.requires.map(cap) })),
    byRole: Object.fromEntries(
      Object.entries(report.byRole).map(([role, scores]) => [
        role,
        Object.fromEntries(Object.entries(scores).map(([id, s]) => [cap(id), s])),
      ]),
    ),
    roadmap: report.roadmap.map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s, capability: cap(s.capability) })) })),
    notAssessed: report.notAssessed.map(cap),
    ...(report.questions && { questions: report.questions.map((q) => ({ ...q, id: question(q.id), capability: cap(q.capability) })) }),
  });
}

/** Whether semantic version `a` is older than `b` (pre-release and build tags ignored). */
export function isOlderVersion(a: string, b: string): boolean {
  const parts = (v: string) => v.split(/[-+]/)[0]?.split('.').map(Number) ?? [];
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}
