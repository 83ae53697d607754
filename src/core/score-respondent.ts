import type { AnswerEntry } from '../model/answers.js';
import type { IndexedQuestionnaire } from './questionnaire-index.js';
import { WeightedMean } from './weighted-mean.js';
import { classifyAnswers, COUNTED, HIDDEN, type ClassifiedAnswers } from './visibility.js';

export interface ScoreWithCoverage {
  /** 0-100, or null when nothing was counted (never 0). */
  score: number | null;
  /** Counted / visible questions, 0-1; 0 when nothing is visible. */
  coverage: number;
}

export interface ScoreSet {
  capabilities: ScoreWithCoverage[];
  overall: ScoreWithCoverage;
}

export interface RespondentScore extends ScoreSet {
  answers: ClassifiedAnswers;
  /** Per question: q in 0…1, NaN when not counted. */
  q: Float64Array;
}

/** One respondent's scores (SPEC §5). */
export function scoreRespondent(index: IndexedQuestionnaire, answers: Readonly<Record<string, AnswerEntry>>): RespondentScore {
  return scoreClassified(index, classifyAnswers(index, answers));
}

/** The same from answers already classified (a worker thread classifies; the main thread merges). */
export function scoreClassified(index: IndexedQuestionnaire, classified: ClassifiedAnswers): RespondentScore {
  const q = new Float64Array(index.questions.length).fill(NaN);
  const visible = new Uint8Array(index.questions.length);
  for (const question of index.questions) {
    const i = question.index;
    visible[i] = classified.status[i] === HIDDEN ? 0 : 1;
    if (classified.status[i] === COUNTED) q[i] = question.normalized[classified.option[i] ?? -1] ?? NaN;
  }
  return { ...scoreQuestions(index, q, visible), answers: classified, q };
}

/**
 * Capability and overall scores from per-question q (NaN: not counted) and visibility. One
 * respondent and a merge of many both come through here, so a merge of one equals that respondent.
 */
export function scoreQuestions(index: IndexedQuestionnaire, q: Float64Array, visible: Uint8Array): ScoreSet {
  let countedAll = 0;
  let visibleAll = 0;
  const overall = new WeightedMean();
  const capabilityMean = new WeightedMean();
  const capabilities = index.capabilities.map((cap): ScoreWithCoverage => {
    capabilityMean.reset();
    let counted = 0;
    let shown = 0;
    for (const i of cap.questions) {
      if (visible[i]) shown++;
      const value = q[i] ?? NaN;
      if (Number.isNaN(value)) continue;
      capabilityMean.add(value, index.questions[i]?.weight ?? 1);
      counted++;
    }
    countedAll += counted;
    visibleAll += shown;
    // Averaging fractions and scaling last keeps every score ≤ 100 despite rounding.
    const fraction = capabilityMean.mean;
    if (fraction === null) return { score: null, coverage: ratio(counted, shown) };
    overall.add(fraction, cap.weight);
    return { score: 100 * fraction, coverage: ratio(counted, shown) };
  });
  const overallFraction = overall.mean;
  return {
    capabilities,
    overall: { score: overallFraction === null ? null : 100 * overallFraction, coverage: ratio(countedAll, visibleAll) },
  };
}

function ratio(counted: number, visible: number): number {
  return visible > 0 ? counted / visible : 0;
}
