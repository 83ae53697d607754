import { formatScore } from './format-score.js';
import type { IndexedQuestionnaire } from './questionnaire-index.js';
import { levelIndexOf, reaches } from './levels.js';

/** A CI gate: `--fail-under N` or `--min-level CAP=LEVEL` (CAP may be `*`, every capability). */
export type GateRule = { kind: 'fail-under'; threshold: number } | { kind: 'min-level'; capability: string; level: string };

export interface GateResult {
  rule: string;
  passed: boolean;
  detail: string;
}

export interface GateInput {
  overall: number | null;
  capabilities: readonly { id: string; score: number | null }[];
}

/** `CAP=LEVEL` → a rule; undefined when the text is not of that shape. Ids are checked later, against the questionnaire. */
export function parseMinLevel(text: string): GateRule | undefined {
  const match = /^\s*([^=\s]+)\s*=\s*([^=\s]+)\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { kind: 'min-level', capability: match[1], level: match[2] };
}

/** Unknown capability or level ids, one message each (an exit-2 usage error, not a failed gate). */
export function checkGateRules(index: IndexedQuestionnaire, rules: readonly GateRule[]): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'min-level') continue;
    if (rule.capability !== '*' && !index.capabilityById.has(rule.capability)) {
      problems.push(
        `--min-level ${rule.capability}=${rule.level}: unknown capability "${rule.capability}" (known: ${index.capabilities.map((c) => c.id).join(', ')})`,
      );
    }
    if (!index.levelById.has(rule.level)) {
      problems.push(
        `--min-level ${rule.capability}=${rule.level}: unknown level "${rule.level}" (known: ${index.levels.map((l) => l.id).join(', ')})`,
      );
    }
  }
  return problems;
}

/**
 * Every rule must hold; `*` expands to one gate per capability. A capability without a score fails
 * a level gate (nothing shows it has reached the level), and so does an overall without a score.
 * Scores reaching a threshold within 1e-9 pass, as for levels.
 */
export function evaluateGates(index: IndexedQuestionnaire, rules: readonly GateRule[], input: GateInput): GateResult[] {
  const results: GateResult[] = [];
  for (const rule of rules) {
    if (rule.kind === 'fail-under') {
      const score = input.overall;
      const passed = score !== null && reaches(score, rule.threshold);
      const detail =
        score === null
          ? `overall has no score; ${rule.threshold} required`
          : `overall ${formatScore(score)} ${passed ? 'meets' : 'is below'} ${rule.threshold}`;
      results.push({ rule: `overall >= ${rule.threshold}`, passed, detail });
      continue;
    }
    const required = index.levelById.get(rule.level);
    if (required === undefined) continue;
    const targets = rule.capability === '*' ? input.capabilities : input.capabilities.filter((c) => c.id === rule.capability);
    for (const cap of targets) {
      const level = levelIndexOf(cap.score, index.levels);
      const passed = cap.score !== null && level >= required;
      const detail =
        cap.score === null
          ? `${cap.id} has no score (not assessed); ${rule.level} required`
          : `${cap.id} ${formatScore(cap.score)} (${index.levels[level]?.id ?? '—'}) ${passed ? 'meets' : 'is below'} ${rule.level}`;
      results.push({ rule: `${cap.id} >= ${rule.level}`, passed, detail });
    }
  }
  return results;
}
