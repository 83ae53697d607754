import type { Recommendation } from '../model/questionnaire.js';
import type { LocalizedText } from '../model/text.js';

/** A recommendation item is a text or `{ action, doneWhen }` (SPEC §3). */
function isAction(item: Recommendation): item is Exclude<Recommendation, LocalizedText> {
  return typeof item === 'object' && 'action' in item && 'doneWhen' in item;
}

export function actionOf(item: Recommendation): LocalizedText {
  return isAction(item) ? item.action : item;
}

export function doneWhenOf(item: Recommendation): LocalizedText | undefined {
  return isAction(item) ? item.doneWhen : undefined;
}

/** Whether any of a capability's recommendations says when it is done: then reports carry `doneWhen`. */
export function hasDoneWhen(recommendations: Readonly<Record<string, readonly Recommendation[]>> | undefined): boolean {
  return Object.values(recommendations ?? {}).some((items) => items.some((item) => isAction(item)));
}
