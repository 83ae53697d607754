import type { Condition, Questionnaire } from '../model/questionnaire.js';
import { normalize, scaleBounds } from './scale.js';

export interface IndexedQuestion {
  id: string;
  /** Position in questionnaire order (all capabilities flattened). */
  index: number;
  capability: number;
  weight: number;
  /** The scale's option values and their normalised q, in the scale's order. */
  values: readonly number[];
  normalized: readonly number[];
  optionOf: ReadonlyMap<number, number>;
  /** Offset of this question's options in a flat per-option tally. */
  optionOffset: number;
  when: Condition | undefined;
  /** Index of the question `when` refers to (always earlier), or -1. */
  whenIndex: number;
  /** `ifHidden: lowest`: the option (index into `values`) it counts as while hidden; else -1. */
  hiddenOption: number;
}

export interface IndexedCapability {
  id: string;
  index: number;
  weight: number;
  requires: readonly string[];
  questions: readonly number[];
  /** Index of this capability's own target level, else the questionnaire's. */
  targetLevel: number;
}

/** A questionnaire prepared once for scoring: batch scoring reads it thousands of times. */
export interface IndexedQuestionnaire {
  questionnaire: Questionnaire;
  questions: readonly IndexedQuestion[];
  questionById: ReadonlyMap<string, number>;
  capabilities: readonly IndexedCapability[];
  capabilityById: ReadonlyMap<string, number>;
  levels: readonly { id: string; min: number }[];
  levelById: ReadonlyMap<string, number>;
  /** Index of the questionnaire's target level (default: the last level). */
  targetLevel: number;
  /** Total number of scale options over all questions: the size of a flat tally. */
  optionCount: number;
  defaultLang: string;
}

const cache = new WeakMap<Questionnaire, IndexedQuestionnaire>();

export function indexQuestionnaire(q: Questionnaire): IndexedQuestionnaire {
  const cached = cache.get(q);
  if (cached) return cached;

  const scales = new Map(
    Object.entries(q.scales).map(([name, scale]) => {
      const bounds = scaleBounds(scale);
      const values = scale.options.map((o) => o.value);
      return [name, { values, normalized: values.map((v) => normalize(v, bounds)), optionOf: new Map(values.map((v, i) => [v, i])) }];
    }),
  );
  const questions: IndexedQuestion[] = [];
  const questionById = new Map<string, number>();
  let optionOffset = 0;
  const capabilities = q.capabilities.map((cap, c) => {
    const indices: number[] = [];
    for (const question of cap.questions) {
      const scale = scales.get(question.scale);
      if (!scale) throw new Error(`unknown scale "${question.scale}" (the questionnaire was not validated)`);
      const index = questions.length;
      questions.push({
        id: question.id,
        index,
        capability: c,
        weight: question.weight ?? 1,
        ...scale,
        optionOffset,
        when: question.when,
        whenIndex: question.when ? (questionById.get(question.when.question) ?? -1) : -1,
        hiddenOption: question.ifHidden === 'lowest' ? lowestOption(scale.values) : -1,
      });
      questionById.set(question.id, index);
      optionOffset += scale.values.length;
      indices.push(index);
    }
    return { id: cap.id, index: c, weight: cap.weight ?? 1, requires: cap.requires ?? [], questions: indices, target: cap.target };
  });

  const levels = q.levels.map((l) => ({ id: l.id, min: l.min }));
  const levelById = new Map(levels.map((l, i) => [l.id, i]));
  const targetLevel = q.target !== undefined ? (levelById.get(q.target) ?? levels.length - 1) : levels.length - 1;
  const indexed: IndexedQuestionnaire = {
    questionnaire: q,
    questions,
    questionById,
    capabilities: capabilities.map(({ target, ...cap }) => ({
      ...cap,
      targetLevel: target !== undefined ? (levelById.get(target) ?? targetLevel) : targetLevel,
    })),
    capabilityById: new Map(capabilities.map((c) => [c.id, c.index])),
    levels,
    levelById,
    targetLevel,
    optionCount: optionOffset,
    defaultLang: q.languages?.[0] ?? 'en',
  };
  cache.set(q, indexed);
  return indexed;
}

/** The option with the smallest value: q = 0. */
function lowestOption(values: readonly number[]): number {
  let lowest = 0;
  values.forEach((v, i) => {
    if (v < (values[lowest] ?? v)) lowest = i;
  });
  return lowest;
}
