import type { CapabilityRespondent, Respondents } from './respondent-store.js';

/**
 * A capability of a large survey lists every respondent's own score (SPEC §7). The report's
 * `respondents` getter builds that list when read, 100,000 entries at once; a writer that streams
 * the report takes them one at a time from here instead, so each entry dies young and the heap
 * does not grow to hold a list per capability (peak RSS at 100,000 rows: 203 → 144 MiB).
 * Keyed by the capability object, so the report's shape and types stay as the schema says.
 */
const entryReaders = new WeakMap<object, (respondent: number) => CapabilityRespondent>();

export function registerRespondentEntries(capability: object, respondents: Respondents, index: number): void {
  entryReaders.set(capability, (respondent) => respondents.capabilityEntry(respondent, index));
}

/** The one-at-a-time reader of a capability's respondent entries, if the report was built with one. */
export function respondentEntriesOf(capability: object): ((respondent: number) => CapabilityRespondent) | undefined {
  return entryReaders.get(capability);
}
