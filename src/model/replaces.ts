import type { Questionnaire } from './questionnaire.js';

const cache = new WeakMap<Questionnaire, ReadonlyMap<string, string>>();

/** Question ids of earlier versions → the current question that `replaces` them (SPEC §3). */
export function replacedQuestionIds(q: Questionnaire): ReadonlyMap<string, string> {
  let map = cache.get(q);
  if (!map) {
    map = new Map(
      q.capabilities.flatMap((cap) => cap.questions.flatMap((question) => (question.replaces ?? []).map((old) => [old, question.id]))),
    );
    cache.set(q, map);
  }
  return map;
}

/** Capability ids of earlier versions → the current capability that `replaces` them. */
export function replacedCapabilityIds(q: Questionnaire): ReadonlyMap<string, string> {
  return new Map(q.capabilities.flatMap((cap) => (cap.replaces ?? []).map((old): [string, string] => [old, cap.id])));
}

/**
 * An answer keyed by a replaced id counts for the question replacing it, unless that question is
 * answered already (in the file, or by an earlier replaced id): the current id wins. Undefined when
 * no answer is keyed by a replaced id.
 */
export function mapReplacedAnswers<T>(q: Questionnaire, answers: Readonly<Record<string, T>>): Record<string, T> | undefined {
  const replaced = replacedQuestionIds(q);
  // Undefined when nothing maps: batch scoring then keeps the file's own object.
  if (replaced.size === 0 || !Object.keys(answers).some((id) => replaced.has(id))) return undefined;
  const mapped: Record<string, T> = {};
  for (const [id, entry] of Object.entries(answers)) if (!replaced.has(id)) mapped[id] = entry;
  for (const [id, entry] of Object.entries(answers)) {
    const current = replaced.get(id);
    if (current !== undefined && !Object.hasOwn(mapped, current)) mapped[current] = entry;
  }
  return mapped;
}
